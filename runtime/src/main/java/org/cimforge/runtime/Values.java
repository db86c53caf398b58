package org.cimforge.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMDataType;

/** Conversion of whole values (scalars and arrays) between Java and JSR48, and exact numeric narrowing. */
public final class Values {

    private Values() {
    }

    /** A JSR48 value (scalar or array) of the given data type as its Java form; arrays become lists. */
    public static Object toJava(CIMDataType type, Object cim) {
        if (cim == null) {
            return null;
        }
        CimKind kind = CimKind.of(type);
        if (!type.isArray()) {
            return kind.toJava(cim);
        }
        Object[] elements = (Object[]) cim;
        List<Object> list = new ArrayList<>(elements.length);
        for (Object element : elements) {
            list.add(kind.toJava(element));
        }
        return Collections.unmodifiableList(list);
    }

    /** A Java value (scalar, or list for arrays) in its JSR48 form for the given data type. */
    public static Object toCim(CIMDataType type, Object java) {
        if (java == null) {
            return null;
        }
        CimKind kind = CimKind.of(type);
        if (!type.isArray()) {
            return kind.toCim(java);
        }
        List<?> list = (List<?>) java;
        Object[] array = kind.newCimArray(list.size());
        for (int i = 0; i < array.length; i++) {
            array[i] = kind.toCim(list.get(i));
        }
        return array;
    }

    /** The value as the requested boxed number type, failing when it does not fit exactly. */
    public static <T> T coerce(Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number) {
            Object converted;
            if (type == Byte.class) {
                converted = toByte(value);
            } else if (type == Short.class) {
                converted = toShort(value);
            } else if (type == Integer.class) {
                converted = toInt(value);
            } else if (type == Long.class) {
                converted = toLong(value);
            } else if (type == BigInteger.class) {
                converted = toBigInteger(value);
            } else if (type == Float.class) {
                converted = ((Number) value).floatValue();
            } else if (type == Double.class) {
                converted = ((Number) value).doubleValue();
            } else {
                converted = value;
            }
            return type.cast(converted);
        }
        return type.cast(value);
    }

    static BigInteger toBigInteger(Object value) {
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
            return BigInteger.valueOf(number.longValue());
        }
        throw new IllegalArgumentException("not a whole number: " + value);
    }

    static long toLong(Object value) {
        return toBigInteger(value).longValueExact();
    }

    static int toInt(Object value) {
        return toBigInteger(value).intValueExact();
    }

    static short toShort(Object value) {
        return toBigInteger(value).shortValueExact();
    }

    static byte toByte(Object value) {
        return toBigInteger(value).byteValueExact();
    }
}
