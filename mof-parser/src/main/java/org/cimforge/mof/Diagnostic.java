package org.cimforge.mof;

import java.util.Objects;

/**
 * One problem found in MOF input, rendered as {@code path:line:col: error: message [code]}
 * followed by the offending source line and a caret under the column. A long line is kept only as a
 * window around the column ({@code sourceLine} then starts or ends with "..."), so a file made of one
 * 100 KB line costs a few hundred bytes per diagnostic, not the whole line each time.
 *
 * @param caretShift how far left of its column in the file the caret falls in {@code sourceLine}
 *                   (0 when the whole line is kept)
 */
public record Diagnostic(Severity severity, DiagnosticCode code, SourceLocation location, String message,
                         String sourceLine, int caretShift) {
    /** Longest source line shown in full; longer ones are cut to this many characters around the column. */
    public static final int MAX_EXCERPT = 160;
    private static final String CUT = "...";

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** A diagnostic with the whole source line, which is cut to a window around the column when long. */
    public Diagnostic(Severity severity, DiagnosticCode code, SourceLocation location, String message,
                      String sourceLine) {
        this(severity, code, location, message, excerpt(sourceLine, location.column()),
                shift(sourceLine, location.column()));
    }

    private static int windowStart(String line, int column) {
        int caret = Math.max(0, column - 1);
        return Math.max(0, Math.min(caret - MAX_EXCERPT / 2, line.length() - MAX_EXCERPT));
    }

    private static String excerpt(String line, int column) {
        if (line == null || line.length() <= MAX_EXCERPT) {
            return line;
        }
        int start = windowStart(line, column);
        int end = start + MAX_EXCERPT;
        return (start > 0 ? CUT : "") + line.substring(start, end) + (end < line.length() ? CUT : "");
    }

    private static int shift(String line, int column) {
        if (line == null || line.length() <= MAX_EXCERPT) {
            return 0;
        }
        int start = windowStart(line, column);
        return start > 0 ? start - CUT.length() : 0;
    }

    /** The same diagnostic with another severity (for warnings made fatal). */
    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(newSeverity, code, location, message, sourceLine, caretShift);
    }

    /** True for errors, which make a compilation fail. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form: {@code path:line:col: error: message [code]}. */
    public String headline() {
        return location + ": " + severity.label() + ": " + message + " [" + code.id() + "]";
    }

    /** The headline plus, when the source line is known, that line (or its window) and a caret under the column. */
    public String render() {
        if (sourceLine == null) {
            return headline();
        }
        StringBuilder out = new StringBuilder(headline()).append('\n').append(sourceLine).append('\n');
        int caretIndex = Math.max(0, location.column() - 1 - caretShift);
        for (int i = 0; i < caretIndex && i < sourceLine.length(); i++) {
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
