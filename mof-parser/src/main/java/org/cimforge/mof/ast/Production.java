package org.cimforge.mof.ast;

import java.util.List;
import org.cimforge.mof.SourceLocation;

/** A top-level MOF production: a pragma, a qualifier declaration, a class or an instance. */
public sealed interface Production {

    SourceLocation location();

    /** {@code #pragma name("arg", ...)}. */
    record Pragma(String name, List<String> arguments, SourceLocation location) implements Production {
        public Pragma {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code Qualifier Name : type = default, Scope(...), Flavor(...);}. */
    record QualifierDeclaration(String name, TypeSpec type, Value defaultValue, List<Named> scopes,
                                boolean scopeGiven, List<Named> flavors, SourceLocation location)
            implements Production {
        public QualifierDeclaration {
            scopes = List.copyOf(scopes);
            flavors = List.copyOf(flavors);
        }
    }

    /** {@code [qualifiers] class Name as $alias : Super { features };} ({@code alias} without '$', or null). */
    record ClassDeclaration(List<QualifierUse> qualifiers, String name, String superClass,
                            SourceLocation superClassLocation, List<Feature> features, SourceLocation location,
                            String alias)
            implements Production {
        public ClassDeclaration {
            qualifiers = List.copyOf(qualifiers);
            features = List.copyOf(features);
        }

        /** A class declared without an alias. */
        public ClassDeclaration(List<QualifierUse> qualifiers, String name, String superClass,
                                SourceLocation superClassLocation, List<Feature> features, SourceLocation location) {
            this(qualifiers, name, superClass, superClassLocation, features, location, null);
        }
    }

    /** {@code instance of Class as $alias { Prop = value; };}. */
    record InstanceDeclaration(List<QualifierUse> qualifiers, String className, String alias,
                               List<PropertyValue> values, SourceLocation location) implements Production {
        public InstanceDeclaration {
            qualifiers = List.copyOf(qualifiers);
            values = List.copyOf(values);
        }
    }
}
