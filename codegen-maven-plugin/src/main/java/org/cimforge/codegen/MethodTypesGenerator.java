package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimType;

/**
 * Generates the typed arguments ({@code <Method>Args}, IN and IN/OUT parameters, with a builder and
 * the parameter enums) and typed result ({@code <Method>Result}, return value and OUT parameters) of
 * one CIM method.
 */
final class MethodTypesGenerator {
    private final TypeMapper types;
    private final Accessors accessors;

    MethodTypesGenerator(TypeMapper types, Accessors accessors) {
        this.types = types;
        this.accessors = accessors;
    }

    List<TypeSpec> generate(CimClass owner, MethodNames names) {
        return List.of(args(owner, names), result(owner, names));
    }

    private TypeSpec args(CimClass owner, MethodNames names) {
        CimMethod m = names.method();
        ClassName self = names.argsType();
        ClassName builder = self.nestedClass(ClassNames.BUILDER);
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(Types.METHOD_ARGUMENTS)
                .addJavadoc("IN parameters of {@code $L.$L}.$L\n", owner.name().spelling(), m.name().spelling(),
                        m.description() == null ? "" : "\n\n<p>" + Docs.describe(m, ""))
                .addField(elementSet("PARAMETERS", names, CimParameter::isIn, true))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(arguments(), "arguments").addStatement("super(PARAMETERS, arguments)").build())
                .addMethod(MethodSpec.methodBuilder("fromCimArguments").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("The typed view of received arguments (null for none).\n$L",
                                DocTags.of("the typed view", "arguments"))
                        .returns(self).addParameter(arguments(), "arguments")
                        .addStatement("return new $T(arguments)", self).build());
        List<MethodSpec> setters = new ArrayList<>();
        for (CimParameter p : m.parameters()) {
            MethodNames.ParamNames pn = names.params().get(p.name());
            if (pn.enumType() != null && pn.enumType().enclosingClassName().equals(self)) {
                type.addType(EnumGenerator.generate(pn.enumType(), p.valueMap(),
                        "parameter {@code " + p.name().spelling() + "} of {@code " + m.name().spelling() + "}"));
            }
            if (p.isIn()) {
                type.addMethods(accessors.getters(p, p.type(), pn.getter(), pn.valueGetter(), pn.enumType(), false));
                setters.addAll(accessors.setters(p, p.type(), pn.setter(), pn.enumType(), builder));
            }
        }
        type.addType(TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds the IN arguments of a call.\n")
                .superclass(ParameterizedTypeName.get(Types.ARGUMENTS_BUILDER, builder))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("An empty builder.\n")
                        .addStatement("super(PARAMETERS)").build())
                .addMethod(self(builder))
                .addMethods(setters)
                .addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                        .addJavadoc("The arguments; a Required IN parameter without a value is an\n"
                                + "{@code IllegalStateException} naming it.\n$L", DocTags.of("the arguments"))
                        .addStatement("return new $T(arguments())", self).build())
                .build());
        return type.build();
    }

    private TypeSpec result(CimClass owner, MethodNames names) {
        CimMethod m = names.method();
        ClassName self = names.resultType();
        ClassName builder = self.nestedClass(ClassNames.BUILDER);
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(Types.METHOD_RESULT)
                .addJavadoc("Result of {@code $L.$L}: the return value and every OUT parameter.\n",
                        owner.name().spelling(), m.name().spelling())
                .addField(FieldSpec.builder(Types.PROPERTY_INFO, "RETURN_TYPE", Modifier.PUBLIC, Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("Schema facts of the return value.\n")
                        .initializer("new $T($S, $T.$L, $L, $S, false$L)", Types.PROPERTY_INFO, "ReturnValue",
                                Types.CIM_KIND, TypeMapper.kind(m.returnType(), m), m.returnType().array(),
                                Accessors.refClass(m.returnType()), names.returnEnum() == null ? CodeBlock.of("")
                                        : CodeBlock.of(", false, $T.class", names.returnEnum()))
                        .build())
                // OUT parameters are never checked as Required: a failed call legitimately returns none of them.
                .addField(elementSet("OUT_PARAMETERS", names, CimParameter::isOut, false))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(Object.class, "returnValue").addParameter(arguments(), "outArguments")
                        .addStatement("super(RETURN_TYPE, OUT_PARAMETERS, returnValue, outArguments)").build())
                .addMethod(MethodSpec.methodBuilder("fromCim").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("The typed view of a JSR48 return value and OUT arguments.\n$L",
                                DocTags.of("the typed view", "returnValue", "outArguments"))
                        .returns(self)
                        .addParameter(Object.class, "returnValue").addParameter(arguments(), "outArguments")
                        .addStatement("return new $T(returnValue, outArguments)", self).build());
        TypeSpec.Builder b = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a result, for providers.\n")
                .superclass(ParameterizedTypeName.get(Types.METHOD_RESULT_BUILDER, builder))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("An empty builder.\n")
                        .addStatement("super(RETURN_TYPE, OUT_PARAMETERS)").build())
                .addMethod(self(builder));
        returnAccessors(type, b, names, builder);
        for (CimParameter p : m.parameters()) {
            if (p.isOut()) {
                MethodNames.ParamNames pn = names.params().get(p.name());
                if (pn.enumType() != null && pn.enumType().enclosingClassName().equals(self)) {
                    type.addType(EnumGenerator.generate(pn.enumType(), p.valueMap(),
                            "OUT parameter {@code " + p.name().spelling() + "} of {@code " + m.name().spelling() + "}"));
                }
                type.addMethods(accessors.getters(p, p.type(), pn.getter(), pn.valueGetter(), pn.enumType(), false));
                b.addMethods(accessors.setters(p, p.type(), pn.setter(), pn.enumType(), builder));
            }
        }
        b.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("The result (OUT parameters are not checked as Required).\n$L", DocTags.of("the result"))
                .addStatement("return new $T(cimReturnValue(), arguments())", self).build());
        type.addType(b.build());
        return type.build();
    }

    private void returnAccessors(TypeSpec.Builder type, TypeSpec.Builder builder, MethodNames names,
                                 ClassName builderType) {
        CimMethod m = names.method();
        ClassName returnEnum = names.returnEnum();
        if (returnEnum != null) {
            type.addType(EnumGenerator.generate(returnEnum, m.valueMap(),
                    "the return value of {@code " + m.name().spelling() + "}"));
            TypeName exact = TypeMapper.enumValue(returnEnum);
            type.addMethod(MethodSpec.methodBuilder("getReturnCode").addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The return code, or null when none was returned or it is not in the ValueMap.\n$L",
                            DocTags.of("the return code, or null"))
                    .returns(Nullness.nullable(returnEnum))
                    .addStatement("$T value = returnEnum($T.class)", Nullness.nullable(exact), returnEnum)
                    .addStatement("return value == null ? null : value.constant()").build());
            type.addMethod(MethodSpec.methodBuilder("getReturnValue").addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The exact return value with the constant it falls under; null when none was returned.\n$L",
                            DocTags.of("the exact return value, or null"))
                    .returns(Nullness.nullable(exact)).addStatement("return returnEnum($T.class)", returnEnum).build());
            boolean ranges = Accessors.hasNumericRanges(m, m.returnType());
            builder.addMethod(MethodSpec.methodBuilder("returnValue").addModifiers(Modifier.PUBLIC)
                    .addJavadoc(ranges ? "Sets the return value to a discrete code. A range constant is refused\n"
                            + "({@code IllegalArgumentException}): pass it with the exact number to\n"
                            + "{@code returnValue(constant, number)}.\n" : "Sets the return value to a code.\n")
                    .addJavadoc("$L", DocTags.of(DocTags.THIS_BUILDER, "value"))
                    .returns(builderType).addParameter(Nullness.nullable(returnEnum), "value")
                    .addStatement("return setReturnEnum(value)").build());
            builder.addMethod(MethodSpec.methodBuilder("returnValue").addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Sets the return value to an exact value (any number, also inside ranges or outside the map).\n$L",
                            DocTags.of(DocTags.THIS_BUILDER, "value"))
                    .returns(builderType).addParameter(Nullness.nullable(exact), "value")
                    .addStatement("return setReturn(value == null ? null : value.raw())").build());
            if (ranges) {
                builder.addMethod(MethodSpec.methodBuilder("returnValue").addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Sets the return value to an exact number within a constant's range, e.g. a"
                                + " vendor-specific code.\nFails with {@code IllegalArgumentException} when the constant"
                                + " does not cover the number.\n$L", DocTags.of(DocTags.THIS_BUILDER, "constant", "number"))
                        .returns(builderType).addParameter(returnEnum, "constant").addParameter(Number.class, "number")
                        .addStatement("return setReturn($T.of(constant, number).raw())", Types.ENUM_VALUE).build());
            }
            return;
        }
        TypeName javaType = simpleReturn(m) ? TypeMapper.scalar(m.returnType().type()) : ClassName.get(Object.class);
        type.addMethod(MethodSpec.methodBuilder("getReturnValue").addModifiers(Modifier.PUBLIC)
                .addJavadoc("The return value in its Java form; null when none was returned.\n$L",
                        DocTags.of("the return value, or null"))
                .returns(Nullness.nullable(javaType))
                .addStatement(simpleReturn(m) ? CodeBlock.of("return returnAs($T.class)", javaType)
                        : CodeBlock.of("return returnJavaValue()"))
                .build());
        builder.addMethod(MethodSpec.methodBuilder("returnValue").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Sets the return value (null for NULL).\n$L", DocTags.of(DocTags.THIS_BUILDER, "value"))
                .returns(builderType).addParameter(Nullness.nullable(javaType), "value")
                .addStatement("return setReturn(value)").build());
    }

    /** True for scalar returns whose Java type is a plain class (not a reference, embedded value or array). */
    private static boolean simpleReturn(CimMethod m) {
        return !m.returnType().array() && !m.returnType().isReference() && !TypeMapper.isEmbedded(m)
                && m.returnType().type() != CimType.REFERENCE;
    }

    /** The parameters' facts; {@code checkRequired} marks Required ones (for the IN side only). */
    private static FieldSpec elementSet(String field, MethodNames names, Predicate<CimParameter> which,
                                        boolean checkRequired) {
        CodeBlock.Builder list = CodeBlock.builder();
        for (CimParameter p : names.method().parameters()) {
            if (which.test(p)) {
                list.add(list.isEmpty() ? "\n" : ",\n");
                list.add("new $T($S, $T.$L, $L, $S, false", Types.PROPERTY_INFO, p.name().spelling(),
                        Types.CIM_KIND, TypeMapper.kind(p.type(), p), p.type().array(), Accessors.refClass(p.type()));
                ClassName enumType = names.params().get(p.name()).enumType();
                boolean required = checkRequired && p.isRequired();
                if (required || enumType != null) {
                    list.add(", $L, $L", required,
                            enumType == null ? CodeBlock.of("null") : CodeBlock.of("$T.class", enumType));
                }
                list.add(")");
            }
        }
        return FieldSpec.builder(Types.ELEMENT_SET, field, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Schema facts of the $L parameters.\n", checkRequired ? "IN" : "OUT")
                .initializer(CodeBlock.builder().add("$T.of($T.of(", Types.ELEMENT_SET, Types.LIST).indent()
                        .add(list.build()).unindent().add("))").build())
                .build();
    }

    static TypeName arguments() {
        return com.palantir.javapoet.ArrayTypeName.of(
                ParameterizedTypeName.get(Types.CIM_ARGUMENT, com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)));
    }

    private static MethodSpec self(ClassName builder) {
        return MethodSpec.methodBuilder("self").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
                .returns(builder).addStatement("return this").build();
    }
}
