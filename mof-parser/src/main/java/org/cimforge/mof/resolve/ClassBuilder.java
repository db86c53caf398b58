package org.cimforge.mof.resolve;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.ast.Feature;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.ast.QualifierUse;
import org.cimforge.mof.ast.TypeSpec;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.CimValue;
import org.cimforge.mof.model.Qualifiers;
import org.cimforge.mof.model.Scope;

/**
 * Builds one {@link CimClass} from its declaration and its already-built superclass: effective
 * qualifiers, inherited and overriding members, reference and embedded-instance targets, defaults
 * and ValueMaps.
 */
final class ClassBuilder {
    private final DiagnosticSink sink;
    private final QualifierApplier qualifiers;
    private final ValueConverter values;
    private final ValueMapParser valueMaps;
    private final Predicate<String> classExists;
    private final ClassSearchPath searchPath;

    ClassBuilder(DiagnosticSink sink, QualifierApplier qualifiers, ValueConverter values, ValueMapParser valueMaps,
                 Predicate<String> classExists, ClassSearchPath searchPath) {
        this.sink = sink;
        this.searchPath = searchPath;
        this.qualifiers = qualifiers;
        this.values = values;
        this.valueMaps = valueMaps;
        this.classExists = classExists;
    }

    CimClass build(Production.ClassDeclaration decl, CimClass superClass, String namespace) {
        CimName className = CimName.of(decl.name());
        boolean association = declaresTrue(decl.qualifiers(), "Association")
                || (superClass != null && superClass.isAssociation());
        boolean indication = declaresTrue(decl.qualifiers(), "Indication")
                || (superClass != null && superClass.isIndication());
        Set<Scope> classScopes = EnumSet.of(Scope.CLASS);
        if (association) {
            classScopes.add(Scope.ASSOCIATION);
        }
        if (indication) {
            classScopes.add(Scope.INDICATION);
        }
        String kind = association ? "association " : indication ? "indication " : "class ";
        Qualifiers classQualifiers = qualifiers.apply(decl.qualifiers(), classScopes,
                superClass == null ? null : superClass.qualifiers(), kind + decl.name());

        Map<CimName, CimProperty> properties = new LinkedHashMap<>();
        Map<CimName, CimMethod> methods = new LinkedHashMap<>();
        if (superClass != null) {
            // A member the superclass itself inherited already carries only propagated qualifiers: reuse it.
            for (CimProperty p : superClass.properties()) {
                properties.put(p.name(), p.propagated() ? p
                        : p.inherited(qualifiers.apply(List.of(), null, p.qualifiers(), "")));
            }
            for (CimMethod m : superClass.methods()) {
                methods.put(m.name(), m.propagated() ? m
                        : m.inherited(qualifiers.apply(List.of(), null, m.qualifiers(), "")));
            }
        }
        Set<CimName> declared = new HashSet<>();
        for (Feature feature : decl.features()) {
            CimName name = CimName.of(feature.name());
            if (!declared.add(name)) {
                sink.report(DiagnosticCode.DUPLICATE_MEMBER, feature.location(), decl.name() + " declares "
                        + feature.name() + " more than once; the later declaration is used");
            }
            if (feature instanceof Feature.Property property) {
                CimProperty built = property(decl, property, superClass, association);
                if (built != null) {
                    putReplacing(properties, overriddenName(property.qualifiers(), name), built);
                }
            } else {
                CimMethod built = method(decl, (Feature.Method) feature, superClass);
                if (built != null) {
                    putReplacing(methods, overriddenName(feature.qualifiers(), name), built);
                }
            }
        }
        CimClass result = new CimClass(className, superClass, classQualifiers, new ArrayList<>(properties.values()),
                new ArrayList<>(methods.values()), namespace, decl.location());
        if (association && result.references().isEmpty()) {
            sink.report(DiagnosticCode.ASSOCIATION_WITHOUT_REFERENCES, decl.location(),
                    "association " + decl.name() + " has no references");
        }
        return result;
    }

