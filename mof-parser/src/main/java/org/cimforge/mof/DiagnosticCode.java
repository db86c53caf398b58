package org.cimforge.mof;

import java.util.Locale;

/**
 * Stable identifiers for every kind of problem the compiler reports; tests and tools match these,
 * never the message wording.
 */
public enum DiagnosticCode {
    // Input files
    FILE_NOT_FOUND(Severity.ERROR),
    FILE_UNREADABLE(Severity.ERROR),
    ENCODING(Severity.WARNING),
    INCLUDE_NOT_FOUND(Severity.ERROR),
    INCLUDE_CYCLE(Severity.ERROR),
    // Limits on the output
    TOO_MANY_ERRORS(Severity.ERROR),
    TOO_MANY_WARNINGS(Severity.WARNING),
    // Lexical and syntax
    SYNTAX(Severity.ERROR),
    UNTERMINATED_COMMENT(Severity.ERROR),
    UNTERMINATED_STRING(Severity.ERROR),
    INVALID_CHARACTER(Severity.ERROR),
    INVALID_ESCAPE(Severity.WARNING),
    INVALID_LITERAL(Severity.ERROR),
    CONTROL_CHARACTER(Severity.ERROR),
    // Pragmas
    UNKNOWN_PRAGMA(Severity.WARNING),
    INVALID_PRAGMA(Severity.ERROR),
    // Qualifier declarations and uses
    DUPLICATE_QUALIFIER_DECLARATION(Severity.WARNING),
    INVALID_SCOPE(Severity.ERROR),
    MISSING_SCOPE(Severity.ERROR),
    INVALID_FLAVOR(Severity.ERROR),
    CONFLICTING_FLAVORS(Severity.ERROR),
    UNKNOWN_QUALIFIER(Severity.ERROR),
    QUALIFIER_SCOPE(Severity.ERROR),
    DUPLICATE_QUALIFIER(Severity.ERROR),
    QUALIFIER_OVERRIDE_DISABLED(Severity.ERROR),
    // Values
    TYPE_MISMATCH(Severity.ERROR),
    VALUE_OUT_OF_RANGE(Severity.ERROR),
    REAL_OUT_OF_RANGE(Severity.ERROR),
    ARRAY_TOO_LONG(Severity.ERROR),
    INVALID_DATETIME(Severity.ERROR),
    // Classes and members
    DUPLICATE_CLASS(Severity.WARNING),
    UNKNOWN_SUPERCLASS(Severity.ERROR),
    INHERITANCE_CYCLE(Severity.ERROR),
    DUPLICATE_MEMBER(Severity.WARNING),
    DUPLICATE_PARAMETER(Severity.ERROR),
    OVERRIDE_TARGET_MISSING(Severity.WARNING),
    OVERRIDE_TYPE_MISMATCH(Severity.ERROR),
    IMPLICIT_OVERRIDE(Severity.WARNING),
    UNKNOWN_CLASS(Severity.ERROR),
    REFERENCE_OUTSIDE_ASSOCIATION(Severity.WARNING),
    ASSOCIATION_WITHOUT_REFERENCES(Severity.WARNING),
    VALUEMAP_MISMATCH(Severity.ERROR),
    INVALID_VALUEMAP(Severity.ERROR),
    // Instances
    ABSTRACT_INSTANCE(Severity.ERROR),
    UNKNOWN_PROPERTY(Severity.ERROR),
    DUPLICATE_PROPERTY_VALUE(Severity.WARNING),
    DUPLICATE_ALIAS(Severity.WARNING),
    UNKNOWN_ALIAS(Severity.ERROR);

    private final Severity defaultSeverity;

    DiagnosticCode(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    /** The severity this kind of problem has unless warnings are made fatal. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The stable, human-readable code shown in brackets, e.g. {@code unknown-qualifier}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
