package org.cimforge.mof.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.ast.PropertyValue;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimInstance;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimValue;

/**
 * Checks instance declarations against their classes (class known and concrete, properties known,
 * values typed) and links aliases, which may be used before or after the instance that defines them.
 */
final class InstanceResolver {
    private final DiagnosticSink sink;
    private final ValueConverter values;
    private final QualifierApplier qualifiers;

    /** An instance declaration with the namespace in force where it was written. */
    record Pending(Production.InstanceDeclaration declaration, String namespace) {
    }

    private final ClassSearchPath searchPath;
    private Map<String, Resolver.ClassAlias> classAliases = Map.of();
    private java.util.Set<String> instanceAliases = java.util.Set.of();

    InstanceResolver(DiagnosticSink sink, ValueConverter values, QualifierApplier qualifiers, ClassSearchPath searchPath) {
        this.sink = sink;
        this.searchPath = searchPath;
        this.values = values;
        this.qualifiers = qualifiers;
    }

    List<CimInstance> resolve(List<Pending> pending, Map<CimName, CimClass> classes) {
        return resolve(pending, classes, Map.of());
    }

    /**
     * Resolves the instances; {@code classAliases} (lower-case alias to class) are the aliases of
     * {@code class X as $alias}, which a REF value may use to point at the class itself.
     */
    List<CimInstance> resolve(List<Pending> pending, Map<CimName, CimClass> classes,
                              Map<String, Resolver.ClassAlias> classAliases) {
        this.classAliases = classAliases;
        Map<String, SourceLocation> aliases = new HashMap<>();
        for (Pending p : pending) {
            String alias = p.declaration().alias();
            if (alias == null) {
                continue;
            }
            Resolver.ClassAlias classAlias = classAliases.get(alias.toLowerCase(java.util.Locale.ROOT));
            SourceLocation firstInstance = aliases.putIfAbsent(alias.toLowerCase(java.util.Locale.ROOT),
                    p.declaration().location());
            SourceLocation first = firstInstance != null ? firstInstance
                    : classAlias != null ? classAlias.location() : null;
            if (first != null) {
                sink.report(DiagnosticCode.DUPLICATE_ALIAS, p.declaration().location(), "alias $" + alias
                        + " is already defined at " + first + "; references use this later definition");
            }
        }
        this.instanceAliases = aliases.keySet();
        List<CimInstance> result = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            CimInstance instance = instance(p, classes, aliases);
            if (instance != null) {
                result.add(instance);
            }
        }
        return result;
    }

    private CimInstance instance(Pending pending, Map<CimName, CimClass> classes, Map<String, SourceLocation> aliases) {
        Production.InstanceDeclaration decl = pending.declaration();
        CimClass cimClass = classes.get(CimName.of(decl.className()));
        if (cimClass == null) {
            sink.report(DiagnosticCode.UNKNOWN_CLASS, decl.location(),
                    "instance of class " + decl.className() + ", which is not declared"
                            + searchPath.explainMissingClass(decl.className()));
            return null;
        }
        if (cimClass.isAbstract()) {
            sink.report(DiagnosticCode.ABSTRACT_INSTANCE, decl.location(),
                    "class " + cimClass.name() + " is abstract and cannot have instances");
        }
        qualifiers.apply(decl.qualifiers(), null, null, "instance of " + cimClass.name());
        Map<CimName, CimValue> propertyValues = new LinkedHashMap<>();
        for (PropertyValue pv : decl.values()) {
            CimProperty property = cimClass.property(pv.name()).orElse(null);
            if (property == null) {
                sink.report(DiagnosticCode.UNKNOWN_PROPERTY, pv.location(),
                        "class " + cimClass.name() + " has no property " + pv.name());
                continue;
            }
            if (propertyValues.containsKey(property.name())) {
                sink.report(DiagnosticCode.DUPLICATE_PROPERTY_VALUE, pv.location(),
                        "property " + pv.name() + " is set twice in this instance; the later value is used");
            }
            qualifiers.apply(pv.qualifiers(), null, null, "property value " + pv.name());
            CimValue value = values.convert(pv.value(), property.type(), "property " + cimClass.name() + "."
                    + property.name(), false);
            value = classPaths(value, pv);
            checkAliases(value, pv, aliases);
            propertyValues.put(property.name(), value);
        }
        return new CimInstance(cimClass, decl.alias(), propertyValues, pending.namespace(), decl.location());
    }

    /**
     * Replaces a class alias in a REF value with the class's name (a class path), so consumers of the
     * model see an ordinary object path; an instance alias of the same name takes precedence.
     */
    private CimValue classPaths(CimValue value, PropertyValue pv) {
        if (classAliases.isEmpty() || value.isNull()) {
            return value;
        }
        if (!value.array()) {
            Object replaced = classPath(value.value(), value, pv);
            return replaced == value.value() ? value : new CimValue(value.type(), false, replaced);
        }
        List<Object> elements = new ArrayList<>(value.elements().size());
        boolean changed = false;
        for (Object element : value.elements()) {
            Object replaced = classPath(element, value, pv);
            changed |= replaced != element;
            elements.add(replaced);
        }
        return changed ? new CimValue(value.type(), true, java.util.Collections.unmodifiableList(elements)) : value;
    }

    private Object classPath(Object element, CimValue value, PropertyValue pv) {
        if (!(element instanceof CimValue.AliasTarget target) || instanceAliases.contains(target.alias().toLowerCase(java.util.Locale.ROOT))) {
            return element;
        }
        Resolver.ClassAlias classAlias = classAliases.get(target.alias().toLowerCase(java.util.Locale.ROOT));
        if (classAlias == null) {
            return element;
        }
        if (value.type() != org.cimforge.mof.model.CimType.REFERENCE) {
            sink.report(DiagnosticCode.TYPE_MISMATCH, pv.value().location(), "alias $" + target.alias()
                    + " names the class " + classAlias.className() + "; only a REF value may point at a class");
            return null;
        }
        return classAlias.className();
    }

    private void checkAliases(CimValue value, PropertyValue pv, Map<String, SourceLocation> aliases) {
        List<?> candidates = value.array() ? value.elements() : java.util.Collections.singletonList(value.value());
        for (Object element : candidates) {
            if (element instanceof CimValue.AliasTarget target
                    && !aliases.containsKey(target.alias().toLowerCase(java.util.Locale.ROOT))) {
                sink.report(DiagnosticCode.UNKNOWN_ALIAS, pv.value().location(),
                        "alias $" + target.alias() + " is not defined by any instance");
            }
        }
    }
}
