package org.cimforge.runtime.store;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cimforge.runtime.cimxml.CimValues;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** How the store reads key values and converts property values to the types their classes declare. */
final class StoreValues {
    private StoreValues() {
    }

    static Map<String, CIMProperty<?>> byName(CIMProperty<?>[] properties) {
        Map<String, CIMProperty<?>> map = new HashMap<>();
        for (CIMProperty<?> p : properties) {
            map.put(p.getName().toLowerCase(Locale.ROOT), p);
        }
        return map;
    }

    static Object keyValue(CIMObjectPath path, String keyName) {
        if (path == null) {
            return null;
        }
        for (CIMProperty<?> k : path.getKeys()) {
            if (k.getName().equalsIgnoreCase(keyName)) {
                return k.getValue();
            }
        }
        return null;
    }

    static WBEMException invalid(String message) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, message);
    }


    /**
     * A value in the Java type javax.cim uses for {@code type}: integers of another width are converted when they fit
     * (so a provider may pass a {@code Long} for a uint16), a datetime may come as its DMTF string, a char16 as a
     * one-character string; anything else of the wrong type is CIM_ERR_INVALID_PARAMETER.
     */
    static Object coerce(Object value, CIMDataType type, String what) throws WBEMException {
        if (value == null) {
            return null;
        }
        int code = type.getType();
        if (!type.isArray()) {
            if (value.getClass().isArray()) {
                throw invalid(what + " is a " + CimValues.typeName(code) + ", not an array");
            }
            return scalar(value, code, what);
        }
        if (!(value instanceof Object[] array)) {
            throw invalid(what + " is an array of " + CimValues.typeName(code) + ", not " + kind(value));
        }
        if (expected(code) != null && array.getClass().getComponentType() == expected(code)) {
            // Already the right array type: checking the elements would find nothing to change.
            return array;
        }
        List<Object> elements = new ArrayList<>(array.length);
        for (Object e : array) {
            elements.add(e == null ? null : scalar(e, code, what));
        }
        return CimValues.toArray(code, elements);
    }

    static Class<?> expected(int code) {
        return switch (code) {
            case CIMDataType.UINT8 -> UnsignedInteger8.class;
            case CIMDataType.SINT8 -> Byte.class;
            case CIMDataType.UINT16 -> UnsignedInteger16.class;
            case CIMDataType.SINT16 -> Short.class;
            case CIMDataType.UINT32 -> UnsignedInteger32.class;
            case CIMDataType.SINT32 -> Integer.class;
            case CIMDataType.UINT64 -> UnsignedInteger64.class;
            case CIMDataType.SINT64 -> Long.class;
            case CIMDataType.REAL32 -> Float.class;
            case CIMDataType.REAL64 -> Double.class;
            case CIMDataType.CHAR16 -> Character.class;
            case CIMDataType.BOOLEAN -> Boolean.class;
            case CIMDataType.STRING -> String.class;
            case CIMDataType.REFERENCE -> CIMObjectPath.class;
            default -> null;
        };
    }

    static Object scalar(Object value, int code, String what) throws WBEMException {
        Class<?> expected = expected(code);
        if (expected != null && expected == value.getClass()) {
            return value;
        }
        switch (code) {
            case CIMDataType.UINT8, CIMDataType.SINT8, CIMDataType.UINT16, CIMDataType.SINT16, CIMDataType.UINT32,
                    CIMDataType.SINT32, CIMDataType.UINT64, CIMDataType.SINT64 -> {
                if (value instanceof Number n && !(value instanceof Float) && !(value instanceof Double)) {
                    String text = value instanceof UnsignedInteger64 u ? u.bigIntegerValue().toString()
                            : value instanceof BigInteger b ? b.toString() : Long.toString(n.longValue());
                    try {
                        return CimValues.parse(code, text);
                    } catch (IllegalArgumentException e) {
                        throw invalid(what + ": " + text + " does not fit " + CimValues.typeName(code));
                    }
                }
            }
            case CIMDataType.REAL32, CIMDataType.REAL64 -> {
                if (value instanceof Number n) {
                    return code == CIMDataType.REAL32 ? (Object) n.floatValue() : (Object) n.doubleValue();
                }
            }
            case CIMDataType.CHAR16 -> {
                if (value instanceof String s && s.length() == 1) {
                    return s.charAt(0);
                }
            }
            case CIMDataType.DATETIME -> {
                if (value instanceof CIMDateTime) {
                    return value;
                }
                if (value instanceof String s) {
                    try {
                        return CimValues.parseDateTime(s);
                    } catch (IllegalArgumentException e) {
                        throw invalid(what + ": '" + s + "' is not a CIM datetime");
                    }
                }
            }
            case CIMDataType.OBJECT -> {
                if (value instanceof CIMInstance || value instanceof CIMClass) {
                    return value;
                }
            }
            default -> {
                // STRING, BOOLEAN and REFERENCE accept only their own type, checked above.
            }
        }
        throw invalid(what + " is a " + CimValues.typeName(code) + ", not " + kind(value));
    }

    static String kind(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }
}
