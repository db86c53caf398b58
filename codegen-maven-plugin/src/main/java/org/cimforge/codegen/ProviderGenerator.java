package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;

/**
 * Generates the provider interface of a class, the server side: the runtime's instance (and, for
 * associations, traversal) operations bound to the typed class, one typed default method per
 * extrinsic method, and the dispatch from the untyped {@code invokeMethod} to them.
 */
final class ProviderGenerator {

    TypeSpec generate(ClassNames names) {
        CimClass c = names.cimClass;
        ClassName base = c.isAssociation() ? Types.ASSOCIATION_PROVIDER : Types.INSTANCE_PROVIDER;
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.provider)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(ClassGenerator.generated(c))
                .addAnnotation(ClassGenerator.suppressDeprecation())
                .addJavadoc("Provider of {@code $L} for a WBEM server: override the operations you support; every\n"
                        + "other one answers CIM_ERR_NOT_SUPPORTED.\n", c.name().spelling())
                .addSuperinterface(ParameterizedTypeName.get(base, names.model))
                .addSuperinterface(Types.METHOD_PROVIDER)
                .addMethod(MethodSpec.methodBuilder("cimClass").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(Types.CIM_CLASS_INFO)
                        .addStatement("return $T.CLASS_INFO", names.model).build())
                .addMethod(MethodSpec.methodBuilder("adapt").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(names.model)
                        .addParameter(Types.CIM_INSTANCE, "instance")
                        .addStatement("return $T.fromCimInstance(instance)", names.model).build());
        if (names.methods.isEmpty()) {
            return type.build();
        }
        CodeBlock.Builder dispatch = CodeBlock.builder()
                .beginControlFlow("switch (methodName.toLowerCase($T.ROOT))", Locale.class);
        for (MethodNames m : names.methods.values()) {
            String op = names.operationNames.get(m.method().name());
            type.addMethod(typedMethod(names, m, op));
            dispatch.beginControlFlow("case $S ->", m.method().name().spelling().toLowerCase(Locale.ROOT))
                    .addStatement("$T result = $N(context, $L$T.fromCimArguments(in))", m.resultType(), op,
                            isStatic(m.method()) ? "" : CodeBlock.of("$T.of(target), ", Types.CIM_REFERENCE),
                            m.argsType())
                    .addStatement("out.addAll($T.of(result.toCimOutArguments()))", List.class)
                    .addStatement("return result.toCimReturnValue()")
                    .endControlFlow();
        }
        dispatch.beginControlFlow("default ->")
                .addStatement("return $T.super.invokeMethod(context, target, methodName, in, out)", Types.METHOD_PROVIDER)
                .endControlFlow()
                .endControlFlow();
        type.addMethod(MethodSpec.methodBuilder("invokeMethod").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addJavadoc("Dispatches an extrinsic method call to its typed method.\n")
                .returns(Object.class)
                .addParameter(Types.INVOCATION_CONTEXT, "context")
                .addParameter(Types.CIM_OBJECT_PATH, "target")
                .addParameter(String.class, "methodName")
                .addParameter(MethodTypesGenerator.arguments(), "in")
                .addParameter(ParameterizedTypeName.get(Types.LIST, ParameterizedTypeName.get(Types.CIM_ARGUMENT,
                        WildcardTypeName.subtypeOf(Object.class))), "out")
                .addException(Types.WBEM_EXCEPTION)
                .addCode(dispatch.build())
                .build());
        return type.build();
    }

    private static MethodSpec typedMethod(ClassNames names, MethodNames m, String op) {
        CimMethod method = m.method();
        MethodSpec.Builder b = MethodSpec.methodBuilder(op)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addJavadoc("$L\n\n<p>CIM method {@code $L}$L.\n", Docs.describe(method, "Extrinsic method "
                        + method.name() + "."), method.name().spelling(), isStatic(method) ? " (static)" : "")
                .returns(m.resultType())
                .addParameter(Types.INVOCATION_CONTEXT, "context");
        if (isStatic(method)) {
            b.addAnnotation(Types.CIM_STATIC);
        } else {
            b.addParameter(reference(names.model), "target");
        }
        Accessors.deprecateWithTag(b, method);
        return b.addParameter(m.argsType(), "args")
                .addException(Types.WBEM_EXCEPTION)
                .addStatement("throw $T.notSupported($S)", Types.CIM_ERRORS, method.name().spelling())
                .build();
    }

    static boolean isStatic(CimMethod method) {
        return method.qualifiers().isTrue("Static");
    }

    static TypeName reference(ClassName model) {
        return ParameterizedTypeName.get(Types.CIM_REFERENCE, WildcardTypeName.subtypeOf(model));
    }
}
