package org.cimforge.mof;

import java.util.List;
import org.cimforge.mof.model.CimSchema;

/**
 * What a compilation produced: the resolved schema (built as far as the input allowed, even when
 * there are errors), every diagnostic in the order found, and the texts of the files read (includes
 * too), in the order they were read.
 */
public record CompilationResult(CimSchema schema, List<Diagnostic> diagnostics, List<SourceText> sources) {

    public CompilationResult {
        diagnostics = List.copyOf(diagnostics);
        sources = List.copyOf(sources);
    }

    /** The paths of the files read, as diagnostics show them, in the order read. */
    public List<String> files() {
        return sources.stream().map(SourceText::path).toList();
    }

    /** How many files were read, includes counted. */
    public int fileCount() {
        return sources.size();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Every diagnostic in its full form (headline, source line, caret), one after another. */
    public String renderDiagnostics() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(d.render()).append('\n');
        }
        return out.toString();
    }
}
