package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;

/**
 * Generates the client stub of a class over the JSR48 {@code WBEMClient}: typed reads come from the
 * runtime base; this adds one typed call per extrinsic method and, for methods that hand back a job
 * reference, a variant that waits for the job.
 */
final class ClientGenerator {
    private static final CimName CONCRETE_JOB = CimName.of("CIM_ConcreteJob");
    private static final CimName JOB = CimName.of("CIM_Job");

    private final CimSchema schema;
    private final TypeMapper types;

    ClientGenerator(CimSchema schema, TypeMapper types) {
        this.schema = schema;
        this.types = types;
    }

    TypeSpec generate(ClassNames names) {
        CimClass c = names.cimClass;
        TypeSpec.Builder type = TypeSpec.classBuilder(names.client)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(ClassGenerator.generated(c))
                .addAnnotation(ClassGenerator.suppressDeprecation())
                .addJavadoc("Client stub for {@code $L}: typed get, enumerate, traversal and method calls.\n",
                        c.name().spelling())
                .superclass(ParameterizedTypeName.get(Types.TYPED_CLIENT, names.model))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A stub addressing the given namespace.\n$L", DocTags.of(null, "client", "namespace"))
                        .addParameter(Types.WBEM_CLIENT, "client")
                        .addParameter(String.class, "namespace")
                        .addStatement("super(client, namespace, $T.CLASS_INFO, $T::fromCimInstance)", names.model,
                                names.model)
                        .build());
        if (c.isAssociation()) {
            type.addMethods(traversals(names));
        }
        for (MethodNames m : names.methods.values()) {
            String op = names.operationNames.get(m.method().name());
            type.addMethod(call(names, m, op));
            CimParameter job = jobParameter(m.method());
            if (job != null) {
                type.addMethod(callAndWait(names, m, op, job));
            }
        }
        return type.build();
    }

    /**
     * For a binary association, one typed traversal per end: the objects in role {@code to} that are
     * associated with an object in the other role.
     */
    private List<MethodSpec> traversals(ClassNames names) {
        List<CimProperty> refs = names.cimClass.references();
        List<MethodSpec> out = new ArrayList<>();
        if (refs.size() != 2) {
            return out;
        }
        for (int i = 0; i < 2; i++) {
            CimProperty from = refs.get(1 - i);
            CimProperty to = refs.get(i);
            ClassName target = types.target(to.type().referenceClass());
            if (target.equals(Types.INSTANCE_BASE)) {
                continue;
            }
            out.add(MethodSpec.methodBuilder(names.traversalNames.get(to.name())).addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The {@code $L} objects associated through {@code $L} with the given {@code $L}.\n",
                            to.name().spelling(), names.cimClass.name().spelling(), from.name().spelling())
                    .addJavadoc("$L$L", DocTags.of("the associated objects", NameAllocator.legal(JavaCase.lowerCamel(
                            from.name().spelling())) + " the object at the other end"), DocTags.WBEM_EXCEPTION)
                    .returns(ParameterizedTypeName.get(Types.LIST, target))
                    .addParameter(ProviderGenerator.reference(types.target(from.type().referenceClass())),
                            NameAllocator.legal(JavaCase.lowerCamel(from.name().spelling())))
                    .addException(Types.WBEM_EXCEPTION)
                    .addStatement("return associators($N, $S, $S, $S, $S, $T::fromCimInstance)",
                            NameAllocator.legal(JavaCase.lowerCamel(from.name().spelling())), names.cimClass.name().spelling(),
                            to.type().referenceClass().spelling(), from.name().spelling(), to.name().spelling(), target)
                    .build());
        }
        return out;
    }

    private static MethodSpec call(ClassNames names, MethodNames m, String op) {
        CimMethod method = m.method();
        boolean isStatic = ProviderGenerator.isStatic(method);
        MethodSpec.Builder b = MethodSpec.methodBuilder(op).addModifiers(Modifier.PUBLIC)
                .addJavadoc("Invokes {@code $L}$L.\n", method.name().spelling(), isStatic ? " on the class" : "")
                .returns(m.resultType());
        if (isStatic) {
            b.addAnnotation(Types.CIM_STATIC);
        } else {
            b.addParameter(ProviderGenerator.reference(names.model), "target");
        }
        Accessors.deprecateWithTag(b, method);
        b.addJavadoc("$L$L", isStatic ? DocTags.of("the result", "args") : DocTags.of("the result", "target", "args"),
                DocTags.WBEM_EXCEPTION);
        return b.addParameter(m.argsType(), "args")
                .addException(Types.WBEM_EXCEPTION)
                .addStatement("return invoke($L, $S, args.toCimArguments(), $T::fromCim)",
                        isStatic ? "classPath()" : "target.path()", method.name().spelling(), m.resultType())
                .build();
    }

    private static MethodSpec callAndWait(ClassNames names, MethodNames m, String op, CimParameter job) {
        CimMethod method = m.method();
        boolean isStatic = ProviderGenerator.isStatic(method);
        String getter = m.params().get(job.name()).getter();
        MethodSpec.Builder b = MethodSpec.methodBuilder(op + "AndWait").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Invokes {@code $L} and, when it starts a job ({@code $L} set), waits for the job to end\n"
                        + "by indication when the stub has a job waiter ({@code useJobIndications}), by polling\n"
                        + "it otherwise, up to the timeout.\n", method.name().spelling(), job.name().spelling())
                .returns(ParameterizedTypeName.get(Types.METHOD_OUTCOME, m.resultType()));
        if (isStatic) {
            b.addAnnotation(Types.CIM_STATIC);
        } else {
            b.addParameter(ProviderGenerator.reference(names.model), "target");
        }
        Accessors.deprecateWithTag(b, method);
        b.addJavadoc("$L$L", isStatic ? DocTags.of("the result, the job as read last and its affected elements", "args",
                "timeout") : DocTags.of("the result, the job as read last and its affected elements", "target", "args",
                "timeout"), DocTags.WBEM_EXCEPTION);
        b.addParameter(m.argsType(), "args").addParameter(Types.DURATION, "timeout")
                .addException(Types.WBEM_EXCEPTION)
                .addStatement("$T result = $N($Largs)", m.resultType(), op, isStatic ? "" : "target, ")
                .addStatement("$T<?> job = result.$N()", Types.CIM_REFERENCE, getter)
                .addStatement("return new $T<>(result, job == null ? null : awaitJob(job, timeout))",
                        Types.METHOD_OUTCOME);
        return b.build();
    }

    /** The scalar OUT parameter that references a job, if the method has one. */
    private CimParameter jobParameter(CimMethod method) {
        for (CimParameter p : method.parameters()) {
            if (p.isOut() && p.type().isReference() && !p.type().array() && isJob(p.type().referenceClass())) {
                return p;
            }
        }
        return null;
    }

    private boolean isJob(CimName cimClass) {
        return schema.cimClass(cimClass.spelling())
                .map(c -> c.isSubclassOf(CONCRETE_JOB) || c.name().equals(JOB)).orElse(false);
    }
}
