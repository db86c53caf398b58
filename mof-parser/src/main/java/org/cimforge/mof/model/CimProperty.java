package org.cimforge.mof.model;

import java.util.Optional;
import org.cimforge.mof.SourceLocation;

/**
 * A property (or reference) of a class as seen in that class: effective qualifiers, the class that
 * first declared it ({@code classOrigin}), and whether it was inherited without being redeclared.
 */
public record CimProperty(CimName name, CimTypeRef type, CimValue defaultValue, Qualifiers qualifiers,
                          CimName classOrigin, boolean propagated, ValueMap valueMap, SourceLocation location)
        implements CimElement {

    public boolean isKey() {
        return qualifiers.isTrue("Key");
    }

    public boolean isReference() {
        return type.isReference();
    }

    public Optional<ValueMap> values() {
        return Optional.ofNullable(valueMap);
    }

    /** This property as it appears in a subclass that inherits it unchanged. */
    public CimProperty inherited(Qualifiers propagatedQualifiers) {
        return new CimProperty(name, type, defaultValue, propagatedQualifiers, classOrigin, true, valueMap, location);
    }
}
