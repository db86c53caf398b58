package org.cimforge.runtime.query;

/** Answers ISA questions while a query is evaluated: whether one class is another or one of its subclasses. */
@FunctionalInterface
public interface ClassHierarchy {
    /** Knows no inheritance: a class is only itself (names compared ignoring case). */
    ClassHierarchy EXACT = (className, ancestor) -> className.equalsIgnoreCase(ancestor);

    /** Whether {@code className} is {@code ancestor} or derives from it (names compared ignoring case). */
    boolean isA(String className, String ancestor);
}
