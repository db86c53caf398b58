package org.cimforge.mof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects diagnostics in the order they are found and attaches the source line of each,
 * so a compilation reports every problem at once instead of stopping at the first. Beyond the
 * {@link DiagnosticLimits} it only counts, and {@link #diagnostics()} ends with one line per limit hit.
 */
public final class DiagnosticSink {
    private final Map<String, SourceText> sources = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final DiagnosticLimits limits;
    private final Map<String, Integer> warningsPerFile = new HashMap<>();
    private final Map<String, Suppressed> suppressedWarnings = new LinkedHashMap<>();
    private Suppressed suppressedErrors;
    private SourceLocation parsingStoppedAt;
    private int errorCount;
    private int shownErrors;

    /** Diagnostics past the limit: how many, and where the first of them was. */
    private static final class Suppressed {
        final SourceLocation first;
        long count;

        Suppressed(SourceLocation first) {
            this.first = first;
        }
    }

    public DiagnosticSink() {
        this(DiagnosticLimits.DEFAULT);
    }

    public DiagnosticSink(DiagnosticLimits limits) {
        this.limits = limits;
    }

    public DiagnosticLimits limits() {
        return limits;
    }

    /** Makes a file's lines available for the excerpts of later diagnostics. */
    public void register(SourceText text) {
        sources.put(text.path(), text);
    }

    /** Reports a problem with the code's default severity. */
    public void report(DiagnosticCode code, SourceLocation location, String message) {
        add(code.defaultSeverity(), code, location, message);
    }

    /** Reports a problem with an explicit severity. */
    public void add(Severity severity, DiagnosticCode code, SourceLocation location, String message) {
        if (!keeps(severity, location)) {
            count(severity, location, 1);
            return;
        }
        SourceText text = sources.get(location.path());
        String line = text == null ? null : text.line(location.line());
        addDiagnostic(new Diagnostic(severity, code, location, message, line));
    }

    /** Adds a diagnostic made elsewhere (e.g. by a parser running on another thread). */
    public void addDiagnostic(Diagnostic diagnostic) {
        if (!keeps(diagnostic.severity(), diagnostic.location())) {
            count(diagnostic.severity(), diagnostic.location(), 1);
            return;
        }
        diagnostics.add(diagnostic);
        if (diagnostic.isError()) {
            errorCount++;
            shownErrors++;
        } else {
            warningsPerFile.merge(diagnostic.location().path(), 1, Integer::sum);
        }
    }

    /**
     * Counts diagnostics that were dropped before they reached the sink (a parser keeps at most the
     * limit of one file), so the closing summary line still gives the true number.
     */
    public void addSuppressed(Severity severity, SourceLocation firstDropped, long count) {
        if (count > 0) {
            count(severity, firstDropped, count);
        }
    }

    /** Records that a file's parser stopped at the error limit, at the given place. */
    public void parsingStopped(SourceLocation where) {
        if (parsingStoppedAt == null) {
            parsingStoppedAt = where;
        }
    }

    private boolean keeps(Severity severity, SourceLocation location) {
        if (severity == Severity.ERROR) {
            return shownErrors < limits.errorCap();
        }
        return warningsPerFile.getOrDefault(location.path(), 0) < limits.warningCapPerFile();
    }

    private void count(Severity severity, SourceLocation location, long count) {
        if (severity == Severity.ERROR) {
            errorCount += (int) Math.min(count, Integer.MAX_VALUE - errorCount);
            if (suppressedErrors == null) {
                suppressedErrors = new Suppressed(location);
            }
            suppressedErrors.count += count;
        } else {
            suppressedWarnings.computeIfAbsent(location.path(), p -> new Suppressed(location)).count += count;
        }
    }

    /** How many errors and warnings the limits kept out of {@link #diagnostics()}. */
    public long notShown() {
        long warnings = suppressedWarnings.values().stream().mapToLong(w -> w.count).sum();
        return warnings + (suppressedErrors == null ? 0 : suppressedErrors.count);
    }

    /** Every error found, those past the limit included. */
    public int errorCount() {
        return errorCount;
    }

    /** The diagnostics kept, then one line per file whose warnings hit the limit and one if errors did. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(diagnostics.size() + suppressedWarnings.size() + 1);
        all.addAll(diagnostics);
        suppressedWarnings.forEach((path, s) -> all.add(new Diagnostic(Severity.WARNING,
                DiagnosticCode.TOO_MANY_WARNINGS, s.first, "too many warnings in " + path + ": " + s.count
                + " more not shown (the limit is " + limits.maxWarningsPerFile() + " per file)", null)));
        if (suppressedErrors != null) {
            String stopped = parsingStoppedAt == null ? ""
                    : "; parsing stopped at " + parsingStoppedAt + ", so there may be more";
            all.add(new Diagnostic(Severity.ERROR, DiagnosticCode.TOO_MANY_ERRORS, suppressedErrors.first,
                    "too many errors: " + suppressedErrors.count + " more not shown (the limit is "
                            + limits.maxErrors() + "), the first of them here" + stopped, null));
        } else if (parsingStoppedAt != null) {
            all.add(new Diagnostic(Severity.ERROR, DiagnosticCode.TOO_MANY_ERRORS, parsingStoppedAt,
                    "too many errors: parsing stopped here at the limit of " + limits.maxErrors()
                            + " errors, so there may be more", null));
        }
        return all;
    }
}
