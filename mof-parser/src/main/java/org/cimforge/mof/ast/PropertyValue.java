package org.cimforge.mof.ast;

import java.util.List;
import org.cimforge.mof.SourceLocation;

/** One {@code Name = value;} line of an instance declaration. */
public record PropertyValue(List<QualifierUse> qualifiers, String name, Value value, SourceLocation location) {
    public PropertyValue {
        qualifiers = List.copyOf(qualifiers);
    }
}
