package org.cimforge.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An exact ValueMap value: the raw number or string as sent, and the enum constant it falls under
 * (null when the map has no entry for it). Values inside ranges keep their own number, so converting
 * back never loses anything.
 *
 * <p>Two values are equal when they have the same constant and the same number, whatever Java integer
 * type carried it: {@code lookup(5000)} equals {@code lookup(5000L)} (the raw form depends on the
 * element's CIM type and on what a server sent, so comparing it as-is would make equality a trap).
 *
 * @param constant the matching constant (discrete first, then a bounded range, then {@code ..}), or null
 * @param raw      the exact value in its Java form (Short, Integer, Long, BigInteger or String)
 * @param <E>      the generated enum
 */
public record EnumValue<E extends Enum<E> & CimEnum>(@Nullable E constant, Object raw) {

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
        Objects.requireNonNull(constant, "constant");
        Objects.requireNonNull(raw, "raw");
        if (!(raw instanceof String) && !constant.covers(Values.toBigInteger(raw))) {
            throw new IllegalArgumentException(raw + " is not within " + constant.valueMapText());
        }
        return new EnumValue<>(constant, raw);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumValue<?> that && Objects.equals(constant, that.constant)
                && comparable().equals(that.comparable());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(constant) + comparable().hashCode();
    }

    /** The number and the constant it falls under, e.g. {@code 2 (START)}; just the number when unmapped. */
    @Override
    public String toString() {
        String value = raw instanceof String text ? '"' + text + '"' : comparable().toString();
        return constant == null ? value : value + " (" + constant.name() + ")";
    }

    /** The raw value in one form per meaning: BigInteger for any integer type, the string itself otherwise. */
    private Object comparable() {
        return raw instanceof Number ? Values.toBigInteger(raw) : raw;
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
        return rawOf(constant, kind, null);
    }

    /**
     * Like {@link #rawOf(CimEnum, CimKind)}, naming the element in the refusal of a range constant: a
     * range stands for many numbers, so the caller has to say which one.
     */
    static Object rawOf(CimEnum constant, CimKind kind, @Nullable String element) {
        if (constant.isRange()) {
            String name = constant instanceof Enum<?> e ? e.name() : constant.valueMapText();
            throw new IllegalArgumentException((element == null ? "" : element + ": ") + name + " ("
                    + constant.valueMapText() + ") is a range, not one value: pass the constant with the exact"
                    + " number (the setter's (constant, number) form, or EnumValue.of(" + name + ", number))");
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
            raw.add(c == null ? null : rawOf(c, kind, null));
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
