package org.cimforge.mof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects diagnostics in the order they are found and attaches the source line of each,
 * so a compilation reports every problem at once instead of stopping at the first.
 */
public final class DiagnosticSink {
    private final Map<String, SourceText> sources = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int errorCount;

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
        SourceText text = sources.get(location.path());
        String line = text == null ? null : text.line(location.line());
        addDiagnostic(new Diagnostic(severity, code, location, message, line));
    }

    /** Adds a diagnostic made elsewhere (e.g. by a parser running on another thread). */
    public void addDiagnostic(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
        if (diagnostic.isError()) {
            errorCount++;
        }
    }

    public int errorCount() {
        return errorCount;
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
