package org.cimforge.mof;

/** How serious a diagnostic is: errors fail the compilation, warnings do not (unless made fatal). */
public enum Severity {
    ERROR, WARNING;

    /** The lower-case word used in rendered diagnostics. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
