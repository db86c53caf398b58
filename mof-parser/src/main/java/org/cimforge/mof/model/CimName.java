package org.cimforge.mof.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A CIM element name: compares and hashes ignoring case (as DSP0004 requires) but keeps the
 * spelling it was declared with.
 */
public final class CimName implements Comparable<CimName> {
    private final String spelling;
    private final String key;

    private CimName(String spelling) {
        this.spelling = spelling;
        this.key = spelling.toLowerCase(Locale.ROOT);
    }

    public static CimName of(String name) {
        return new CimName(Objects.requireNonNull(name, "name"));
    }

    /** The name as declared. */
    public String spelling() {
        return spelling;
    }

    /** True when the given string names this element, ignoring case. */
    public boolean matches(String other) {
        return spelling.equalsIgnoreCase(other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CimName name && key.equals(name.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public int compareTo(CimName other) {
        return key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return spelling;
    }
}
