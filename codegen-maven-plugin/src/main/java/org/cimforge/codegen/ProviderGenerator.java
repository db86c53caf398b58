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
                .addMethod(MethodSpec.methodBuilder("cimClass").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(Types.CIM_CLASS_INFO)
                        .addStatement("return $T.CLASS_INFO", names.model).build())
                .addMethod(MethodSpec.methodBuilder("adapt").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(names.model)
                        .addParameter(Types.CIM_INSTANCE, "instance")
                        .addStatement("return $T.fromCimInstance(instance)", names.model).build());
        if (!names.methods.isEmpty()) {
            type.addSuperinterface(names.methodProvider);
        }
        type.addSuperinterface(Types.METHOD_PROVIDER);
        if (names.methods.isEmpty()) {
            return type.build();
        }
        type.addMethod(invokeMethod("invokeMethod", null).addAnnotation(Override.class).addModifiers(Modifier.DEFAULT)
                .addJavadoc("Dispatches an extrinsic method call to its typed method.\n")
                .addStatement("return $T.dispatch(this, context, target, methodName, in, out)", names.methodProvider)
                .build());
        return type.build();
    }

    /**
     * The typed-method interface {@code <X>Methods} of a class with methods: a default per method the class itself
     * declares, extending the interface of its superclass for the inherited ones. A method is so declared once,
     * with the same signature for every subclass, and one Java class can implement the Methods interfaces of a
     * class and its subclass, or of two classes that inherit the same method, with no erasure clash. The
     * dispatch is a static method, not an {@code invokeMethod} default, for the same reason: two sibling
     * interfaces with their own default would clash in a class that implements both.
     */
    TypeSpec methods(ClassNames names) {
        CimClass c = names.cimClass;
        ClassName self = names.methodProvider;
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(ClassGenerator.generated(c))
                .addAnnotation(ClassGenerator.suppressDeprecation())
                .addJavadoc("The extrinsic methods of {@code $L} for a WBEM server, typed; override those you support.\n"
                        + "{@code $L} includes these; implement this interface alone to serve methods of a class whose\n"
                        + "instances another provider serves, registered through {@link #methodProvider}.\n",
                        c.name().spelling(), names.provider.simpleName());
        ClassNames parent = names.parent != null && !names.parent.methods.isEmpty() ? names.parent : null;
        if (parent != null) {
            type.addSuperinterface(parent.methodProvider);
        }
        CodeBlock.Builder dispatch = CodeBlock.builder()
                .beginControlFlow("switch (methodName.toLowerCase($T.ROOT))", Locale.class);
        for (MethodNames m : names.methods.values()) {
            if (!m.declaresHere()) {
                continue;
            }
            String op = names.operationNames.get(m.method().name());
            type.addMethod(typedMethod(names, m, op));
            dispatch.beginControlFlow("case $S ->", m.method().name().spelling().toLowerCase(Locale.ROOT))
                    .addStatement("$T result = provider.$N(context, $L$T.fromCimArguments(in))", m.resultType(), op,
                            isStatic(m.method()) ? "" : CodeBlock.of("$T.of(target), ", Types.CIM_REFERENCE),
                            m.argsType())
                    .addStatement("out.addAll($T.of(result.toCimOutArguments()))", List.class)
                    .addStatement("return result.toCimReturnValue()")
                    .endControlFlow();
        }
        dispatch.beginControlFlow("default ->");
        if (parent != null) {
            dispatch.addStatement("return $T.dispatch(provider, context, target, methodName, in, out)",
                    parent.methodProvider);
        } else {
            dispatch.addStatement("throw $T.methodNotAvailable(methodName)", Types.CIM_ERRORS);
        }
        dispatch.endControlFlow().endControlFlow();
        type.addMethod(invokeMethod("dispatch", self).addModifiers(Modifier.STATIC)
                .addJavadoc("Calls the typed method of {@code provider} named by {@code methodName} (any case).\n$L$L",
                        DocTags.of("the CIM return value", "provider", "context", "target the object path of the call",
                                "methodName", "in", "out"), DocTags.WBEM_EXCEPTION)
                .addCode(dispatch.build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("methodProvider").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The untyped method provider a server registers ({@code CimProviderRegistry.typedMethods})\n"
                        + "that calls the typed methods of {@code provider}.\n$L",
                        DocTags.of("the method provider", "provider"))
                .returns(Types.METHOD_PROVIDER)
                .addParameter(self, "provider")
                .addStatement("return new $T() {\n$>@$T\npublic $T invokeMethod($T context, $T target, $T methodName,"
                                + " $T in,\n$>$T out) throws $T {\n$<return dispatch(provider, context, target,"
                                + " methodName, in, out);\n$<}\n}",
                        Types.METHOD_PROVIDER, Override.class, Object.class, Types.INVOCATION_CONTEXT,
                        Types.CIM_OBJECT_PATH, String.class, MethodTypesGenerator.arguments(), outList(),
                        Types.WBEM_EXCEPTION)
                .build());
        return type.build();
    }

    /** {@code invokeMethod}'s signature under a name, after a {@code provider} parameter when one is given. */
    private static MethodSpec.Builder invokeMethod(String name, ClassName provider) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class);
        if (provider != null) {
            b.addParameter(provider, "provider");
        }
        return b.addParameter(Types.INVOCATION_CONTEXT, "context")
                .addParameter(Types.CIM_OBJECT_PATH, "target")
                .addParameter(String.class, "methodName")
                .addParameter(MethodTypesGenerator.arguments(), "in")
                .addParameter(outList(), "out")
                .addException(Types.WBEM_EXCEPTION);
    }

    private static TypeName outList() {
        return ParameterizedTypeName.get(Types.LIST, ParameterizedTypeName.get(Types.CIM_ARGUMENT,
                WildcardTypeName.subtypeOf(Object.class)));
    }

    static MethodSpec typedMethod(ClassNames names, MethodNames m, String op) {
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
        b.addJavadoc("$L$L", isStatic(method) ? DocTags.of("the result", "context", "args")
                : DocTags.of("the result", "context", "target", "args"), DocTags.WBEM_EXCEPTION);
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
