package org.cimforge.mof;

/** Diagnostics of one severity that a file had beyond the limits: how many, and where the first was. */
public record DroppedDiagnostics(Severity severity, SourceLocation first, long count) {
}
