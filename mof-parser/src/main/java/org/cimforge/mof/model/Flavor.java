package org.cimforge.mof.model;

import java.util.Locale;

/** Qualifier flavors: whether a qualifier propagates to subclasses, may be overridden, and is translatable. */
public enum Flavor {
    ENABLE_OVERRIDE, DISABLE_OVERRIDE, TO_SUBCLASS, RESTRICTED, TRANSLATABLE;

    /** The MOF keyword for this flavor, e.g. {@code ToSubclass}. */
    public String mofName() {
        return switch (this) {
            case ENABLE_OVERRIDE -> "EnableOverride";
            case DISABLE_OVERRIDE -> "DisableOverride";
            case TO_SUBCLASS -> "ToSubclass";
            case RESTRICTED -> "Restricted";
            case TRANSLATABLE -> "Translatable";
        };
    }

    /** The flavor for a MOF keyword, ignoring case; null when unknown. */
    public static Flavor fromMofName(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (Flavor flavor : values()) {
            if (flavor.mofName().toLowerCase(Locale.ROOT).equals(lower)) {
                return flavor;
            }
        }
        return null;
    }
}
