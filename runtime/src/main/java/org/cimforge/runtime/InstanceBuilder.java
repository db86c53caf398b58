package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMValuedElement;

/**
 * Base of generated instance builders, for providers that create instances: collects typed values
 * and produces the instance (its properties sorted by name, as JSR48 keeps them) and a key-only object path.
 *
 * @param <B> the concrete builder (for fluent setters inherited from superclass builders)
 * @param <T> the generated instance class
 */
public abstract class InstanceBuilder<B extends InstanceBuilder<B, T>, T extends CimInstanceBase> {
    private final CimClassInfo cimClass;
    private final ElementSet schema;
    /** The values of the schema's properties, by schema position (null: not set). */
    private final CIMProperty<?>[] slots;
    /** Properties of a copied instance that the schema does not know, by lower-case name, in the order set. */
    private Map<String, CIMProperty<?>> others = Map.of();
    /** Key names taken over from a copied instance's path (a view class may not know all of its keys). */
    private Set<String> copiedKeys = Set.of();
    private String className;
    private String namespace;

    protected InstanceBuilder(CimClassInfo cimClass) {
        this.cimClass = cimClass;
        this.schema = cimClass.properties();
        this.slots = new CIMProperty<?>[schema.size()];
        this.className = cimClass.name();
    }

    /** This builder as its concrete type. */
    protected abstract B self();

    /** The generated class's view of a finished instance. */
    protected abstract T create(CIMInstance instance);

    /**
     * Starts from an existing instance (for {@code toBuilder()}): every property as it is, including
     * ones the schema does not know, and the CIM class name, namespace and key names of its path.
     */
    protected final B copyOf(CimInstanceBase instance) {
        CIMInstance cim = instance.toCimInstance();
        for (CIMProperty<?> p : cim.getProperties()) {
            put(p);
        }
        CIMObjectPath path = cim.getObjectPath();
        if (path != null) {
            className = path.getObjectName() == null ? className : path.getObjectName();
            namespace = path.getNamespace();
            copiedKeys = new HashSet<>();
            for (CIMProperty<?> key : path.getKeys()) {
                copiedKeys.add(ElementSet.key(key.getName()));
            }
        }
        return self();
    }

    /** Sets a property to a Java value (null for NULL). */
    protected final B set(String name, Object javaValue) {
        int i = schema.indexOf(name);
        if (i < 0) {
            schema.require(name); // fails with the usual message
        }
        PropertyInfo info = schema.all().get(i);
        CIMDataType type = info.dataType();
        slots[i] = new CIMProperty<>(info.name(), type, Values.toCim(type, javaValue), info.key(), false, null);
        return self();
    }

    /** Puts a property as it is: into its schema slot, or among the others when the schema lacks it. */
    private void put(CIMProperty<?> p) {
        int i = schema.indexOf(p.getName());
        if (i >= 0) {
            slots[i] = p;
            return;
        }
        if (others.isEmpty()) {
            others = new LinkedHashMap<>();
        }
        others.put(ElementSet.key(p.getName()), p);
    }

    /** Sets a ValueMap property to a discrete constant's value; a range constant is refused (which number?). */
    protected final B setEnum(String name, CimEnum constant) {
        PropertyInfo info = cimClass.properties().require(name);
        return set(name, constant == null ? null : EnumValue.rawOf(constant, info.kind(), info.name()));
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

    /**
     * One Indexed array of a list of rows (the records of an {@code ...Entries} setter): the component of every
     * row in order, null for a null row; null for a null list, so every array of the group becomes NULL.
     */
    protected static <R, V> List<V> column(List<? extends R> rows, Function<? super R, ? extends V> component) {
        if (rows == null) {
            return null;
        }
        List<V> column = new ArrayList<>(rows.size());
        for (R row : rows) {
            column.add(row == null ? null : component.apply(row));
        }
        return column;
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
        return CimReference.of(path(ordered()));
    }

    /**
     * The finished instance, its properties sorted by name (JSR48 sorts them whatever the order given). Fails with
     * {@link IllegalStateException} naming the class and every Required property left without a value.
     */
    public final T build() {
        List<String> missing = new ArrayList<>();
        List<PropertyInfo> all = schema.all();
        for (int i = 0; i < slots.length; i++) {
            if (all.get(i).required() && isNull(slots[i])) {
                missing.add(all.get(i).name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(className + ": Required propert" + (missing.size() == 1 ? "y " : "ies ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " has" : " have") + " no value");
        }
        List<CIMProperty<?>> ordered = ordered();
        return create(new CIMInstance(path(ordered), ordered.toArray(new CIMProperty<?>[0])));
    }

    /**
     * The schema's properties that were set, sorted by name ignoring case, then the others in the order set. JSR48
     * sorts an instance's properties (and a path's keys) that way in place; handing them over sorted makes that sort
     * one pass instead of an insertion sort of every property.
     */
    private List<CIMProperty<?>> ordered() {
        List<CIMProperty<?>> ordered = new ArrayList<>(slots.length + others.size());
        for (int i : schema.nameOrder()) {
            if (slots[i] != null) {
                ordered.add(slots[i]);
            }
        }
        ordered.addAll(others.values());
        return ordered;
    }

    private CIMObjectPath path(List<CIMProperty<?>> ordered) {
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (CIMProperty<?> p : ordered) {
            if (isKey(p)) {
                keys.add(p);
            }
        }
        return new CIMObjectPath(null, null, null, namespace, className, keys.toArray(new CIMProperty<?>[0]));
    }

    private boolean isKey(CIMProperty<?> p) {
        PropertyInfo info = schema.get(p.getName());
        return (info != null && info.key()) || (!copiedKeys.isEmpty() && copiedKeys.contains(ElementSet.key(p.getName())));
    }

    /** A Required element is unset both when never set and when set to NULL. */
    static boolean isNull(CIMValuedElement<?> e) {
        return e == null || e.getValue() == null;
    }
}
