package org.cimforge.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exact ValueMap value: the raw number or string as sent, and the enum constant it falls under
 * (null when the map has no entry for it). Values inside ranges keep their own number, so converting
 * back never loses anything.
 *
 * @param constant the matching constant (discrete first, then a bounded range, then {@code ..}), or null
 * @param raw      the exact value in its Java form (Short, Integer, Long, BigInteger or String)
 * @param <E>      the generated enum
 */
public record EnumValue<E extends Enum<E> & CimEnum>(E constant, Object raw) {

    public EnumValue {
        Objects.requireNonNull(raw, "raw");
    }

    /** Looks up a raw value in an enum's constants: a discrete match wins over ranges, and {@code ..} comes last. */
    public static <E extends Enum<E> & CimEnum> EnumValue<E> lookup(Class<E> type, Object raw) {
        E[] constants = type.getEnumConstants();
        if (raw instanceof String text) {
            E rest = null;
            for (E c : constants) {
                if (!c.isRange() && c.valueMapText().equals(text)) {
                    return new EnumValue<>(c, raw);
                }
                rest = rest == null && c.isRest() ? c : rest;
            }
            return new EnumValue<>(rest, raw);
        }
        BigInteger number = Values.toBigInteger(raw);
        E inRange = null;
        E rest = null;
        for (E c : constants) {
            if (!c.isRange() && c.covers(number)) {
                return new EnumValue<>(c, raw);
            }
            if (c.isRest()) {
                rest = rest == null ? c : rest;
            } else if (c.isRange() && inRange == null && c.covers(number)) {
                inRange = c;
            }
        }
        return new EnumValue<>(inRange != null ? inRange : rest, raw);
    }

    /** A value for a range constant with the exact number inside it; fails when the number is outside. */
    public static <E extends Enum<E> & CimEnum> EnumValue<E> of(E constant, Object raw) {
        if (!(raw instanceof String) && !constant.covers(Values.toBigInteger(raw))) {
            throw new IllegalArgumentException(raw + " is not within " + constant.valueMapText());
        }
        return new EnumValue<>(constant, raw);
    }

    /** True when the raw value has no entry in the map at all. */
    public boolean isUnmapped() {
        return constant == null;
    }

    /** The raw value as a number (fails for string-valued maps). */
    public BigInteger number() {
        return Values.toBigInteger(raw);
    }

    /** The Java value to store for a discrete constant, converted to the element's kind. */
    public static Object rawOf(CimEnum constant, CimKind kind) {
        if (constant.isRange()) {
            throw new IllegalArgumentException(constant.valueMapText()
                    + " is a range: pass an EnumValue with the exact value instead");
        }
        return kind == CimKind.STRING ? constant.valueMapText() : kind.fromBigInteger(constant.low());
    }

    /** Raw values of discrete constants for an array element (null stays null); null for a null array. */
    public static List<Object> rawOf(CimEnum[] constants, CimKind kind) {
        if (constants == null) {
            return null;
        }
        List<Object> raw = new ArrayList<>(constants.length);
        for (CimEnum c : constants) {
            raw.add(c == null ? null : rawOf(c, kind));
        }
        return raw;
    }

    /** Raw values of exact values for an array element (null stays null); null for a null list. */
    public static List<Object> rawOf(List<? extends EnumValue<?>> values) {
        if (values == null) {
            return null;
        }
        List<Object> raw = new ArrayList<>(values.size());
        values.forEach(v -> raw.add(v == null ? null : v.raw()));
        return raw;
    }
}
