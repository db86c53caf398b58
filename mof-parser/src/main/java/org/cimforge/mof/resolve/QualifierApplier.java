package org.cimforge.mof.resolve;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.ast.QualifierUse;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimQualifier;
import org.cimforge.mof.model.CimValue;
import org.cimforge.mof.model.Flavor;
import org.cimforge.mof.model.QualifierType;
import org.cimforge.mof.model.Qualifiers;
import org.cimforge.mof.model.Scope;

/**
 * Computes the effective qualifiers of an element: checks each written qualifier against its
 * declaration (known, in scope, typed value, flavors), then merges in the qualifiers inherited from
 * the overridden element whose flavor is ToSubclass, refusing changes to DisableOverride ones.
 */
final class QualifierApplier {
    private final DiagnosticSink sink;
    private final QualifierDeclarations declarations;
    private final ValueConverter values;
    // Production position of the element being resolved; selects redeclared qualifier versions.
    private int position = Integer.MAX_VALUE;

    private final ClassSearchPath searchPath;

    QualifierApplier(DiagnosticSink sink, QualifierDeclarations declarations, ValueConverter values,
                     ClassSearchPath searchPath) {
        this.sink = sink;
        this.searchPath = searchPath;
        this.declarations = declarations;
        this.values = values;
    }

    /** Sets the production position that the following {@link #apply} calls resolve at. */
    void at(int productionPosition) {
        this.position = productionPosition;
    }

    /**
     * @param uses      the qualifiers written on the element
     * @param scopes    the kinds this element counts as (e.g. CLASS and ASSOCIATION)
     * @param inherited the effective qualifiers of the overridden element or superclass, or null
     * @param element   how to name the element in messages
     */
    Qualifiers apply(List<QualifierUse> uses, Set<Scope> scopes, Qualifiers inherited, String element) {
        Map<CimName, CimQualifier> result = new LinkedHashMap<>();
        if (inherited != null) {
            for (CimQualifier q : inherited.all()) {
                if (q.has(Flavor.TO_SUBCLASS)) {
                    result.put(q.name(), q.asPropagated());
                }
            }
        }
        Set<CimName> written = new java.util.HashSet<>();
        for (QualifierUse use : uses) {
            CimQualifier own = resolve(use, scopes, element);
            if (own == null) {
                continue;
            }
            if (!written.add(own.name())) {
                sink.report(DiagnosticCode.DUPLICATE_QUALIFIER, use.location(),
                        "qualifier " + use.name() + " is given twice on " + element);
                continue;
            }
            CimQualifier parent = result.get(own.name());
            if (parent != null && parent.has(Flavor.DISABLE_OVERRIDE) && !Objects.equals(parent.value(), own.value())) {
                sink.report(DiagnosticCode.QUALIFIER_OVERRIDE_DISABLED, use.location(), "qualifier " + use.name()
                        + " cannot be changed on " + element + ": it is DisableOverride where it is inherited from");
                continue;
            }
            result.put(own.name(), own);
        }
        return Qualifiers.of(new ArrayList<>(result.values()));
    }

    private CimQualifier resolve(QualifierUse use, Set<Scope> scopes, String element) {
        QualifierType type = declarations.get(use.name(), position);
        if (type == null) {
            sink.report(DiagnosticCode.UNKNOWN_QUALIFIER, use.location(), "qualifier " + use.name()
                    + " is not declared (declare it with 'Qualifier " + use.name() + " : ...;'"
                    + searchPath.explainMissingQualifier() + ")");
            return null;
        }
        if (scopes != null && scopes.stream().noneMatch(type::appliesTo)) {
            sink.report(DiagnosticCode.QUALIFIER_SCOPE, use.location(), "qualifier " + type.name()
                    + " cannot be used on " + element + " (its scope is " + scopeText(type.scopes()) + ")");
        }
        CimValue value;
        if (use.value() == null) {
            // A boolean qualifier written without a value means TRUE; others take the declared default.
            value = type.type().type() == org.cimforge.mof.model.CimType.BOOLEAN && !type.type().array()
                    ? new CimValue(type.type().type(), false, Boolean.TRUE) : type.defaultValue();
        } else {
            value = values.convert(use.value(), type.type(), "qualifier " + type.name(), true);
        }
        Set<Flavor> flavors = EnumSet.copyOf(type.flavors());
        for (Flavor flavor : declarations.flavors(use.flavors())) {
            Flavor opposite = QualifierDeclarations.opposite(flavor);
            if (opposite != null) {
                flavors.remove(opposite);
            }
            flavors.add(flavor);
        }
        return new CimQualifier(type.name(), value, flavors, false, use.location());
    }

    private static String scopeText(Set<Scope> scopes) {
        return scopes.stream().map(Scope::mofName).sorted().reduce((a, b) -> a + ", " + b).orElse("empty");
    }
}
