package org.cimforge.runtime.cimxml;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

/** Conversions between CIM-XML type names, value text and the javax.cim value classes. */
public final class CimValues {
    private CimValues() {
    }

    /** The DSP0201 TYPE name of a scalar type code (embedded objects travel as string). */
    public static String typeName(int type) {
        return switch (type) {
            case CIMDataType.UINT8 -> "uint8";
            case CIMDataType.SINT8 -> "sint8";
            case CIMDataType.UINT16 -> "uint16";
            case CIMDataType.SINT16 -> "sint16";
            case CIMDataType.UINT32 -> "uint32";
            case CIMDataType.SINT32 -> "sint32";
            case CIMDataType.UINT64 -> "uint64";
            case CIMDataType.SINT64 -> "sint64";
            case CIMDataType.REAL32 -> "real32";
            case CIMDataType.REAL64 -> "real64";
            case CIMDataType.CHAR16 -> "char16";
            case CIMDataType.BOOLEAN -> "boolean";
            case CIMDataType.DATETIME -> "datetime";
            case CIMDataType.REFERENCE -> "reference";
            default -> "string";
        };
    }

    /** The type code for a DSP0201 TYPE/PARAMTYPE name, or -1 when the name is unknown. */
    public static int typeCode(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "uint8" -> CIMDataType.UINT8;
            case "sint8" -> CIMDataType.SINT8;
            case "uint16" -> CIMDataType.UINT16;
            case "sint16" -> CIMDataType.SINT16;
            case "uint32" -> CIMDataType.UINT32;
            case "sint32" -> CIMDataType.SINT32;
            case "uint64" -> CIMDataType.UINT64;
            case "sint64" -> CIMDataType.SINT64;
            case "real32" -> CIMDataType.REAL32;
            case "real64" -> CIMDataType.REAL64;
            case "char16" -> CIMDataType.CHAR16;
            case "string" -> CIMDataType.STRING;
            case "boolean" -> CIMDataType.BOOLEAN;
            case "datetime" -> CIMDataType.DATETIME;
            case "reference", "ref" -> CIMDataType.REFERENCE;
            default -> -1;
        };
    }

    /** A CIMDataType for a non-reference type code, scalar or array. */
    public static CIMDataType dataType(int type, boolean array) {
        return array ? new CIMDataType(type, true) : scalar(type);
    }

    /** A CIMDataType for a reference to the given class (may be null), scalar or array. */
    public static CIMDataType referenceType(String referenceClass, boolean array) {
        String target = referenceClass == null ? "" : referenceClass;
        return array ? new CIMDataType(target, 0) : new CIMDataType(target);
    }

    private static CIMDataType scalar(int type) {
        return switch (type) {
            case CIMDataType.UINT8 -> CIMDataType.UINT8_T;
            case CIMDataType.SINT8 -> CIMDataType.SINT8_T;
            case CIMDataType.UINT16 -> CIMDataType.UINT16_T;
            case CIMDataType.SINT16 -> CIMDataType.SINT16_T;
            case CIMDataType.UINT32 -> CIMDataType.UINT32_T;
            case CIMDataType.SINT32 -> CIMDataType.SINT32_T;
            case CIMDataType.UINT64 -> CIMDataType.UINT64_T;
            case CIMDataType.SINT64 -> CIMDataType.SINT64_T;
            case CIMDataType.REAL32 -> CIMDataType.REAL32_T;
            case CIMDataType.REAL64 -> CIMDataType.REAL64_T;
            case CIMDataType.CHAR16 -> CIMDataType.CHAR16_T;
            case CIMDataType.BOOLEAN -> CIMDataType.BOOLEAN_T;
            case CIMDataType.DATETIME -> CIMDataType.DATETIME_T;
            case CIMDataType.OBJECT -> CIMDataType.OBJECT_T;
            default -> CIMDataType.STRING_T;
        };
    }

    /** Parses value text for a scalar type code; a bad value is a CIM_ERR_INVALID_PARAMETER-worthy failure. */
    public static Object parse(int type, String raw) {
        String text = type == CIMDataType.STRING || type == CIMDataType.CHAR16 ? raw : raw.trim();
        try {
            return switch (type) {
                case CIMDataType.UINT8 -> new UnsignedInteger8(Short.parseShort(integerText(text)));
                case CIMDataType.SINT8 -> Byte.valueOf(Byte.parseByte(integerText(text)));
                case CIMDataType.UINT16 -> new UnsignedInteger16(Integer.parseInt(integerText(text)));
                case CIMDataType.SINT16 -> Short.valueOf(Short.parseShort(integerText(text)));
                case CIMDataType.UINT32 -> new UnsignedInteger32(Long.parseLong(integerText(text)));
                case CIMDataType.SINT32 -> Integer.valueOf(Integer.parseInt(integerText(text)));
                case CIMDataType.UINT64 -> new UnsignedInteger64(new BigInteger(integerText(text)));
                case CIMDataType.SINT64 -> Long.valueOf(Long.parseLong(integerText(text)));
                case CIMDataType.REAL32 -> Float.valueOf((float) finite(Float.parseFloat(realText(text))));
                case CIMDataType.REAL64 -> Double.valueOf(finite(Double.parseDouble(realText(text))));
                case CIMDataType.CHAR16 -> {
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("char16 needs exactly one character");
                    }
                    yield Character.valueOf(text.charAt(0));
                }
                case CIMDataType.BOOLEAN -> {
                    if (text.equalsIgnoreCase("true")) {
                        yield Boolean.TRUE;
                    }
                    if (text.equalsIgnoreCase("false")) {
                        yield Boolean.FALSE;
                    }
                    throw new IllegalArgumentException("not TRUE or FALSE");
                }
                case CIMDataType.DATETIME -> parseDateTime(text);
                default -> raw;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviate(raw) + "' is not a valid " + typeName(type) + " value"
                    + (e.getMessage() == null ? "" : " (" + abbreviate(e.getMessage()) + ")"), e);
        }
    }

    /** Parses the 25-character CIM datetime forms into an absolute time or an interval. */
    public static CIMDateTime parseDateTime(String text) {
        if (text.length() == 25 && text.charAt(21) == ':') {
            return new CIMDateTimeInterval(text);
        }
        return new CIMDateTimeAbsolute(text);
    }

    private static final java.util.regex.Pattern REAL = java.util.regex.Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * A real in DSP0201's decimal or exponent form. Java would also take {@code NaN}, {@code Infinity}, hexadecimal
     * floats and {@code f}/{@code d} suffixes, none of which CIM (DSP0004, DSP0201) has.
     */
    private static String realText(String text) {
        if (!REAL.matcher(text).matches()) {
            throw new IllegalArgumentException("a real is digits with an optional point and exponent; NaN and"
                    + " infinities are not CIM values");
        }
        return text;
    }

    /** The value, refused when it is beyond the type's largest magnitude (it was parsed as an infinity). */
    private static double finite(double value) {
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("out of range for the type");
        }
        return value;
    }

    /** DSP0201 allows hexadecimal integers with a 0x prefix; decimal is the norm. */
    private static String integerText(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            return (negative ? "-" : "") + new BigInteger(digits.substring(2), 16);
        }
        return t;
    }

    /** Formats a scalar value as CIM-XML VALUE text. */
    public static String format(Object value) {
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof CIMDateTime dt) {
            return dt instanceof CIMDateTimeAbsolute a ? a.getDateTimeString()
                    : ((CIMDateTimeInterval) dt).getDateTimeString();
        }
        if (value != null && value.getClass() == UnsignedInteger64.class) {
            // Its toString goes through BigInteger; the low 64 bits read as unsigned are the same digits, cheaper.
            return Long.toUnsignedString(((UnsignedInteger64) value).longValue());
        }
        return String.valueOf(value);
    }

    /** The type code of a Java value held in javax.cim form. */
    public static int typeOf(Object value) {
        if (value instanceof CIMInstance) {
            return CIMDataType.OBJECT;
        }
        if (value instanceof CIMObjectPath) {
            return CIMDataType.REFERENCE;
        }
        return CIMDataType.getDataType(value).getType();
    }

    /** The KEYVALUE VALUETYPE category of a type code. */
    public static String valueType(int type) {
        return switch (type) {
            case CIMDataType.BOOLEAN -> "boolean";
            case CIMDataType.STRING, CIMDataType.CHAR16, CIMDataType.DATETIME -> "string";
            default -> "numeric";
        };
    }

    /** Builds a typed Java array of the element type from a list of element values. */
    public static Object toArray(int type, List<Object> elements) {
        Object[] array = switch (type) {
            case CIMDataType.UINT8 -> new UnsignedInteger8[elements.size()];
            case CIMDataType.SINT8 -> new Byte[elements.size()];
            case CIMDataType.UINT16 -> new UnsignedInteger16[elements.size()];
            case CIMDataType.SINT16 -> new Short[elements.size()];
            case CIMDataType.UINT32 -> new UnsignedInteger32[elements.size()];
            case CIMDataType.SINT32 -> new Integer[elements.size()];
            case CIMDataType.UINT64 -> new UnsignedInteger64[elements.size()];
            case CIMDataType.SINT64 -> new Long[elements.size()];
            case CIMDataType.REAL32 -> new Float[elements.size()];
            case CIMDataType.REAL64 -> new Double[elements.size()];
            case CIMDataType.CHAR16 -> new Character[elements.size()];
            case CIMDataType.BOOLEAN -> new Boolean[elements.size()];
            case CIMDataType.DATETIME -> new CIMDateTime[elements.size()];
            case CIMDataType.REFERENCE -> new CIMObjectPath[elements.size()];
            case CIMDataType.OBJECT -> new CIMInstance[elements.size()];
            default -> new String[elements.size()];
        };
        return elements.toArray(array);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
