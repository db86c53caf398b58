package org.cimforge.mof.model;

import java.util.Locale;

/** The CIM data types of DSP0004, plus REFERENCE for {@code ClassName REF} elements. */
public enum CimType {
    UINT8("uint8"), SINT8("sint8"), UINT16("uint16"), SINT16("sint16"),
    UINT32("uint32"), SINT32("sint32"), UINT64("uint64"), SINT64("sint64"),
    REAL32("real32"), REAL64("real64"), CHAR16("char16"), STRING("string"),
    BOOLEAN("boolean"), DATETIME("datetime"), REFERENCE("ref");

    private final String mofName;

    CimType(String mofName) {
        this.mofName = mofName;
    }

    /** The keyword MOF uses for this type. */
    public String mofName() {
        return mofName;
    }

    public boolean isInteger() {
        return ordinal() <= SINT64.ordinal();
    }

    public boolean isReal() {
        return this == REAL32 || this == REAL64;
    }

    public boolean isNumeric() {
        return isInteger() || isReal();
    }

    public boolean isSigned() {
        return this == SINT8 || this == SINT16 || this == SINT32 || this == SINT64;
    }

    /** Number of bits of an integer type; 0 for the others. */
    public int bits() {
        return switch (this) {
            case UINT8, SINT8 -> 8;
            case UINT16, SINT16 -> 16;
            case UINT32, SINT32 -> 32;
            case UINT64, SINT64 -> 64;
            default -> 0;
        };
    }

    /** Smallest value of an integer type. */
    public java.math.BigInteger minValue() {
        return isSigned() ? java.math.BigInteger.ONE.shiftLeft(bits() - 1).negate() : java.math.BigInteger.ZERO;
    }

    /** Largest value of an integer type. */
    public java.math.BigInteger maxValue() {
        int valueBits = isSigned() ? bits() - 1 : bits();
        return java.math.BigInteger.ONE.shiftLeft(valueBits).subtract(java.math.BigInteger.ONE);
    }

    /** True when an integer type can hold the value. */
    public boolean fits(java.math.BigInteger value) {
        return value.compareTo(minValue()) >= 0 && value.compareTo(maxValue()) <= 0;
    }

    /** The type for a MOF keyword, ignoring case; null when the word is not a type. */
    public static CimType fromMofName(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (CimType type : values()) {
            if (type.mofName.equals(lower) && type != REFERENCE) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return mofName;
    }
}
