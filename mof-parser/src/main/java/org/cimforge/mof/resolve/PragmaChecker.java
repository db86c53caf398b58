package org.cimforge.mof.resolve;

import java.util.Set;
import java.util.regex.Pattern;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.ast.Production;

/**
 * Checks compiler directives: known pragmas need their argument, {@code locale} needs a locale
 * name, and unknown pragmas are ignored with a warning (DSP0004 lets compilers skip them).
 */
final class PragmaChecker {
    private static final Set<String> KNOWN = Set.of("include", "locale", "namespace", "instancelocale",
            "nonlocal", "nonlocaltype", "source", "sourcetype");
    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})*");

    private final DiagnosticSink sink;

    PragmaChecker(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** Returns the namespace a {@code namespace} pragma sets, or null for any other pragma. */
    String check(Production.Pragma pragma) {
        String name = pragma.name().toLowerCase(java.util.Locale.ROOT);
        if (!KNOWN.contains(name)) {
            sink.report(DiagnosticCode.UNKNOWN_PRAGMA, pragma.location(), "unknown pragma '" + pragma.name()
                    + "' is ignored (known: " + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
            return null;
        }
        if (pragma.arguments().isEmpty()) {
            sink.report(DiagnosticCode.INVALID_PRAGMA, pragma.location(),
                    "pragma " + pragma.name() + " needs an argument, e.g. #pragma " + name + " (\"...\")");
            return null;
        }
        String argument = pragma.arguments().get(0);
        if ((name.equals("locale") || name.equals("instancelocale")) && !LOCALE.matcher(argument).matches()) {
            sink.report(DiagnosticCode.INVALID_PRAGMA, pragma.location(),
                    "'" + argument + "' is not a locale name such as en_US");
        }
        return name.equals("namespace") ? argument : null;
    }
}
