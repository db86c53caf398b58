package org.cimforge.mof;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimSchema;

/**
 * What a compilation produced: the resolved schema (built as far as the input allowed, even when
 * there are errors), every diagnostic in the order found, and the texts of the files read (includes
 * too), in the order they were read, which of them were found by name on the class search path, and how many
 * diagnostics the error and warning limits kept out of {@code diagnostics}.
 */
public record CompilationResult(CimSchema schema, List<Diagnostic> diagnostics, List<SourceText> sources,
                                List<String> foundOnSearchPath, long diagnosticsNotShown) {

    public CompilationResult {
        diagnostics = List.copyOf(diagnostics);
        sources = List.copyOf(sources);
        foundOnSearchPath = List.copyOf(foundOnSearchPath);
    }

    /** A result whose diagnostics are all shown. */
    public CompilationResult(CimSchema schema, List<Diagnostic> diagnostics, List<SourceText> sources,
                             List<String> foundOnSearchPath) {
        this(schema, diagnostics, sources, foundOnSearchPath, 0);
    }

    /** A result in which no file was found on the class search path. */
    public CompilationResult(CimSchema schema, List<Diagnostic> diagnostics, List<SourceText> sources) {
        this(schema, diagnostics, sources, List.of());
    }

    /**
     * Whether a class came from a file the compiler found on the include path by its name (class
     * search path) rather than from the files compiled and what they include.
     */
    public boolean foundOnSearchPath(CimClass cimClass) {
        return foundOnSearchPath.contains(cimClass.location().path());
    }

    /** The classes declared by the compiled files and their includes, not found on the search path. */
    public List<CimClass> ownClasses() {
        Set<String> found = new HashSet<>(foundOnSearchPath);
        return schema.classes().stream().filter(c -> !found.contains(c.location().path())).toList();
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