    /** Keeps an overridden member's position in the inherited order; new members go last. */
    private static <T> void putReplacing(Map<CimName, T> members, CimName overridden, T member) {
        CimName newName = member instanceof CimProperty p ? p.name() : ((CimMethod) member).name();
        if (overridden != null && members.containsKey(overridden) && !overridden.equals(newName)) {
            Map<CimName, T> copy = new LinkedHashMap<>();
            members.forEach((k, v) -> copy.put(k.equals(overridden) ? newName : k, k.equals(overridden) ? member : v));
            members.clear();
            members.putAll(copy);
        } else {
            members.put(newName, member);
        }
    }

    private static CimName overriddenName(List<QualifierUse> uses, CimName own) {
        for (QualifierUse use : uses) {
            if (use.name().equalsIgnoreCase("Override") && use.value() instanceof org.cimforge.mof.ast.Value.StringValue s) {
                return CimName.of(s.value());
            }
        }
        return own;
    }

    private CimProperty property(Production.ClassDeclaration decl, Feature.Property p, CimClass superClass,
                                 boolean association) {
        CimTypeRef type = typeRef(p.type());
        String what = "property " + decl.name() + "." + p.name();
        if (type.isReference() && !association) {
            sink.report(DiagnosticCode.REFERENCE_OUTSIDE_ASSOCIATION, p.location(), "reference " + p.name()
                    + " is declared in " + decl.name() + ", which is not an association");
        }
        CimProperty overridden = overridden(decl, p.qualifiers(), p.name(), p.location(), superClass == null ? null
                : superClass.property(overriddenName(p.qualifiers(), CimName.of(p.name())).spelling()).orElse(null),
                superClass, "property");
        if (overridden != null) {
            checkOverrideType(overridden.type(), type, what, p.type().location());
        }
        Set<Scope> scopes = EnumSet.of(type.isReference() ? Scope.REFERENCE : Scope.PROPERTY);
        Qualifiers effective = qualifiers.apply(p.qualifiers(), scopes,
                overridden == null ? null : overridden.qualifiers(), what);
        checkEmbeddedInstance(effective, what);
        CimValue defaultValue = p.defaultValue() != null ? values.convert(p.defaultValue(), type, what, false)
                : overridden != null ? overridden.defaultValue() : CimValue.nullOf(type.type(), type.array());
        CimName origin = overridden != null ? overridden.classOrigin() : CimName.of(decl.name());
        return new CimProperty(CimName.of(p.name()), type, defaultValue, effective, origin, false,
                valueMaps.parse(effective, type, what), p.location());
    }

    private CimMethod method(Production.ClassDeclaration decl, Feature.Method m, CimClass superClass) {
        CimTypeRef returnType = typeRef(m.returnType());
        String what = "method " + decl.name() + "." + m.name();
        CimMethod overridden = overridden(decl, m.qualifiers(), m.name(), m.location(), superClass == null ? null
                : superClass.method(overriddenName(m.qualifiers(), CimName.of(m.name())).spelling()).orElse(null),
                superClass, "method");
        if (overridden != null) {
            checkOverrideType(overridden.returnType(), returnType, what, m.returnType().location());
        }
        Qualifiers effective = qualifiers.apply(m.qualifiers(), EnumSet.of(Scope.METHOD),
                overridden == null ? null : overridden.qualifiers(), what);
        List<CimParameter> parameters = new ArrayList<>(m.parameters().size());
        Set<CimName> seen = new HashSet<>();
        for (Feature.Parameter parameter : m.parameters()) {
            CimName name = CimName.of(parameter.name());
            if (!seen.add(name)) {
                sink.report(DiagnosticCode.DUPLICATE_PARAMETER, parameter.location(),
                        what + " has more than one parameter named " + parameter.name());
                continue;
            }
            CimTypeRef type = typeRef(parameter.type());
            String parameterWhat = "parameter " + parameter.name() + " of " + what;
            Qualifiers inherited = overridden == null ? null
                    : overridden.parameter(parameter.name()).map(CimParameter::qualifiers).orElse(null);
            Qualifiers parameterQualifiers = qualifiers.apply(parameter.qualifiers(), EnumSet.of(Scope.PARAMETER),
                    inherited, parameterWhat);
            checkEmbeddedInstance(parameterQualifiers, parameterWhat);
            if (parameter.defaultValue() != null) {
                values.convert(parameter.defaultValue(), type, parameterWhat, false);
            }
            parameters.add(new CimParameter(name, type, parameterQualifiers,
                    valueMaps.parse(parameterQualifiers, type, parameterWhat), parameter.location()));
        }
        CimName origin = overridden != null ? overridden.classOrigin() : CimName.of(decl.name());
        return new CimMethod(CimName.of(m.name()), returnType, parameters, effective, origin, false,
                valueMaps.parse(effective, returnType, what), m.location());
    }

