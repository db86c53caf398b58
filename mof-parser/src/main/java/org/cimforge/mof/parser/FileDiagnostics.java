package org.cimforge.mof.parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticLimits;
import org.cimforge.mof.Severity;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.SourceText;

/**
 * The diagnostics of one file while it is parsed, kept up to the {@link DiagnosticLimits} and only
 * counted beyond them, so a file of garbage costs neither the memory for millions of diagnostics nor
 * the time to cut its source line for each.
 */
final class FileDiagnostics {
    private final SourceText source;
    private final int errorCap;
    private final int warningCap;
    private final List<Diagnostic> kept = new ArrayList<>();
    private final Dropped errorsDropped = new Dropped(Severity.ERROR);
    private final Dropped warningsDropped = new Dropped(Severity.WARNING);
    private int errors;
    private SourceLocation stoppedAt;
    private int warnings;

    /** Diagnostics of one severity left out: how many, and where the first was. */
    static final class Dropped {
        final Severity severity;
        SourceLocation first;
        long count;

        Dropped(Severity severity) {
            this.severity = severity;
        }

        void add(SourceLocation location, long n) {
            if (first == null) {
                first = location;
            }
            count += n;
        }
    }

    FileDiagnostics(SourceText source, DiagnosticLimits limits) {
        this.source = source;
        this.errorCap = limits.errorCap();
        this.warningCap = limits.warningCapPerFile();
    }

    /** Reports at a location in this file with the code's default severity. */
    void report(DiagnosticCode code, SourceLocation location, String message) {
        boolean error = code.defaultSeverity() == Severity.ERROR;
        if (error ? errors >= errorCap : warnings >= warningCap) {
            (error ? errorsDropped : warningsDropped).add(location, 1);
            return;
        }
        if (error) {
            errors++;
        } else {
            warnings++;
        }
        kept.add(new Diagnostic(code.defaultSeverity(), code, location, message, source.line(location.line())));
    }

    /** True once this file has as many errors as a whole compilation may show: parsing on is wasted. */
    boolean errorLimitReached() {
        return errors >= errorCap;
    }

    /**
     * The kept diagnostics in file order. Lexer, parser and literal checks report in separate passes,
     * so after sorting only the first ones up to each limit stay; the others join the dropped counts.
     */
    List<Diagnostic> sorted() {
        kept.sort(Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        List<Diagnostic> result = new ArrayList<>(kept.size());
        int e = 0;
        int w = 0;
        List<Diagnostic> lateErrors = new ArrayList<>();
        List<Diagnostic> lateWarnings = new ArrayList<>();
        for (Diagnostic d : kept) {
            if (d.isError() ? e++ < errorCap : w++ < warningCap) {
                result.add(d);
            } else {
                (d.isError() ? lateErrors : lateWarnings).add(d);
            }
        }
        lateErrors.forEach(d -> errorsDropped.add(d.location(), 1));
        lateWarnings.forEach(d -> warningsDropped.add(d.location(), 1));
        return result;
    }

    /** The counts of what was left out (count 0 when nothing was). */
    List<Dropped> dropped() {
        return List.of(errorsDropped, warningsDropped);
    }

    /** Marks that the parser gave up at this place because the error limit was reached. */
    void stoppedAt(SourceLocation location) {
        stoppedAt = location;
    }

    /** Where the parser gave up, or null when it read the whole file. */
    SourceLocation stoppedAt() {
        return stoppedAt;
    }
}
