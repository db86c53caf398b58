package org.cimforge.mof;

import java.util.Objects;

/**
 * One problem found in MOF input, rendered as {@code path:line:col: error: message [code]}
 * followed by the offending source line and a caret under the column.
 */
public record Diagnostic(Severity severity, DiagnosticCode code, SourceLocation location, String message,
                         String sourceLine) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** True for errors, which make a compilation fail. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form: {@code path:line:col: error: message [code]}. */
    public String headline() {
        return location + ": " + severity.label() + ": " + message + " [" + code.id() + "]";
    }

    /** The headline plus, when the source line is known, that line and a caret under the column. */
    public String render() {
        if (sourceLine == null) {
            return headline();
        }
        StringBuilder out = new StringBuilder(headline()).append('\n').append(sourceLine).append('\n');
        int caretColumn = Math.max(1, location.column());
        for (int i = 0; i < caretColumn - 1 && i < sourceLine.length(); i++) {
            // Keep tabs so the caret lines up with the source line as a terminal shows it.
            out.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return out.append('^').toString();
    }

    @Override
    public String toString() {
        return headline();
    }
}
