package org.cimforge.codegen.init;

import java.util.List;
import org.cimforge.mof.Diagnostic;

/** A request {@code init} refuses (an existing folder, a bad name, a MOF that does not compile); nothing is written. */
public final class InitException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The MOF diagnostics behind the refusal, empty when it is not about the MOF. */
    private final transient List<Diagnostic> diagnostics;

    /** A refusal explained by {@code message}. */
    public InitException(String message) {
        this(message, List.of());
    }

    /** A refusal because the MOF has errors. */
    public InitException(String message, List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The MOF diagnostics (errors and warnings) to show, in the order found. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
