package org.cimforge.mof.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A typed CIM value. Java forms: integers as {@link Long} (uint64 as {@link BigInteger}), reals as
 * {@link Double}, char16 as {@link Character}, boolean as {@link Boolean}, string and datetime as
 * {@link String}, references as {@link String} object paths or {@link AliasTarget}s, arrays as
 * immutable {@link List}s of those, and SQL-style NULL as a null {@code value}.
 */
public record CimValue(CimType type, boolean array, Object value) {

    /** A reference value written as {@code $alias}, pointing at an instance of the same compilation. */
    public record AliasTarget(String alias) {
    }

    public CimValue {
        Objects.requireNonNull(type, "type");
        if (array && value != null) {
            // Not List.copyOf: an array may hold NULL elements ({1, NULL}, or an element that did not
            // fit its type and was reported), and List.copyOf rejects them with a NullPointerException.
            value = java.util.Collections.unmodifiableList(new java.util.ArrayList<>((List<?>) value));
        }
    }

    // equals and hashCode written out, with the meaning the record would give them: the record's own are
    // bound through invokedynamic on first use, which spins method-handle classes that cost a cold mofc
    // run tens of milliseconds (resolving compares inherited qualifier values).
    @Override
    public boolean equals(Object other) {
        return other instanceof CimValue v && type == v.type && array == v.array && Objects.equals(value, v.value);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + Boolean.hashCode(array)) * 31 + Objects.hashCode(value);
    }

    public static CimValue nullOf(CimType type, boolean array) {
        return new CimValue(type, array, null);
    }

    public boolean isNull() {
        return value == null;
    }

    /** Array elements (empty for NULL). */
    @SuppressWarnings("unchecked")
    public List<Object> elements() {
        return value == null ? List.of() : (List<Object>) value;
    }

    public String asString() {
        return (String) value;
    }

    public boolean asBoolean() {
        return Boolean.TRUE.equals(value);
    }

    /** The value as an integer of any width. */
    public BigInteger asBigInteger() {
        return value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
    }

    /** String array elements, for qualifiers such as ValueMap and Values. */
    @SuppressWarnings("unchecked")
    public List<String> asStringList() {
        return value == null ? List.of() : (List<String>) value;
    }
}
