package org.cimforge.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimElement;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimType;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.CimValue;
import org.cimforge.mof.model.ValueMap;

/**
 * Generates typed getters (over the runtime's {@code TypedValues}) and builder setters (over the
 * runtime builders) for properties and parameters alike.
 */
final class Accessors {
    private final TypeMapper types;

    Accessors(TypeMapper types) {
        this.types = types;
    }

    /** Getters for one element: the typed getter, plus the exact-value getter for scalar enums. */
    List<MethodSpec> getters(CimElement element, CimTypeRef type, String getter, String valueGetter,
                             ClassName enumType, boolean override) {
        String cimName = element.name().spelling();
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder g = MethodSpec.methodBuilder(getter).addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n\n<p>CIM {@code $L $L}; null when NULL or not present.$L$L\n",
                        Docs.describe(element, "The " + cimName + " value."), Docs.sanitize(type.toMof()), cimName,
                        Docs.facts(element, defaultValue(element)), Docs.deprecatedTag(element))
                .addJavadoc("$L", DocTags.of("the " + cimName + " value, null when NULL or not present"));
        deprecate(g, element);
        if (override) {
            g.addAnnotation(Override.class);
        }
        if (enumType != null) {
            if (type.array()) {
                g.returns(Nullness.nullable(ParameterizedTypeName.get(Types.LIST, TypeMapper.enumValue(enumType))))
                        .addStatement("return enumList($S, $T.class)", cimName, enumType);
            } else {
                g.returns(Nullness.nullable(enumType))
                        .addStatement("return enumConstant($S, $T.class)", cimName, enumType);
                MethodSpec.Builder v = MethodSpec.methodBuilder(valueGetter).addModifiers(Modifier.PUBLIC)
                        .addJavadoc("The exact $L value, also for numbers inside ranges or outside the ValueMap;\n"
                                + "null when NULL or not present.$L\n", cimName, Docs.deprecatedTag(element))
                        .addJavadoc("$L", DocTags.of("the exact value with its constant, null when NULL or not present"))
                        .returns(Nullness.nullable(TypeMapper.enumValue(enumType)))
                        .addStatement("return enumValue($S, $T.class)", cimName, enumType);
                deprecate(v, element);
                out.add(v.build());
            }
            out.add(0, g.build());
            return out;
        }
        g.returns(Nullness.nullable(types.getterType(type, element)));
        String kind = TypeMapper.kind(type, element);
        if (type.isReference()) {
            g.addStatement(type.array() ? "return refList($S)" : "return ref($S)", cimName);
        } else if (kind.equals("INSTANCE")) {
            ClassName target = types.embeddedType(element);
            if (target.equals(Types.CIM_INSTANCE)) {
                g.addStatement(type.array() ? "return list($S, $T.class)" : "return value($S, $T.class)", cimName,
                        target);
            } else {
                g.addStatement(type.array() ? "return embeddedList($S, $T::fromCimInstance)"
                        : "return embedded($S, $T::fromCimInstance)", cimName, target);
            }
        } else {
            g.addStatement(type.array() ? "return list($S, $T.class)" : "return value($S, $T.class)", cimName,
                    TypeMapper.scalar(type.type()));
        }
        out.add(g.build());
        return out;
    }

    /**
     * {@code getX(Class<E>)} (and {@code getXValue(Class<E>)}): reads a property through any ValueMap enum, so a
     * subclass that redeclares it with its own ValueMap is read as {@code getX(Sub.X.class)} under the inherited
     * name. Java cannot change the return type of the inherited {@code getX()}; a generic method declared once per
     * lineage does not clash with the next subclass that retypes the enum again, as a specific overload would.
     */
    List<MethodSpec> enumOverloads(CimElement element, CimTypeRef type, String getter, String valueGetter) {
        String cimName = element.name().spelling();
        TypeVariableName e = TypeVariableName.get("E", ParameterizedTypeName.get(ClassName.get(Enum.class),
                TypeVariableName.get("E")), Types.CIM_ENUM);
        TypeName exact = ParameterizedTypeName.get(Types.ENUM_VALUE, TypeVariableName.get("E"));
        TypeName enumClass = ParameterizedTypeName.get(ClassName.get(Class.class), TypeVariableName.get("E"));
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder g = MethodSpec.methodBuilder(getter).addModifiers(Modifier.PUBLIC).addTypeVariable(e)
                .addParameter(enumClass, "valueMap")
                .addJavadoc("$L read through the given ValueMap enum, e.g. the one a subclass redeclares it with;\n"
                        + "null when NULL or not present.$L\n", cimName, Docs.deprecatedTag(element))
                .addJavadoc("$L", DocTags.of("the value read through {@code valueMap}, null when NULL or not present",
                        "valueMap", "<E>"));
        deprecate(g, element);
        if (type.array()) {
            out.add(g.returns(Nullness.nullable(ParameterizedTypeName.get(Types.LIST, exact)))
                    .addStatement("return enumList($S, valueMap)", cimName).build());
            return out;
        }
        out.add(g.returns(Nullness.nullable(TypeVariableName.get("E")))
                .addStatement("return enumConstant($S, valueMap)", cimName).build());
        MethodSpec.Builder v = MethodSpec.methodBuilder(valueGetter).addModifiers(Modifier.PUBLIC).addTypeVariable(e)
                .addParameter(enumClass, "valueMap").returns(Nullness.nullable(exact))
                .addJavadoc("The exact $L value with the constant of the given ValueMap enum it falls under;\n"
                        + "null when NULL or not present.$L\n", cimName, Docs.deprecatedTag(element))
                .addJavadoc("$L", DocTags.of("the exact value with the constant of {@code valueMap} it falls under",
                        "valueMap", "<E>"))
                .addStatement("return enumValue($S, valueMap)", cimName);
        deprecate(v, element);
        out.add(v.build());
        return out;
    }

    /** Builder setters for one element, returning {@code self}. */
    List<MethodSpec> setters(CimElement element, CimTypeRef type, String setter, ClassName enumType, TypeName self) {
        return setters(element, type, setter, enumType, self, false);
    }

    /**
     * Builder setters; {@code overloadsOnly} leaves out the {@code EnumValue} forms, which would clash by erasure
     * with the inherited setters of a property whose ValueMap a subclass redeclares.
     */
    List<MethodSpec> setters(CimElement element, CimTypeRef type, String setter, ClassName enumType, TypeName self,
                             boolean overloadsOnly) {
        String cimName = element.name().spelling();
        List<MethodSpec> out = new ArrayList<>();
        if (enumType != null) {
            if (type.array()) {
                out.add(setter(element, setter, self, ArrayTypeName.of(enumType), true)
                        .addStatement("return setEnumConstants($S, value)", cimName).build());
                if (overloadsOnly) {
                    return out;
                }
                TypeName list = ParameterizedTypeName.get(Types.LIST,
                        WildcardTypeName.subtypeOf(TypeMapper.enumValue(enumType)));
                out.add(setter(element, setter, self, list, false)
                        .addStatement("return setEnumValues($S, value)", cimName).build());
            } else {
                String note = !hasNumericRanges(element, type) ? "" : "\n\n<p>A range constant is refused ("
                        + "{@code IllegalArgumentException}): it stands for many numbers, so pass it\nwith the exact one"
                        + " to {@code " + setter + "(constant, number)}.";
                out.add(setter(element, setter, self, enumType, false, note)
                        .addStatement("return setEnum($S, value)", cimName).build());
                if (!overloadsOnly) {
                    out.add(setter(element, setter, self, TypeMapper.enumValue(enumType), false)
                            .addStatement("return setEnumValue($S, value)", cimName).build());
                }
                if (hasNumericRanges(element, type)) {
                    out.add(rangeSetter(element, setter, self, enumType)
                            .addStatement("return setEnumValue($S, $T.of(constant, number))", cimName, Types.ENUM_VALUE)
                            .build());
                }
            }
            return out;
        }
        out.add(setter(element, setter, self, types.setterType(type, element), false)
                .addStatement("return set($S, value)", cimName).build());
        return out;
    }

    private static MethodSpec.Builder setter(CimElement element, String name, TypeName self, TypeName param,
                                             boolean varargs) {
        return setter(element, name, self, param, varargs, "");
    }

    private static MethodSpec.Builder setter(CimElement element, String name, TypeName self, TypeName param,
                                             boolean varargs, String note) {
        // Varargs: the array itself and each element may be null; only the element type can carry it here.
        TypeName nullable = varargs ? ArrayTypeName.of(Nullness.nullableOnly(((ArrayTypeName) param).componentType()))
                : Nullness.nullable(param);
        MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(nullable, "value").varargs(varargs)
                .addJavadoc("Sets $L (null for NULL).$L$L$L\n", element.name().spelling(), note,
                        Docs.facts(element, defaultValue(element)), Docs.deprecatedTag(element))
                .addJavadoc("$L", DocTags.of(DocTags.THIS_BUILDER, "value"));
        deprecate(b, element);
        return b;
    }

    /** {@code x(constant, number)}: a ValueMap value given as a constant (typically a range) and its exact number. */
    private static MethodSpec.Builder rangeSetter(CimElement element, String name, TypeName self, ClassName enumType) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(enumType, "constant").addParameter(Number.class, "number")
                .addJavadoc("Sets $L to an exact number within a constant's range, e.g. a vendor-specific code.\n"
                        + "Fails with {@code IllegalArgumentException} when the constant does not cover the number.$L\n",
                        element.name().spelling(), Docs.deprecatedTag(element))
                .addJavadoc("$L", DocTags.of(DocTags.THIS_BUILDER, "constant", "number"));
        deprecate(b, element);
        return b;
    }

    /** True when a numeric ValueMap has a range entry: such constants need the exact number to be set. */
    static boolean hasNumericRanges(CimElement element, CimTypeRef type) {
        ValueMap map = element instanceof CimProperty p ? p.valueMap()
                : element instanceof CimParameter p ? p.valueMap()
                : element instanceof CimMethod m ? m.valueMap() : null;
        return map != null && type.type() != CimType.STRING
                && map.entries().stream().anyMatch(e -> e instanceof ValueMap.Range);
    }

    private static CimValue defaultValue(CimElement element) {
        return element instanceof CimProperty p ? p.defaultValue() : null;
    }

    static void deprecate(MethodSpec.Builder method, CimElement element) {
        if (element.isDeprecated()) {
            method.addAnnotation(Deprecated.class);
        }
    }

    /** {@link #deprecate} plus the {@code @deprecated} Javadoc tag, for methods whose Javadoc is otherwise complete. */
    static void deprecateWithTag(MethodSpec.Builder method, CimElement element) {
        if (element.isDeprecated()) {
            method.addAnnotation(Deprecated.class).addJavadoc("$L\n", Docs.deprecatedTag(element));
        }
    }

    /** The {@code CimKind.X} expression and the REF class for an element's PropertyInfo. */
    static String kindCode(CimTypeRef type, CimElement element) {
        return TypeMapper.kind(type, element);
    }

    static String refClass(CimTypeRef type) {
        CimName ref = type.referenceClass();
        return ref == null ? null : ref.spelling();
    }
}
