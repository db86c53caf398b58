package org.cimforge.mof;

/**
 * Diagnostics of one severity that a file had beyond the limits: how many, and where the first was.
 * {@code parsingStopped} marks a file whose parser stopped at the error limit, so that whatever
 * followed {@code first} was not examined (and {@code count} says nothing about it).
 */
public record DroppedDiagnostics(Severity severity, SourceLocation first, long count, boolean parsingStopped) {

    public DroppedDiagnostics(Severity severity, SourceLocation first, long count) {
        this(severity, first, count, false);
    }
}
