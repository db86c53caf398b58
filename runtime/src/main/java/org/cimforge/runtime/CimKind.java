package org.cimforge.runtime;

import java.math.BigInteger;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

/**
 * The CIM data types as generated code sees them, each with its Java type and the conversion of
 * single values to and from the JSR48 representation.
 *
 * <p>Unsigned types are widened to the next larger signed Java type so every value fits without
 * sign tricks: uint8 to Short, uint16 to Integer, uint32 to Long, uint64 to BigInteger.
 */
public enum CimKind {
    UINT8(Short.class, CIMDataType.UINT8),
    SINT8(Byte.class, CIMDataType.SINT8),
    UINT16(Integer.class, CIMDataType.UINT16),
    SINT16(Short.class, CIMDataType.SINT16),
    UINT32(Long.class, CIMDataType.UINT32),
    SINT32(Integer.class, CIMDataType.SINT32),
    UINT64(BigInteger.class, CIMDataType.UINT64),
    SINT64(Long.class, CIMDataType.SINT64),
    REAL32(Float.class, CIMDataType.REAL32),
    REAL64(Double.class, CIMDataType.REAL64),
    CHAR16(Character.class, CIMDataType.CHAR16),
    STRING(String.class, CIMDataType.STRING),
    BOOLEAN(Boolean.class, CIMDataType.BOOLEAN),
    DATETIME(CimDateTime.class, CIMDataType.DATETIME),
    REFERENCE(CimReference.class, CIMDataType.REFERENCE),
    /** An embedded instance (string property or parameter with the EmbeddedInstance qualifier). */
    INSTANCE(CIMInstance.class, CIMDataType.OBJECT);

    private final Class<?> javaType;
    private final int jsr48Type;

    CimKind(Class<?> javaType, int jsr48Type) {
        this.javaType = javaType;
        this.jsr48Type = jsr48Type;
    }

    /** The Java type generated code uses for one value of this kind. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The kinds by JSR48 type number: {@link #of} runs for every value built or sent, so no scan (nor values() copy). */
    private static final CimKind[] BY_JSR48_TYPE;
    /** The JSR48 types of scalars and arrays of every kind but REFERENCE (immutable, so shared). */
    private static final CIMDataType[] SCALAR_TYPES = new CIMDataType[values().length];
    private static final CIMDataType[] ARRAY_TYPES = new CIMDataType[values().length];

    static {
        int max = 0;
        for (CimKind kind : values()) {
            max = Math.max(max, kind.jsr48Type);
        }
        BY_JSR48_TYPE = new CimKind[max + 1];
        for (CimKind kind : values()) {
            BY_JSR48_TYPE[kind.jsr48Type] = kind;
            if (kind != REFERENCE) {
                SCALAR_TYPES[kind.ordinal()] = new CIMDataType(kind.jsr48Type, false);
                ARRAY_TYPES[kind.ordinal()] = new CIMDataType(kind.jsr48Type, true);
            }
        }
    }

    /** The kind of a JSR48 data type (class-typed and unknown types are not supported). */
    public static CimKind of(CIMDataType type) {
        int t = type.getType();
        CimKind kind = t >= 0 && t < BY_JSR48_TYPE.length ? BY_JSR48_TYPE[t] : null;
        if (kind == null) {
            throw new IllegalArgumentException("unsupported CIM data type: " + type);
        }
        return kind;
    }

    /** The JSR48 data type for a scalar or array of this kind; refClass is used for references only. */
    public CIMDataType dataType(boolean array, String refClass) {
        if (this == REFERENCE) {
            return array ? new CIMDataType(refClass, 0) : new CIMDataType(refClass);
        }
        // (type, true) is the unbounded array; the JSR48 library refuses a size of 0 for non-references.
        return array ? ARRAY_TYPES[ordinal()] : SCALAR_TYPES[ordinal()];
    }

    /** One JSR48 value as its Java form (null stays null). */
    public Object toJava(Object cim) {
        if (cim == null) {
            return null;
        }
        return switch (this) {
            case UINT8 -> ((UnsignedInteger8) cim).shortValue();
            case UINT16 -> ((UnsignedInteger16) cim).intValue();
            case UINT32 -> ((UnsignedInteger32) cim).longValue();
            case UINT64 -> ((UnsignedInteger64) cim).bigIntegerValue();
            case DATETIME -> CimDateTime.fromCim((CIMDateTime) cim);
            case REFERENCE -> CimReference.of((CIMObjectPath) cim);
            default -> cim;
        };
    }

    /** One Java value in its JSR48 form; numbers of another width are accepted when they fit. */
    public Object toCim(Object java) {
        if (java == null) {
            return null;
        }
        return switch (this) {
            case UINT8 -> new UnsignedInteger8(Values.toShort(java));
            case SINT8 -> Values.toByte(java);
            case UINT16 -> new UnsignedInteger16(Values.toInt(java));
            case SINT16 -> Values.toShort(java);
            case UINT32 -> new UnsignedInteger32(Values.toLong(java));
            case SINT32 -> Values.toInt(java);
            case UINT64 -> new UnsignedInteger64(Values.toBigInteger(java));
            case SINT64 -> Values.toLong(java);
            case REAL32 -> ((Number) java).floatValue();
            case REAL64 -> ((Number) java).doubleValue();
            case DATETIME -> ((CimDateTime) java).toCim();
            case REFERENCE -> java instanceof CimReference<?> ref ? ref.path() : (CIMObjectPath) java;
            case INSTANCE -> java instanceof CimInstanceBase typed ? typed.toCimInstance() : (CIMInstance) java;
            default -> java;
        };
    }

    /** A whole-number Java value of this kind from its exact integer (used for ValueMap codes). */
    public Object fromBigInteger(BigInteger value) {
        return switch (this) {
            case UINT8, SINT16 -> Values.toShort(value);
            case SINT8 -> Values.toByte(value);
            case UINT16, SINT32 -> Values.toInt(value);
            case UINT32, SINT64 -> Values.toLong(value);
            case UINT64 -> value;
            default -> throw new IllegalArgumentException(this + " is not an integer kind");
        };
    }

    /** An empty JSR48 array of this kind, for building array values. */
    Object[] newCimArray(int length) {
        return switch (this) {
            case UINT8 -> new UnsignedInteger8[length];
            case SINT8 -> new Byte[length];
            case UINT16 -> new UnsignedInteger16[length];
            case SINT16 -> new Short[length];
            case UINT32 -> new UnsignedInteger32[length];
            case SINT32 -> new Integer[length];
            case UINT64 -> new UnsignedInteger64[length];
            case SINT64 -> new Long[length];
            case REAL32 -> new Float[length];
            case REAL64 -> new Double[length];
            case CHAR16 -> new Character[length];
            case STRING -> new String[length];
            case BOOLEAN -> new Boolean[length];
            case DATETIME -> new CIMDateTime[length];
            case REFERENCE -> new CIMObjectPath[length];
            case INSTANCE -> new CIMInstance[length];
        };
    }
}
