package org.cimforge.mof.model;

import java.util.Optional;
import org.cimforge.mof.SourceLocation;

/** A method parameter with its direction (In defaults to true, Out to false). */
public record CimParameter(CimName name, CimTypeRef type, Qualifiers qualifiers, ValueMap valueMap,
                           SourceLocation location) implements CimElement {

    public boolean isIn() {
        return !qualifiers.contains("In") || qualifiers.isTrue("In");
    }

    public boolean isOut() {
        return qualifiers.isTrue("Out");
    }

    public Optional<ValueMap> values() {
        return Optional.ofNullable(valueMap);
    }
}
