package org.cimforge.runtime;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Readable text of typed values for {@code toString()}: {@code Name{Prop=value, ...}} with only the
 * non-NULL elements, strings quoted, ValueMap values as {@code 2 (START)}.
 */
final class ValueText {

    private ValueText() {
    }

    /** Starts {@code name{} and appends one {@code Prop=value} per non-NULL element; the caller closes it. */
    static StringBuilder open(String name) {
        return new StringBuilder(name).append('{');
    }

    /** Appends {@code Prop=value} unless the value is null. */
    static void append(StringBuilder out, String element, Object javaValue, PropertyInfo info) {
        if (javaValue == null) {
            return;
        }
        if (out.charAt(out.length() - 1) != '{') {
            out.append(", ");
        }
        out.append(element).append('=');
        value(out, javaValue, info == null ? null : info.valueMap());
    }

    private static void value(StringBuilder out, Object value, Class<? extends CimEnum> valueMap) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                value(out, list.get(i), valueMap);
            }
            out.append(']');
        } else if (valueMap != null && (value instanceof Number || value instanceof String)) {
            out.append(lookup(valueMap, value));
        } else if (value instanceof String text) {
            out.append('"').append(text).append('"');
        } else if (value instanceof CIMInstance instance) {
            // An embedded instance the schema gives no generated class for: its own class and properties.
            StringBuilder inner = open(instance.getClassName());
            for (CIMProperty<?> p : instance.getProperties()) {
                append(inner, p.getName(), Values.toJava(p.getDataType(), p.getValue()), null);
            }
            out.append(inner.append('}'));
        } else {
            out.append(value);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EnumValue<?> lookup(Class<? extends CimEnum> valueMap, Object raw) {
        // PropertyInfo holds the enum as Class<? extends CimEnum>; generated ValueMap types are always enums.
        return EnumValue.lookup((Class) valueMap, raw);
    }
}
