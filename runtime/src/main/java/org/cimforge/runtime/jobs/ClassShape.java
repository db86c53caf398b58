package org.cimforge.runtime.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cimforge.runtime.CimDateTime;
import org.cimforge.runtime.cimxml.CimValues;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * The properties one class declares (its own and inherited), used to build instances that carry only those
 * properties, each in its declared type, so a lean or vendor schema never receives a property it does not know.
 */
final class ClassShape {
    final String namespace;
    final String className;
    private final Map<String, CIMClassProperty<?>> properties = new LinkedHashMap<>();

    ClassShape(String namespace, CIMClass cimClass) {
        this.namespace = namespace;
        this.className = cimClass.getObjectPath().getObjectName();
        for (CIMClassProperty<?> p : cimClass.getProperties()) {
            properties.put(p.getName().toLowerCase(Locale.ROOT), p);
        }
    }

    boolean declares(String property) {
        return properties.containsKey(property.toLowerCase(Locale.ROOT));
    }

    /** The declared spelling of a property, or null. */
    String spelling(String property) {
        CIMClassProperty<?> p = properties.get(property.toLowerCase(Locale.ROOT));
        return p == null ? null : p.getName();
    }

    Values values() {
        return new Values();
    }

    /** An instance under construction; values for undeclared properties are dropped. */
    final class Values {
        private final List<CIMProperty<?>> props = new ArrayList<>();

        /**
         * Adds a property when the class declares it. Java values are converted to the declared type: numbers and
         * int arrays to the CIM integer types, {@link Instant} to an absolute datetime, {@link Duration} to an
         * interval.
         */
        Values put(String name, Object value) {
            CIMClassProperty<?> declared = properties.get(name.toLowerCase(Locale.ROOT));
            if (declared != null) {
                CIMDataType type = declared.getDataType();
                props.add(new CIMProperty<>(declared.getName(), type, convert(type, value), declared.isKey(),
                        false, null));
            }
            return this;
        }

        CIMProperty<?>[] keys() {
            return props.stream().filter(CIMProperty::isKey).toArray(CIMProperty<?>[]::new);
        }

        CIMInstance build() {
            CIMObjectPath path = new CIMObjectPath(null, null, null, namespace, className, keys());
            return new CIMInstance(path, props.toArray(new CIMProperty<?>[0]));
        }
    }

    /** Converts a plain Java value to the javax.cim form of {@code type}. */
    static Object convert(CIMDataType type, Object value) {
        if (value == null) {
            return null;
        }
        int code = type.getType();
        if (value instanceof int[] ints) {
            List<Object> elements = new ArrayList<>();
            for (int i : ints) {
                elements.add(CimValues.parse(code, Integer.toString(i)));
            }
            return CimValues.toArray(code, elements);
        }
        if (value instanceof Instant instant) {
            return CimDateTime.Absolute.of(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)).toCim();
        }
        if (value instanceof Duration duration) {
            return CimDateTime.Interval.of(duration.isNegative() ? Duration.ZERO : duration).toCim();
        }
        if (value instanceof Number n && code != CIMDataType.STRING && code != CIMDataType.OBJECT
                && code != CIMDataType.REFERENCE) {
            return CimValues.parse(code, n.toString());
        }
        if (value instanceof Number n && code == CIMDataType.STRING) {
            return n.toString();
        }
        return value;
    }
}
