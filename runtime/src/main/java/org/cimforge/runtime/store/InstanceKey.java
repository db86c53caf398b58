package org.cimforge.runtime.store;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;

/**
 * The identity of a stored instance inside its class: the canonical key values in the class's key order. Values are
 * compared the way CIM means them, not the way Java types them: integers by value whatever their Java type, REF
 * values by class name (ignoring case) and key values, host and namespace left out, as {@code CimPaths} does.
 */
final class InstanceKey {
    private final Object[] values;
    private final int hash;

    InstanceKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** One key value in canonical form. */
    static Object canonical(Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Character || v == null) {
            return v;
        }
        if (v instanceof UnsignedInteger64 u) {
            return small(u.bigIntegerValue());
        }
        if (v instanceof BigInteger b) {
            return small(b);
        }
        if (v instanceof Float f) {
            // A real32 key read as real64 elsewhere should still match: compare the shortest decimal text.
            return Double.valueOf(f.toString());
        }
        if (v instanceof Double) {
            return v;
        }
        if (v instanceof Number n) {
            // Byte, Short, Integer, Long and the JSR48 UnsignedInteger8/16/32 all fit a long.
            return n.longValue();
        }
        if (v instanceof CIMDateTimeAbsolute a) {
            return a.getDateTimeString();
        }
        if (v instanceof CIMDateTimeInterval i) {
            return i.getDateTimeString();
        }
        if (v instanceof CIMDateTime dt) {
            return dt.toString();
        }
        if (v instanceof CIMObjectPath p) {
            return path(p);
        }
        return v;
    }

    /** A REF value's canonical form: class name lower-cased and the canonical keys by lower-cased name. */
    static Object path(CIMObjectPath p) {
        Map<String, Object> keys = new HashMap<>();
        for (CIMProperty<?> k : p.getKeys()) {
            keys.put(k.getName().toLowerCase(Locale.ROOT), canonical(k.getValue()));
        }
        return new PathKey(p.getObjectName().toLowerCase(Locale.ROOT), keys);
    }

    private record PathKey(String className, Map<String, Object> keys) {
    }

    private static Object small(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceKey k && hash == k.hash && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
