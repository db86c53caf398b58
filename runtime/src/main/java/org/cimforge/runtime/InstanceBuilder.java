package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Base of generated instance builders, for providers that create instances: collects typed values
 * and produces the instance with its properties in schema order and a key-only object path.
 *
 * @param <B> the concrete builder (for fluent setters inherited from superclass builders)
 * @param <T> the generated instance class
 */
public abstract class InstanceBuilder<B extends InstanceBuilder<B, T>, T extends CimInstanceBase> {
    private final CimClassInfo cimClass;
    private final Map<String, CIMProperty<?>> values = new LinkedHashMap<>();
    private String namespace;

    protected InstanceBuilder(CimClassInfo cimClass) {
        this.cimClass = cimClass;
    }

    /** This builder as its concrete type. */
    protected abstract B self();

    /** The generated class's view of a finished instance. */
    protected abstract T create(CIMInstance instance);

    /** Sets a property to a Java value (null for NULL). */
    protected final B set(String name, Object javaValue) {
        PropertyInfo info = cimClass.properties().require(name);
        values.put(ElementSet.key(name), new CIMProperty<>(info.name(), info.dataType(),
                Values.toCim(info.dataType(), javaValue), info.key(), false, null));
        return self();
    }

    /** Sets a ValueMap property to a discrete constant's value. */
    protected final B setEnum(String name, CimEnum constant) {
        PropertyInfo info = cimClass.properties().require(name);
        return set(name, constant == null ? null : EnumValue.rawOf(constant, info.kind()));
    }

    /** Sets a ValueMap property to an exact value (any number, also inside ranges or outside the map). */
    protected final B setEnumValue(String name, EnumValue<?> value) {
        return set(name, value == null ? null : value.raw());
    }

    /** Sets a ValueMap array from discrete constants. */
    protected final B setEnumConstants(String name, CimEnum... constants) {
        return set(name, EnumValue.rawOf(constants, elementInfo(name).kind()));
    }

    /** Sets a ValueMap array from exact values (any numbers, also inside ranges or outside the map). */
    protected final B setEnumValues(String name, List<? extends EnumValue<?>> list) {
        return set(name, EnumValue.rawOf(list));
    }

    private PropertyInfo elementInfo(String name) {
        return cimClass.properties().require(name);
    }

    /** The namespace put into the instance's object path (none by default). */
    public final B inNamespace(String name) {
        this.namespace = name;
        return self();
    }

    /** A key-only object path from the key values set so far. */
    public final CimReference<T> toReference() {
        return CimReference.of(path());
    }

    /** The finished instance: properties in schema order, then any others in the order set. */
    public final T build() {
        List<CIMProperty<?>> ordered = new ArrayList<>(values.values());
        ordered.sort(Comparator.comparingInt(p -> cimClass.properties().position(p.getName())));
        return create(new CIMInstance(path(), ordered.toArray(new CIMProperty<?>[0])));
    }

    private CIMObjectPath path() {
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (PropertyInfo key : cimClass.keys()) {
            CIMProperty<?> value = values.get(ElementSet.key(key.name()));
            if (value != null) {
                keys.add(value);
            }
        }
        return new CIMObjectPath(null, null, null, namespace, cimClass.name(), keys.toArray(new CIMProperty<?>[0]));
    }
}
