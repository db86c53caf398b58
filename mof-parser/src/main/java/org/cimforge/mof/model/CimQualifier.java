package org.cimforge.mof.model;

import java.util.Set;
import org.cimforge.mof.SourceLocation;

/**
 * A qualifier value on a class, property, method or parameter, with its effective flavors and
 * whether it was inherited (propagated) rather than written on this element.
 */
public record CimQualifier(CimName name, CimValue value, Set<Flavor> flavors, boolean propagated,
                           SourceLocation location) {
    public CimQualifier {
        flavors = Set.copyOf(flavors);
    }

    public boolean has(Flavor flavor) {
        return flavors.contains(flavor);
    }

    /** A copy marked as inherited from a superclass element. */
    public CimQualifier asPropagated() {
        return propagated ? this : new CimQualifier(name, value, flavors, true, location);
    }
}
