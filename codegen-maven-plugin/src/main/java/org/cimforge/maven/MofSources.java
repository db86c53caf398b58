package org.cimforge.maven;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Picks the top-level MOF files of a build: the files named explicitly, or else every file under the
 * source directory that matches the include patterns and none of the exclude patterns, sorted.
 */
final class MofSources {
    private MofSources() {
    }

    static List<Path> select(Path sourceDirectory, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.isDirectory(sourceDirectory)) {
            return List.of();
        }
        List<PathMatcher> in = matchers(includes);
        List<PathMatcher> out = matchers(excludes);
        List<Path> selected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceDirectory)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                Path relative = sourceDirectory.relativize(file);
                if (in.stream().anyMatch(m -> m.matches(relative)) && out.stream().noneMatch(m -> m.matches(relative))) {
                    selected.add(file);
                }
            });
        }
        return selected;
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            // "**/*.mof" should also match a file at the top of the folder, as in Ant/Maven patterns.
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
        return matchers;
    }
}
