package org.cimforge.mof.model;

import java.util.Locale;

/** The kinds of element a qualifier may be applied to ({@code Scope(...)} of a qualifier declaration). */
public enum Scope {
    CLASS, ASSOCIATION, INDICATION, PROPERTY, REFERENCE, METHOD, PARAMETER, QUALIFIER, ANY;

    /** The scope for a MOF keyword, ignoring case; null when unknown. */
    public static Scope fromMofName(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The MOF keyword, in the lower case the DMTF schema writes it. */
    public String mofName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
