package org.cimforge.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;

/**
 * JSpecify {@code @Nullable} on generated types: every CIM value may be NULL, and so may every element
 * of a CIM array, so getters, setter parameters and list elements are all marked.
 */
final class Nullness {
    private static final AnnotationSpec NULLABLE = AnnotationSpec.builder(Types.NULLABLE).build();

    private Nullness() {
    }

    /** The type marked {@code @Nullable}; a {@code List<T>} also gets {@code @Nullable} elements. */
    static TypeName nullable(TypeName type) {
        TypeName marked = type;
        if (type instanceof ParameterizedTypeName p && p.rawType().equals(Types.LIST)) {
            TypeName element = p.typeArguments().get(0);
            TypeName nullableElement = element instanceof WildcardTypeName w && w.lowerBounds().isEmpty()
                    ? WildcardTypeName.subtypeOf(w.upperBounds().get(0).annotated(NULLABLE))
                    : element.annotated(NULLABLE);
            marked = ParameterizedTypeName.get(Types.LIST, nullableElement);
        }
        return marked.annotated(NULLABLE);
    }

    /** Only the type itself marked (for varargs element types and return values that are not lists). */
    static TypeName nullableOnly(TypeName type) {
        return type.annotated(NULLABLE);
    }
}
