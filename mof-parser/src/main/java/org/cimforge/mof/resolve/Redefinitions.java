package org.cimforge.mof.resolve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.RedefinitionPolicy;
import org.cimforge.mof.Severity;
import org.cimforge.mof.ast.Feature;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.model.CimName;

/**
 * Decides which of two declarations of one class stands, by the {@link RedefinitionPolicy}, and reports
 * the second with both locations and the members the losing declaration has that the winner lacks, so
 * no member disappears without a word.
 */
final class Redefinitions {
    // Enough names to recognise the class; the count says how many more there are.
    private static final int MEMBERS_NAMED = 5;

    private final DiagnosticSink sink;
    private final RedefinitionPolicy policy;
    private final Set<String> foundOnSearchPath;

    Redefinitions(DiagnosticSink sink, RedefinitionPolicy policy, Set<String> foundOnSearchPath) {
        this.sink = sink;
        this.policy = policy;
        this.foundOnSearchPath = Set.copyOf(foundOnSearchPath);
    }

    /** Reports {@code later} and returns whether it replaces {@code earlier}. */
    boolean replaces(Production.ClassDeclaration earlier, Production.ClassDeclaration later) {
        String both = "class " + later.name() + " is declared again here; it is already declared at "
                + earlier.location();
        boolean earlierFound = foundOnSearchPath.contains(earlier.location().path());
        boolean laterFound = foundOnSearchPath.contains(later.location().path());
        if (earlierFound && !laterFound) {
            // The search path fills in what the compiled files lack; their own declaration comes first.
            sink.report(DiagnosticCode.DUPLICATE_CLASS, later.location(), both
                    + " (a file found on the include path by name); this declaration is used"
                    + dropped(earlier, later));
            return true;
        }
        switch (policy) {
            case REPLACE -> {
                sink.report(DiagnosticCode.DUPLICATE_CLASS, later.location(), both
                        + "; this later declaration replaces it (--redefinition=replace)" + dropped(earlier, later));
                return true;
            }
            case ERROR -> {
                sink.add(Severity.ERROR, DiagnosticCode.DUPLICATE_CLASS, later.location(), both
                        + " (--redefinition=error)");
                return false;
            }
            default -> {
                sink.report(DiagnosticCode.DUPLICATE_CLASS, later.location(), both
                        + "; the first declaration stands and this one is ignored" + dropped(later, earlier));
                return false;
            }
        }
    }

    /** The members {@code loser} declares that {@code winner} does not, as a message suffix. */
    private static String dropped(Production.ClassDeclaration loser, Production.ClassDeclaration winner) {
        Set<CimName> kept = new java.util.HashSet<>();
        for (Feature f : winner.features()) {
            kept.add(CimName.of(f.name()));
        }
        Set<String> lost = new LinkedHashSet<>();
        for (Feature f : loser.features()) {
            if (!kept.contains(CimName.of(f.name()))) {
                lost.add(f.name());
            }
        }
        boolean superDiffers = loser.superClass() != null
                && (winner.superClass() == null || !CimName.of(loser.superClass()).equals(CimName.of(winner.superClass())));
        String superText = superDiffers ? "; its superclass " + loser.superClass() + " is not used" : "";
        if (lost.isEmpty()) {
            return superText;
        }
        List<String> named = new ArrayList<>(lost).subList(0, Math.min(MEMBERS_NAMED, lost.size()));
        String more = lost.size() > MEMBERS_NAMED ? ", ... (" + lost.size() + " in all)" : "";
        return superText + "; members declared only at " + loser.location() + " are not used: "
                + String.join(", ", named) + more;
    }
}
