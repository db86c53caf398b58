package org.cimforge.codegen;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The separate I/O step: writes generated files under a source root, touching only files whose content changed. */
public final class SourceWriter {

    private SourceWriter() {
    }

    /** Writes every file and returns the paths written or confirmed unchanged, in the files' order. */
    public static List<Path> write(List<JavaFile> files, Path sourceRoot) throws IOException {
        // Rendering dominates for large schemas and each file renders independently: use every core.
        List<byte[]> rendered = files.parallelStream()
                .map(f -> f.toString().getBytes(StandardCharsets.UTF_8)).toList();
        List<Path> paths = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            JavaFile file = files.get(i);
            Path dir = sourceRoot;
            if (!file.packageName().isEmpty()) {
                for (String segment : file.packageName().split("\\.")) {
                    dir = dir.resolve(segment);
                }
            }
            Path target = dir.resolve(file.typeSpec().name() + ".java");
            byte[] content = rendered.get(i);
            // Leaving unchanged files alone keeps their timestamps, so incremental compilers skip them.
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), content)) {
                Files.createDirectories(dir);
                Files.write(target, content);
            }
            paths.add(target);
        }
        return paths;
    }
}
