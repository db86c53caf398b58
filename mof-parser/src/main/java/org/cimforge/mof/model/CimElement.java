package org.cimforge.mof.model;

import org.cimforge.mof.SourceLocation;

/** What every named, qualified schema element offers: name, effective qualifiers and source location. */
public interface CimElement {

    CimName name();

    Qualifiers qualifiers();

    SourceLocation location();

    /** The Description qualifier, or null. */
    default String description() {
        return qualifiers().string("Description");
    }

    /** True when the element carries a Deprecated qualifier. */
    default boolean isDeprecated() {
        return qualifiers().contains("Deprecated");
    }
}
