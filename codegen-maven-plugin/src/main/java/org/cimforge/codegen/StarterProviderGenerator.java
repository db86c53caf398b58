package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimSchema;

/**
 * Generates the starting point of a user's own provider for each concrete class: a class that serves the instances
 * from the runtime's in-memory store ({@code InMemoryInstanceProvider}) and implements the generated provider
 * interface, with one overridable method per extrinsic method that the user's own classes declare. Unlike the
 * bindings, this code belongs to the user from then on: it is written once, by {@code init}, and not regenerated.
 */
public final class StarterProviderGenerator {
    private static final ClassName IN_MEMORY = ClassName.get("org.cimforge.runtime.store", "InMemoryInstanceProvider");
    private static final ClassName STORE = ClassName.get("org.cimforge.runtime.store", "CimInstanceStore");

    /**
     * The starter providers and the type names a registration refers to.
     *
     * @param files     one Java file per provider
     * @param providers the provider classes, in the order of {@code classes}
     */
    public record Starters(List<JavaFile> files, List<ClassName> providers) {
    }

    private StarterProviderGenerator() {
    }

    /**
     * One starter provider in {@code targetPackage} for each concrete, non-indication class of {@code classes}, named
     * after the generated model class ({@code Widget} → {@code WidgetProviderImpl}). {@code bindings} must be the
     * options the project's {@code generate} runs with, so the names match the generated bindings. Methods are
     * overridden for the classes of {@code own} (the user's classes); methods inherited from other classes keep the
     * generated default (CIM_ERR_NOT_SUPPORTED) and are listed in the class comment.
     */
    public static Starters generate(CimSchema schema, CodegenOptions bindings, List<CimClass> classes,
                                    Set<String> own, String targetPackage) {
        List<CimClass> selected = ClassSelector.select(schema, bindings.includes());
        JavaNames names = new JavaNames(schema, selected, bindings);
        Set<String> ownLower = new HashSet<>();
        own.forEach(n -> ownLower.add(n.toLowerCase(Locale.ROOT)));
        NameAllocator allocated = NameAllocator.forTypes();
        List<JavaFile> files = new ArrayList<>();
        List<ClassName> providers = new ArrayList<>();
        for (CimClass c : classes) {
            if (c.isAbstract() || c.isIndication()) {
                continue;
            }
            ClassNames n = names.of(c);
            ClassName type = ClassName.get(targetPackage, allocated.allocate(n.model.simpleName() + "ProviderImpl"));
            providers.add(type);
            files.add(JavaFile.builder(targetPackage, starter(n, type, ownLower))
                    .skipJavaLangImports(true).indent("    ").build());
        }
        return new Starters(List.copyOf(files), List.copyOf(providers));
    }

    private static TypeSpec starter(ClassNames n, ClassName type, Set<String> own) {
        TypeSpec.Builder b = TypeSpec.classBuilder(type).addModifiers(Modifier.PUBLIC)
                .superclass(ParameterizedTypeName.get(IN_MEMORY, n.model))
                .addSuperinterface(n.provider)
                .addJavadoc("Serves {@code $L}: its instances live in the in-memory store (the MOF's {@code instance of}\n"
                        + "declarations and whatever clients create), with every instance operation working as it is.\n"
                        + "Override an operation to reach your device instead, calling {@code super} where the store\n"
                        + "should still keep the instance.\n", n.cimClass.name().spelling())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A provider keeping its instances in {@code store}.\n")
                        .addParameter(STORE, "store")
                        .addStatement("super(store, $T.CLASS_INFO, $T::fromCimInstance)", n.model, n.model)
                        .build());
        List<String> inherited = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (ClassNames cur = n; cur != null; cur = cur.parent) {
            boolean mine = own.contains(cur.cimClass.name().spelling().toLowerCase(Locale.ROOT));
            for (MethodNames m : cur.methods.values()) {
                String cimName = m.method().name().spelling();
                if (!m.declaresHere() || !done.add(cimName.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (mine) {
                    b.addMethod(override(ProviderGenerator.typedMethod(cur, m, cur.operationNames.get(m.method().name())),
                            cimName));
                } else {
                    inherited.add(cimName + " (" + cur.cimClass.name().spelling() + ")");
                }
            }
        }
        if (!inherited.isEmpty()) {
            b.addJavadoc("\n<p>Inherited methods answer CIM_ERR_NOT_SUPPORTED through the defaults of the generated\n"
                    + "{@code ...Methods} interfaces until you override them here: $L.\n", String.join(", ", inherited));
        }
        return b.build();
    }

    /** The generated interface's default method as a public override whose body says it is not implemented yet. */
    private static MethodSpec override(MethodSpec typed, String cimName) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(typed.name()).addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .addAnnotations(typed.annotations())
                .returns(typed.returnType())
                .addParameters(typed.parameters())
                .addExceptions(typed.exceptions());
        b.addComment("Not implemented yet: answers CIM_ERR_NOT_SUPPORTED. Replace this body with what $L does.",
                cimName);
        if (typed.returnType() instanceof ClassName result) {
            // The result's builder is the one API a user needs here and cannot guess from the signature.
            b.addComment("e.g. return new $T.Builder().returnValue(...).build();", result);
        }
        return b.addStatement("throw $T.notSupported($S)", Types.CIM_ERRORS, cimName)
                .build();
    }
}
