package org.cimforge.mof.resolve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The include path used as a class search path, as pywbem's compiler does: a class that no compiled
 * file declares is looked up as a file named after it ({@code CIM_StorageVolume.mof}) anywhere under
 * the include path folders, and missing qualifier declarations in {@code qualifiers.mof} and
 * {@code qualifiers_optional.mof}. The folders are walked once, on the first lookup, into a map from
 * lower-cased file base name to file; a compilation that misses nothing never walks them.
 */
public final class ClassSearchPath {
    /** The files searched, in this order, for qualifier declarations no compiled file makes. */
    static final List<String> QUALIFIER_FILES = List.of("qualifiers", "qualifiers_optional");

    private final List<Path> roots;
    private Map<String, Path> index;
    private long indexNanos;
    private final Map<String, Path> foundWithoutDeclaration = new HashMap<>();

    /** A search path over these folders (archive roots too); nothing is read until the first lookup. */
    public ClassSearchPath(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    /**
     * The MOF file whose base name is {@code baseName} (any case), or null. When several folders hold
     * one, the earlier include path entry wins, and within an entry the shallower file, then the
     * first in path order, so the choice never depends on the order the file system lists them.
     */
    public Path find(String baseName) {
        if (roots.isEmpty()) {
            return null;
        }
        if (index == null) {
            long start = System.nanoTime();
            index = buildIndex(roots);
            indexNanos = System.nanoTime() - start;
        }
        return index.get(baseName.toLowerCase(Locale.ROOT));
    }

    /** Whether the folders were indexed in this compilation, and how long it took (for measurements). */
    public long indexNanos() {
        return indexNanos;
    }

    /** How many MOF files the index holds (0 when nothing had to be looked up). */
    public int indexedFiles() {
        return index == null ? 0 : index.size();
    }

    /** Remembers that the file found for a class turned out not to declare it, for the error message. */
    void foundButNotDeclared(String className, Path file) {
        foundWithoutDeclaration.put(className.toLowerCase(Locale.ROOT), file);
    }

    /** Text appended to an unknown-class or unknown-superclass message: where the class was looked for. */
    public String explainMissingClass(String className) {
        if (roots.isEmpty()) {
            return "";
        }
        Path found = foundWithoutDeclaration.get(className.toLowerCase(Locale.ROOT));
        if (found != null) {
            return "; " + display(found) + " on the include path does not declare it";
        }
        return "; no file " + className + ".mof under the include path (" + rootsText() + ")";
    }

    /** Text appended to an unknown-qualifier message: where else the declaration could come from or was looked for. */
    public String explainMissingQualifier() {
        if (roots.isEmpty()) {
            return " or include qualifiers.mof";
        }
        return "; neither qualifiers.mof nor qualifiers_optional.mof under the include path (" + rootsText()
                + ") declares it";
    }

    private String rootsText() {
        List<String> names = new ArrayList<>();
        roots.forEach(r -> names.add(display(r)));
        return String.join(", ", names);
    }

    static String display(Path path) {
        return path.getFileSystem() == java.nio.file.FileSystems.getDefault() ? path.toString()
                : path.toUri().toString();
    }

    private static Map<String, Path> buildIndex(List<Path> roots) {
        Map<String, Path> index = new HashMap<>();
        for (Path root : roots) {
            List<Path> files = new ArrayList<>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName() != null
                                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mof")) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // An unreadable folder only hides its own files; the rest of the path still counts.
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException unreadableRoot) {
                continue;
            }
            files.sort(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
            for (Path file : files) {
                String name = file.getFileName().toString();
                index.putIfAbsent(name.substring(0, name.length() - 4).toLowerCase(Locale.ROOT), file);
            }
        }
        return index;
    }
}
