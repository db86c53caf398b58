package org.cimforge.mof.model;

import java.util.Set;
import org.cimforge.mof.SourceLocation;

/** A qualifier declaration: its type, default value, scopes and default flavors. */
public record QualifierType(CimName name, CimTypeRef type, CimValue defaultValue, Set<Scope> scopes,
                            Set<Flavor> flavors, SourceLocation location) {
    public QualifierType {
        scopes = Set.copyOf(scopes);
        flavors = Set.copyOf(flavors);
    }

    /** True when the qualifier may be applied to an element of the given kind. */
    public boolean appliesTo(Scope scope) {
        return scopes.contains(Scope.ANY) || scopes.contains(scope);
    }
}
