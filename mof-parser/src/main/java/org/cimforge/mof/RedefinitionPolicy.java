package org.cimforge.mof;

import java.util.Locale;

/**
 * What the compiler does when a class is declared again in one compilation (OpenPegasus vendor files,
 * for example, embed old copies of DMTF classes). Every policy reports the second declaration with the
 * {@code duplicate-class} code, naming both places.
 */
public enum RedefinitionPolicy {
    /** The first declaration stands; the later one is reported as a warning and ignored (the default). */
    KEEP_FIRST,
    /** The later declaration replaces the earlier one, with a warning naming the members it drops. */
    REPLACE,
    /** A redeclaration is an error; the first declaration is kept so the rest still resolves. */
    ERROR;

    /** The option spelling: {@code keep-first}, {@code replace} or {@code error}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads the option spelling (any case, '-' or '_'); throws IllegalArgumentException for anything else. */
    public static RedefinitionPolicy parse(String text) {
        for (RedefinitionPolicy policy : values()) {
            if (policy.id().equalsIgnoreCase(text.trim().replace('_', '-'))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown redefinition policy '" + text
                + "' (expected keep-first, replace or error)");
    }
}
