package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMValuedElement;

/**
 * Base of generated value holders (instances, method arguments and results): keeps the JSR48
 * elements exactly as received, in order, and reads them as typed Java values on demand.
 *
 * <p>Keeping the received elements rather than copying them into fields is what makes the round
 * trip lossless: properties the schema does not know, NULLs, flags and numbers inside ValueMap ranges
 * all come back out unchanged.
 */
public abstract class TypedValues {
    private final List<? extends CIMValuedElement<?>> received;
    /**
     * The elements by lower-case name, made at the first look-up: an instance a provider builds only to be sent is
     * never read by name, and making the map cost a lower-cased name per element.
     */
    private volatile Map<String, CIMValuedElement<?>> byName;

    /** Holds the given elements; later ones with the same name (ignoring case) replace earlier ones. */
    protected TypedValues(List<? extends CIMValuedElement<?>> received) {
        this.received = List.copyOf(received);
    }

    private Map<String, CIMValuedElement<?>> elementMap() {
        Map<String, CIMValuedElement<?>> map = byName;
        if (map == null) {
            Map<String, CIMValuedElement<?>> made = new LinkedHashMap<>();
            for (CIMValuedElement<?> e : received) {
                made.put(ElementSet.key(e.getName()), e);
            }
            map = Collections.unmodifiableMap(made);
            byName = map;
        }
        return map;
    }

    /** The held elements in order. */
    protected final List<CIMValuedElement<?>> elements() {
        return List.copyOf(elementMap().values());
    }

    /**
     * Readable text for {@code toString()}: the type's simple name and every non-NULL element as
     * {@code Name=value}, in the order held; {@code schema} (may be null) supplies the ValueMap enums.
     * {@code first} is put before the elements when not null (a result's return value).
     */
    final String describe(String first, Object firstValue, PropertyInfo firstInfo, ElementSet schema) {
        StringBuilder out = ValueText.open(getClass().getSimpleName());
        if (first != null) {
            ValueText.append(out, first, firstValue, firstInfo);
        }
        for (CIMValuedElement<?> e : elementMap().values()) {
            ValueText.append(out, e.getName(), Values.toJava(e.getDataType(), e.getValue()),
                    schema == null ? null : schema.get(e.getName()));
        }
        return out.append('}').toString();
    }

    /** True when the element was present (possibly NULL), false when it was not sent at all. */
    public final boolean isPresent(String name) {
        return elementMap().containsKey(ElementSet.key(name));
    }

    /** The Java form of an element's value as received (lists for arrays), or null. */
    public final Object rawValue(String name) {
        CIMValuedElement<?> e = elementMap().get(ElementSet.key(name));
        return e == null ? null : Values.toJava(e.getDataType(), e.getValue());
    }

    /** A scalar value as the given Java type; numbers of another width are converted exactly. */
    protected final <T> T value(String name, Class<T> type) {
        return Values.coerce(rawValue(name), type);
    }

    /** An array value as a list of the given element type, or null when NULL or absent. */
    protected final <T> List<T> list(String name, Class<T> elementType) {
        List<?> raw = (List<?>) rawValue(name);
        if (raw == null) {
            return null;
        }
        List<T> typed = new ArrayList<>(raw.size());
        raw.forEach(v -> typed.add(Values.coerce(v, elementType)));
        return Collections.unmodifiableList(typed);
    }

    /** A reference value. */
    @SuppressWarnings("unchecked")
    protected final <T> CimReference<T> ref(String name) {
        return (CimReference<T>) rawValue(name);
    }

    /** An array of references. */
    @SuppressWarnings("unchecked")
    protected final <T> List<CimReference<T>> refList(String name) {
        return (List<CimReference<T>>) rawValue(name);
    }

    /** A ValueMap value with its exact raw number or string, or null when NULL or absent. */
    protected final <E extends Enum<E> & CimEnum> EnumValue<E> enumValue(String name, Class<E> type) {
        Object raw = rawValue(name);
        return raw == null ? null : EnumValue.lookup(type, raw);
    }

    /** The constant a ValueMap value falls under, or null when NULL, absent or unmapped. */
    protected final <E extends Enum<E> & CimEnum> E enumConstant(String name, Class<E> type) {
        EnumValue<E> v = enumValue(name, type);
        return v == null ? null : v.constant();
    }

    /** An array of ValueMap values. */
    protected final <E extends Enum<E> & CimEnum> List<EnumValue<E>> enumList(String name, Class<E> type) {
        List<?> raw = (List<?>) rawValue(name);
        if (raw == null) {
            return null;
        }
        List<EnumValue<E>> typed = new ArrayList<>(raw.size());
        raw.forEach(v -> typed.add(v == null ? null : EnumValue.lookup(type, v)));
        return Collections.unmodifiableList(typed);
    }

    /** An embedded instance as its generated class. */
    protected final <T> T embedded(String name, Function<CIMInstance, T> adapter) {
        Object raw = rawValue(name);
        return raw instanceof CIMInstance instance ? adapter.apply(instance) : null;
    }

    /** An array of embedded instances as their generated class. */
    protected final <T> List<T> embeddedList(String name, Function<CIMInstance, T> adapter) {
        List<?> raw = (List<?>) rawValue(name);
        if (raw == null) {
            return null;
        }
        List<T> typed = new ArrayList<>(raw.size());
        raw.forEach(v -> typed.add(v == null ? null : adapter.apply((CIMInstance) v)));
        return Collections.unmodifiableList(typed);
    }

    /**
     * The number of rows of Indexed arrays read together (arrays linked by ModelCorrespondence whose elements
     * at the same index describe one thing): the length of the longest, a NULL array counting as empty.
     */
    protected static int rows(List<?>... columns) {
        int rows = 0;
        for (List<?> column : columns) {
            rows = column == null ? rows : Math.max(rows, column.size());
        }
        return rows;
    }

    /** Element {@code index} of an Indexed array, or null when the array is NULL or shorter than the longest. */
    protected static <T> T at(List<T> column, int index) {
        return column == null || index >= column.size() ? null : column.get(index);
    }
}
