package org.cimforge.maven;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The include path of a build: folders, and jar or zip files (e.g. a dependency that ships a CIM
 * schema) whose contents are searched as if they were folders. Close it to release the archives.
 */
final class IncludePath implements AutoCloseable {
    private final List<Path> roots = new ArrayList<>();
    private final List<Path> archives = new ArrayList<>();
    private final List<FileSystem> opened = new ArrayList<>();

    private IncludePath() {
    }

    /** Opens every entry; refuses one that is neither a folder nor a jar/zip file. */
    static IncludePath open(List<Path> entries) throws IOException {
        IncludePath path = new IncludePath();
        try {
            for (Path entry : entries) {
                String name = entry.getFileName() == null ? "" : entry.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isDirectory(entry)) {
                    path.roots.add(entry);
                } else if (Files.isRegularFile(entry) && (name.endsWith(".jar") || name.endsWith(".zip"))) {
                    FileSystem archive = FileSystems.newFileSystem(entry);
                    path.opened.add(archive);
                    path.roots.add(archive.getPath("/"));
                    path.archives.add(entry);
                } else {
                    throw new IllegalArgumentException("cimforge.includePath: " + entry
                            + " is neither a folder nor a .jar/.zip file");
                }
            }
        } catch (IOException | RuntimeException e) {
            path.close();
            throw e;
        }
        return path;
    }

    /** Folders to search, archive roots included, in the order given. */
    List<Path> roots() {
        return List.copyOf(roots);
    }

    /** The archive files, hashed as whole inputs for incremental builds. */
    List<Path> archives() {
        return List.copyOf(archives);
    }

    @Override
    public void close() {
        for (FileSystem fs : opened) {
            try {
                fs.close();
            } catch (IOException ignored) {
                // Nothing was written to the archive; failing to close it loses nothing.
            }
        }
        opened.clear();
    }
}
