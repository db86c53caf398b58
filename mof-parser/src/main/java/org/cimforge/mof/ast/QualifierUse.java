package org.cimforge.mof.ast;

import java.util.List;
import org.cimforge.mof.SourceLocation;

/** A qualifier applied to an element, e.g. {@code Description("x")} or {@code Key}; value null when omitted. */
public record QualifierUse(String name, Value value, List<Named> flavors, SourceLocation location) {
    public QualifierUse {
        flavors = List.copyOf(flavors);
    }
}
