package org.cimforge.mof;

import java.util.Objects;

/** A position in a MOF source file: the file as given, a 1-based line and a 1-based column. */
public record SourceLocation(String path, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(path, "path");
    }

    /** A location for a whole file, used where no finer position exists (e.g. an unreadable file). */
    public static SourceLocation ofFile(String path) {
        return new SourceLocation(path, 1, 1);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
