package org.cimforge.mof;

/**
 * How many diagnostics a compilation keeps: at most {@code maxErrors} errors in all and
 * {@code maxWarningsPerFile} warnings per file; the rest are counted and summed up in one
 * {@code too-many-errors} / {@code too-many-warnings} line, as javac's {@code -Xmaxerrs} does, so a
 * file of garbage cannot flood the output or the memory. 0 means no limit.
 */
public record DiagnosticLimits(int maxErrors, int maxWarningsPerFile) {
    /** 100 errors, 100 warnings per file. */
    public static final DiagnosticLimits DEFAULT = new DiagnosticLimits(100, 100);
    /** Every diagnostic kept. */
    public static final DiagnosticLimits NONE = new DiagnosticLimits(0, 0);

    public DiagnosticLimits {
        if (maxErrors < 0 || maxWarningsPerFile < 0) {
            throw new IllegalArgumentException("diagnostic limits must be 0 (no limit) or positive, were "
                    + maxErrors + " and " + maxWarningsPerFile);
        }
    }

    /** The error limit, with "no limit" as Integer.MAX_VALUE. */
    public int errorCap() {
        return maxErrors == 0 ? Integer.MAX_VALUE : maxErrors;
    }

    /** The per-file warning limit, with "no limit" as Integer.MAX_VALUE. */
    public int warningCapPerFile() {
        return maxWarningsPerFile == 0 ? Integer.MAX_VALUE : maxWarningsPerFile;
    }
}
