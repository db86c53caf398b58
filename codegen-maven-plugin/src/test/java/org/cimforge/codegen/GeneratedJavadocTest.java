package org.cimforge.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public and protected element of generated code has its Javadoc, tags included: javac's
 * {@code -Xdoclint:missing/protected} finds nothing (docs/benchmarks.md has the whole-schema count).
 */
class GeneratedJavadocTest {

    @Test
    void doclintFindsNothingMissingInGeneratedCode() {
        List<JavaFile> files = new ArrayList<>(CimForgeGenerator.generate(TestSchemas.storage(),
                CodegenOptions.defaults(Generated.BASE)));
        // Beside the storage schema (methods with jobs, associations, static methods, narrowed REFs): Indexed
        // arrays, a redeclared ValueMap with its generic overloads, ranges, deprecation, Required, keys.
        files.addAll(CimForgeGenerator.generate(TestSchemas.compileText("""
                Qualifier ArrayType : string = "Bag", Scope(property, parameter), Flavor(DisableOverride);
                Qualifier ModelCorrespondence : string[], Scope(property, method, parameter);

                class DOC_Element {
                      [Key, Required]
                   string Id;
                      [ArrayType ("Indexed"), ValueMap { "2", "3", "0x8000.." }, Values { "OK", "Degraded", "Vendor" },
                       ModelCorrespondence { "DOC_Element.StatusDescriptions" }]
                   uint16 OperationalStatus[];
                      [ArrayType ("Indexed"), ModelCorrespondence { "DOC_Element.OperationalStatus" }]
                   string StatusDescriptions[];
                      [ValueMap { "0", "1" }, Values { "Unknown", "Other" }]
                   uint16 Format;
                      [Deprecated { "DOC_Element.Id" }]
                   string Legacy;
                      [ValueMap { "0", "4096", "4098..32767" }, Values { "OK", "Job Started", "Reserved" }]
                   uint32 Run([In, Required] string Token, [In (false), Out, ValueMap { "1" }, Values { "Done" }]
                         uint16 State);
                };

                class DOC_Sub : DOC_Element {
                      [Override ("Format"), ValueMap { "0", "1", "2" }, Values { "Unknown", "Other", "Plain" }]
                   uint16 Format;
                };
                """), CodegenOptions.defaults(Generated.BASE + ".doc")));
        Compilation compilation = Javac.compilation(List.of("-Xdoclint:missing/protected"), files);
        assertThat(compilation).succeededWithoutWarnings();
    }
}
