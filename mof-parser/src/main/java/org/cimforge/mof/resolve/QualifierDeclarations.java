package org.cimforge.mof.resolve;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.ast.Named;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.CimValue;
import org.cimforge.mof.model.Flavor;
import org.cimforge.mof.model.QualifierType;
import org.cimforge.mof.model.Scope;

/**
 * Validates qualifier declarations (type, default, scopes, flavors) and keeps them by name. An
 * identical redeclaration is accepted, since schemas are often layered; a different one replaces the first
 * with a warning, as repository-based compilers do.
 */
final class QualifierDeclarations {
    private final DiagnosticSink sink;
    private final ValueConverter values;
    private final Map<CimName, QualifierType> declared = new LinkedHashMap<>();
    // Every declaration of a name with the position of its production, for redeclarations.
    private final Map<CimName, List<Positioned>> history = new HashMap<>();

    private record Positioned(int position, QualifierType type) {
    }

    QualifierDeclarations(DiagnosticSink sink, ValueConverter values) {
        this.sink = sink;
        this.values = values;
    }

    void declare(Production.QualifierDeclaration decl, int position) {
        CimTypeRef type = new CimTypeRef(decl.type().type(), null, decl.type().array(), decl.type().arraySize());
        String what = "qualifier " + decl.name();
        CimValue defaultValue = decl.defaultValue() == null ? CimValue.nullOf(type.type(), type.array())
                : values.convert(decl.defaultValue(), type, what, false);
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Named scope : decl.scopes()) {
            Scope parsed = Scope.fromMofName(scope.name());
            if (parsed == null) {
                sink.report(DiagnosticCode.INVALID_SCOPE, scope.location(), "unknown scope '" + scope.name()
                        + "'; expected one of class, association, indication, property, reference, method, parameter, qualifier, any");
            } else {
                scopes.add(parsed);
            }
        }
        if (!decl.scopeGiven()) {
            sink.report(DiagnosticCode.MISSING_SCOPE, decl.location(),
                    "qualifier declaration " + decl.name() + " has no Scope(...)");
        }
        Set<Flavor> flavors = flavors(decl.flavors());
        QualifierType qualifierType = new QualifierType(CimName.of(decl.name()), type, defaultValue, scopes,
                withDefaults(flavors), decl.location());
        QualifierType previous = declared.get(qualifierType.name());
        history.computeIfAbsent(qualifierType.name(), k -> new ArrayList<>()).add(new Positioned(position, qualifierType));
        if (previous == null) {
            declared.put(qualifierType.name(), qualifierType);
        } else if (!sameDeclaration(previous, qualifierType)) {
            sink.report(DiagnosticCode.DUPLICATE_QUALIFIER_DECLARATION, decl.location(), "qualifier " + decl.name()
                    + " is already declared differently at " + previous.location() + "; this declaration replaces it");
            declared.put(qualifierType.name(), qualifierType);
        }
    }

    /** Parses flavor keywords and reports unknown and contradictory ones. */
    Set<Flavor> flavors(List<Named> names) {
        Set<Flavor> flavors = EnumSet.noneOf(Flavor.class);
        for (Named name : names) {
            Flavor flavor = Flavor.fromMofName(name.name());
            if (flavor == null) {
                sink.report(DiagnosticCode.INVALID_FLAVOR, name.location(), "unknown flavor '" + name.name()
                        + "'; expected EnableOverride, DisableOverride, ToSubclass, Restricted or Translatable");
                continue;
            }
            Flavor opposite = opposite(flavor);
            if (opposite != null && flavors.contains(opposite)) {
                sink.report(DiagnosticCode.CONFLICTING_FLAVORS, name.location(),
                        "flavor " + flavor.mofName() + " contradicts " + opposite.mofName());
            }
            flavors.add(flavor);
        }
        return flavors;
    }

    static Flavor opposite(Flavor flavor) {
        return switch (flavor) {
            case ENABLE_OVERRIDE -> Flavor.DISABLE_OVERRIDE;
            case DISABLE_OVERRIDE -> Flavor.ENABLE_OVERRIDE;
            case TO_SUBCLASS -> Flavor.RESTRICTED;
            case RESTRICTED -> Flavor.TO_SUBCLASS;
            case TRANSLATABLE -> null;
        };
    }

    /** DSP0004 defaults: EnableOverride and ToSubclass unless the opposite is given. */
    static Set<Flavor> withDefaults(Set<Flavor> given) {
        Set<Flavor> result = given.isEmpty() ? EnumSet.noneOf(Flavor.class) : EnumSet.copyOf(given);
        if (!result.contains(Flavor.DISABLE_OVERRIDE)) {
            result.add(Flavor.ENABLE_OVERRIDE);
        }
        if (!result.contains(Flavor.RESTRICTED)) {
            result.add(Flavor.TO_SUBCLASS);
        }
        return result;
    }

    private static boolean sameDeclaration(QualifierType a, QualifierType b) {
        return a.type().equals(b.type()) && Objects.equals(a.defaultValue(), b.defaultValue())
                && a.scopes().equals(b.scopes()) && a.flavors().equals(b.flavors());
    }

    /**
     * The declaration in force at a production position: the latest one before it, or the first one
     * when the qualifier is only declared later (declaration order does not matter otherwise).
     */
    QualifierType get(String name, int position) {
        List<Positioned> versions = history.get(CimName.of(name));
        if (versions == null) {
            return null;
        }
        QualifierType inForce = versions.get(0).type();
        for (Positioned version : versions) {
            if (version.position() <= position) {
                inForce = version.type();
            }
        }
        return inForce;
    }

    List<QualifierType> all() {
        return new ArrayList<>(declared.values());
    }
}