    /**
     * The inherited member this one overrides: named by its Override qualifier, or implicitly one with
     * the same name (reported as a warning, since DSP0004 asks for the Override qualifier).
     */
    private <T> T overridden(Production.ClassDeclaration decl, List<QualifierUse> uses, String name,
                             SourceLocation location, T inheritedMember, CimClass superClass, String kind) {
        QualifierUse override = uses.stream().filter(u -> u.name().equalsIgnoreCase("Override")).findFirst().orElse(null);
        if (override != null) {
            if (inheritedMember == null) {
                String target = override.value() instanceof org.cimforge.mof.ast.Value.StringValue s ? s.value() : name;
                sink.report(DiagnosticCode.OVERRIDE_TARGET_MISSING, override.location(), decl.name() + "." + name
                        + " overrides " + kind + " " + target + ", but "
                        + (superClass == null ? decl.name() + " has no superclass"
                        : "no superclass of " + decl.name() + " has one") + "; it is treated as a new " + kind);
            }
            return inheritedMember;
        }
        if (inheritedMember != null) {
            sink.report(DiagnosticCode.IMPLICIT_OVERRIDE, location, decl.name() + "." + name + " redeclares the "
                    + kind + " inherited from " + superClass.name() + " without an Override qualifier");
        }
        return inheritedMember;
    }

    private void checkOverrideType(CimTypeRef inherited, CimTypeRef own, String what, SourceLocation location) {
        boolean sameShape = inherited.type() == own.type() && inherited.array() == own.array();
        if (!sameShape) {
            sink.report(DiagnosticCode.OVERRIDE_TYPE_MISMATCH, location, what + " is declared " + own.toMof()
                    + " but the element it overrides is " + inherited.toMof());
        }
        // A reference may narrow its target class; that needs the class table, checked by the resolver.
    }

    private void checkEmbeddedInstance(Qualifiers effective, String what) {
        var embedded = effective.get("EmbeddedInstance");
        if (embedded != null && !embedded.propagated() && embedded.value().value() instanceof String target
                && !classExists.test(target)) {
            sink.report(DiagnosticCode.UNKNOWN_CLASS, embedded.location(),
                    "EmbeddedInstance of " + what + " names class " + target + ", which is not declared"
                            + searchPath.explainMissingClass(target));
        }
    }

    private CimTypeRef typeRef(TypeSpec spec) {
        CimName target = null;
        if (spec.referenceClass() != null) {
            target = CimName.of(spec.referenceClass());
            if (!classExists.test(spec.referenceClass())) {
                sink.report(DiagnosticCode.UNKNOWN_CLASS, spec.location(),
                        "reference to class " + spec.referenceClass() + ", which is not declared"
                                + searchPath.explainMissingClass(spec.referenceClass()));
            }
        }
        return new CimTypeRef(spec.type(), target, spec.array(), spec.arraySize());
    }

    private static boolean declaresTrue(List<QualifierUse> uses, String name) {
        for (QualifierUse use : uses) {
            if (use.name().equalsIgnoreCase(name)) {
                return use.value() == null
                        || (use.value() instanceof org.cimforge.mof.ast.Value.BooleanValue b && b.value());
            }
        }
        return false;
    }
}
