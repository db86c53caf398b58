package org.cimforge.sample;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;

/** Turns a startup failure into one readable line: the messages along the cause chain, without Java noise. */
public final class CliErrors {
    private static final int MAX_DEPTH = 8;

    private CliErrors() {
    }

    /** The distinct messages of {@code error} and its causes, joined with ": ", plus a hint for a busy port. */
    public static String describe(Throwable error) {
        List<String> parts = new ArrayList<>();
        boolean portInUse = false;
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            portInUse |= t instanceof BindException;
            String message = t.getMessage();
            Throwable cause = t.getCause();
            // A wrapper whose message is only its cause's toString() adds nothing but a class name.
            if (cause != null && (message == null || message.equals(cause.toString()))) {
                continue;
            }
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
            if (parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
        }
        String line = String.join(": ", parts).replace('\n', ' ');
        return portInUse ? line + " (is another provider running? choose other ports with --http-port/--https-port)"
                : line;
    }

    /** The first {@link SampleConfigException} in the cause chain, or null. */
    static SampleConfigException configProblem(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof SampleConfigException problem) {
                return problem;
            }
        }
        return null;
    }
}
