package org.cimforge.mof.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimforge.mof.SourceLocation;

/**
 * A resolved CIM class: its superclass, effective qualifiers, and effective properties and methods
 * (inherited ones first, in superclass order, overridden ones in place).
 */
public final class CimClass implements CimElement {
    private final CimName name;
    private final CimClass superClass;
    private final Qualifiers qualifiers;
    private final Map<CimName, CimProperty> properties;
    private final Map<CimName, CimMethod> methods;
    // Lists handed out often (generator, server): computed once, the class is immutable.
    private final List<CimProperty> propertyList;
    private final List<CimProperty> keyList;
    private final List<CimProperty> referenceList;
    private final List<CimMethod> methodList;
    private final String namespace;
    private final SourceLocation location;

    public CimClass(CimName name, CimClass superClass, Qualifiers qualifiers, List<CimProperty> properties,
                    List<CimMethod> methods, String namespace, SourceLocation location) {
        this.name = name;
        this.superClass = superClass;
        this.qualifiers = qualifiers;
        this.properties = index(properties, CimProperty::name);
        this.methods = index(methods, CimMethod::name);
        this.propertyList = List.copyOf(this.properties.values());
        this.keyList = propertyList.stream().filter(CimProperty::isKey).toList();
        this.referenceList = propertyList.stream().filter(CimProperty::isReference).toList();
        this.methodList = List.copyOf(this.methods.values());
        this.namespace = namespace;
        this.location = location;
    }

    private static <T> Map<CimName, T> index(List<T> elements, java.util.function.Function<T, CimName> key) {
        Map<CimName, T> map = new LinkedHashMap<>(elements.size() * 2);
        for (T element : elements) {
            map.put(key.apply(element), element);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public CimName name() {
        return name;
    }

    public Optional<CimClass> superClass() {
        return Optional.ofNullable(superClass);
    }

    @Override
    public Qualifiers qualifiers() {
        return qualifiers;
    }

    @Override
    public SourceLocation location() {
        return location;
    }

    /** The namespace set by {@code #pragma namespace} when the class was declared, or null. */
    public String namespace() {
        return namespace;
    }

    /** All effective properties, inherited ones first. */
    public List<CimProperty> properties() {
        return propertyList;
    }

    /** Properties written in this class's own declaration (new or overriding). */
    public List<CimProperty> declaredProperties() {
        return properties.values().stream().filter(p -> !p.propagated()).toList();
    }

    public Optional<CimProperty> property(String propertyName) {
        return Optional.ofNullable(properties.get(CimName.of(propertyName)));
    }

    public List<CimMethod> methods() {
        return methodList;
    }

    public List<CimMethod> declaredMethods() {
        return methods.values().stream().filter(m -> !m.propagated()).toList();
    }

    public Optional<CimMethod> method(String methodName) {
        return Optional.ofNullable(methods.get(CimName.of(methodName)));
    }

    public List<CimProperty> keys() {
        return keyList;
    }

    public List<CimProperty> references() {
        return referenceList;
    }

    public boolean isAssociation() {
        return qualifiers.isTrue("Association");
    }

    public boolean isIndication() {
        return qualifiers.isTrue("Indication");
    }

    public boolean isAbstract() {
        return qualifiers.isTrue("Abstract");
    }

    /** True when this class is the given class or inherits from it. */
    public boolean isSubclassOf(CimName ancestor) {
        for (CimClass c = this; c != null; c = c.superClass) {
            if (c.name.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** This class followed by its superclasses up to the root. */
    public List<CimClass> lineage() {
        List<CimClass> chain = new ArrayList<>();
        for (CimClass c = this; c != null; c = c.superClass) {
            chain.add(c);
        }
        return chain;
    }

    @Override
    public String toString() {
        return name.spelling();
    }
}
