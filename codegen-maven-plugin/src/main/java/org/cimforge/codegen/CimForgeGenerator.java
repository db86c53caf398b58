package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimSchema;

/**
 * The generator: a pure function from a resolved schema and options to Java source files, with no
 * I/O and no Maven types, usable from a plain {@code main}. Output is sorted and has no timestamps,
 * so the same input always gives byte-identical files.
 */
public final class CimForgeGenerator {

    private CimForgeGenerator() {
    }

    /** Generates the files for the selected classes, sorted by qualified type name. */
    public static List<JavaFile> generate(CimSchema schema, CodegenOptions options) {
        List<CimClass> selected = ClassSelector.select(schema, options.includes());
        JavaNames names = new JavaNames(schema, selected, options);
        TypeMapper types = new TypeMapper(names);
        ClassGenerator classes = new ClassGenerator(types);
        ProviderGenerator providers = new ProviderGenerator();
        ClientGenerator clients = new ClientGenerator(schema, types);
        // JavaNames has named everything; the generators only read it, so the classes are generated in parallel.
        List<JavaFile> files = new ArrayList<>(selected.parallelStream()
                .flatMap(c -> filesOf(c, names.of(c), options, classes, providers, clients).stream())
                .toList());
        files.sort(Comparator.comparing(f -> f.packageName() + "." + f.typeSpec().name()));
        return List.copyOf(files);
    }

    private static List<JavaFile> filesOf(CimClass c, ClassNames n, CodegenOptions options, ClassGenerator classes,
                                          ProviderGenerator providers, ClientGenerator clients) {
        List<JavaFile> files = new ArrayList<>(3);
        if (options.artifacts().contains(Artifact.MODEL)) {
            files.add(file(n.model, classes.generate(n), c));
        }
        // Indications are not served or read as instances, so they get no provider or client (only the model).
        if (options.artifacts().contains(Artifact.PROVIDERS) && !c.isIndication()) {
            if (!n.methods.isEmpty()) {
                files.add(file(n.methodProvider, providers.methods(n), c));
            }
            files.add(file(n.provider, providers.generate(n), c));
        }
        if (options.artifacts().contains(Artifact.CLIENTS) && !c.isIndication()) {
            files.add(file(n.client, clients.generate(n), c));
        }
        return files;
    }

    private static JavaFile file(ClassName name, TypeSpec type, CimClass source) {
        return JavaFile.builder(name.packageName(), type)
                .addFileComment("$L", Docs.header(source))
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
