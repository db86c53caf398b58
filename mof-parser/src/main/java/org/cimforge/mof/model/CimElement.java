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

    /** The class named by an EmbeddedInstance qualifier (the element holds an instance of it), if any. */
    default java.util.Optional<CimName> embeddedInstance() {
        return java.util.Optional.ofNullable(qualifiers().string("EmbeddedInstance")).map(CimName::of);
    }

    /** True when a string element holds an embedded object of any class (EmbeddedObject qualifier). */
    default boolean isEmbeddedObject() {
        return qualifiers().isTrue("EmbeddedObject");
    }

    /** True when the element carries Required (a value must be given, never NULL). */
    default boolean isRequired() {
        return qualifiers().isTrue("Required");
    }

    /** True when the element carries a Deprecated qualifier. */
    default boolean isDeprecated() {
        return qualifiers().contains("Deprecated");
    }
}
