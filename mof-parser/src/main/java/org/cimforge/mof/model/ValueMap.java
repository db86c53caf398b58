package org.cimforge.mof.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The ValueMap/Values pair of an element as a model: discrete values and ranges ({@code x..y},
 * {@code ..y}, {@code x..}, and {@code ..} for "every value not listed otherwise"), each with its
 * label from Values. When only Values is given, the values are implicitly 0, 1, 2, ...
 */
public record ValueMap(List<Entry> entries, boolean implicit) {

    public ValueMap {
        entries = List.copyOf(entries);
    }

    /** One ValueMap entry with its label (null when Values is absent). */
    public sealed interface Entry {
        /** The ValueMap string as written, e.g. {@code "0x1000"} or {@code "4096..32767"}. */
        String text();

        String label();
    }

    /** A single value; {@code number} is null for string-typed elements whose values are not numbers. */
    public record Discrete(String text, BigInteger number, String label) implements Entry {
    }

    /** A range with inclusive bounds; a null bound is open (the type's minimum or maximum). */
    public record Range(String text, BigInteger low, BigInteger high, String label) implements Entry {
        /** True for {@code ..}, which stands for every value no other entry covers. */
        public boolean isRest() {
            return low == null && high == null;
        }

        /** True when the value lies within the bounds (for {@code ..}, always true). */
        public boolean contains(BigInteger value) {
            return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0);
        }
    }

    /** The entry a numeric value maps to: the discrete match first, then a bounded range, then {@code ..}. */
    public Optional<Entry> lookup(BigInteger value) {
        Entry rest = null;
        Entry inRange = null;
        for (Entry entry : entries) {
            if (entry instanceof Discrete d && value.equals(d.number())) {
                return Optional.of(d);
            }
            if (entry instanceof Range r) {
                if (r.isRest()) {
                    rest = rest == null ? r : rest;
                } else if (inRange == null && r.contains(value)) {
                    inRange = r;
                }
            }
        }
        return Optional.ofNullable(inRange != null ? inRange : rest);
    }

    /** The entry for a string value of a string-typed element. */
    public Optional<Entry> lookup(String text) {
        return entries.stream().filter(e -> e instanceof Discrete && e.text().equals(text)).findFirst();
    }
}
