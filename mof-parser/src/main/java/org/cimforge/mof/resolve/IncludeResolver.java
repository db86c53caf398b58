package org.cimforge.mof.resolve;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Finds the file a {@code #pragma include} names: next to the including file first, then on the include path. */
final class IncludeResolver {
    private final List<Path> includePath;

    IncludeResolver(List<Path> includePath) {
        this.includePath = List.copyOf(includePath);
    }

    /** The file to read, or null when no candidate exists. */
    Path resolve(Path includingFile, String name) {
        // Schemas written on Windows use backslashes in include names.
        String normalized = name.replace('\\', '/');
        try {
            Path parent = includingFile.getParent();
            Path local = parent == null ? Path.of(normalized) : parent.resolve(normalized);
            if (Files.isRegularFile(local)) {
                return local.normalize();
            }
            for (Path dir : includePath) {
                Path candidate = dir.resolve(normalized);
                if (Files.isRegularFile(candidate)) {
                    return candidate.normalize();
                }
            }
        } catch (InvalidPathException badName) {
            return null;
        }
        return null;
    }

    String describeSearchPath() {
        if (includePath.isEmpty()) {
            return "; no include path is set";
        }
        StringBuilder text = new StringBuilder(" and in the include path:");
        includePath.forEach(p -> text.append(' ').append(p));
        return text.toString();
    }
}
