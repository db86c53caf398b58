package org.cimforge.codegen.doc;

import java.util.List;
import java.util.Objects;

/**
 * What the class reference covers and what it is called: {@code includes} are class names or globs (empty means
 * every class), closed over superclasses, REF targets and EmbeddedInstance classes as for code generation.
 */
public record DocOptions(String title, List<String> includes) {

    public DocOptions {
        Objects.requireNonNull(title, "title");
        includes = List.copyOf(includes);
    }

    /** Every class, under a generic title. */
    public static DocOptions defaults() {
        return new DocOptions("CIM class reference", List.of());
    }
}
