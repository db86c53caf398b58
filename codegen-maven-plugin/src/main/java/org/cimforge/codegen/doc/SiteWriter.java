package org.cimforge.codegen.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a rendered site into a folder. Files whose content is unchanged are left alone (their timestamps stay),
 * and class pages of the {@code classes/} folder that the site no longer has are deleted, so a class removed from
 * the MOF disappears from the reference. Nothing else in the folder is touched.
 */
public final class SiteWriter {
    private SiteWriter() {
    }

    /** Outcome of a write: files written (new or changed), left unchanged, and stale pages removed. */
    public record Result(int written, int unchanged, int removed) {
    }

    public static Result write(Map<String, String> site, Path folder) throws IOException {
        int written = 0;
        int unchanged = 0;
        for (Map.Entry<String, String> file : site.entrySet()) {
            Path target = folder.resolve(file.getKey());
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                unchanged++;
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            written++;
        }
        int removed = 0;
        Path pages = folder.resolve("classes");
        if (Files.isDirectory(pages)) {
            List<Path> stale;
            try (Stream<Path> listing = Files.list(pages)) {
                stale = listing.filter(p -> p.getFileName().toString().endsWith(".html"))
                        .filter(p -> !site.containsKey("classes/" + p.getFileName())).sorted().toList();
            }
            for (Path p : stale) {
                Files.delete(p);
                removed++;
            }
        }
        return new Result(written, unchanged, removed);
    }
}
