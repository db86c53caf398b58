package org.cimforge.mof.ast;

import java.util.List;
import org.cimforge.mof.SourceLocation;

/** A member declared in a class body: a property (including references) or a method. */
public sealed interface Feature {

    String name();

    List<QualifierUse> qualifiers();

    SourceLocation location();

    /** A property or reference declaration with its optional default value. */
    record Property(List<QualifierUse> qualifiers, TypeSpec type, String name, Value defaultValue,
                    SourceLocation location) implements Feature {
        public Property {
            qualifiers = List.copyOf(qualifiers);
        }
    }

    /** A method declaration with its parameters. */
    record Method(List<QualifierUse> qualifiers, TypeSpec returnType, String name, List<Parameter> parameters,
                  SourceLocation location) implements Feature {
        public Method {
            qualifiers = List.copyOf(qualifiers);
            parameters = List.copyOf(parameters);
        }
    }

    /** A method parameter. */
    record Parameter(List<QualifierUse> qualifiers, TypeSpec type, String name, Value defaultValue,
                     SourceLocation location) {
        public Parameter {
            qualifiers = List.copyOf(qualifiers);
        }
    }
}
