package org.cimforge.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.codegen.CodegenOptions;
import org.cimforge.mof.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skip when nothing changed, regenerate and prune when something did, fail on MOF errors. */
class IncrementalGenerationTest {
    private static final String QUALIFIERS =
            "Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);\n";

    @Test
    void unchangedInputsTouchNothingAndEditsPruneStaleFiles(@TempDir Path dir) throws Exception {
        Path quals = Files.writeString(dir.resolve("quals.mof"), QUALIFIERS);
        Path mof = Files.writeString(dir.resolve("model.mof"),
                "#pragma include (\"quals.mof\")\nclass T_A { [Key] string Id; };\nclass T_B { [Key] string Id; };\n");
        GenerationRequest request = request(dir, mof);

        IncrementalGeneration.Outcome first = IncrementalGeneration.run(request, d -> { });
        assertThat(first.upToDate()).isFalse();
        Path a = dir.resolve("src/p/t/A.java");
        Path b = dir.resolve("src/p/t/B.java");
        assertThat(a).isRegularFile();
        assertThat(b).isRegularFile();
        assertThat(dir.resolve("res/META-INF/cimforge/schema.mof")).content().contains("class T_A").contains("Qualifier Key")
                .contains("// (inlined) #pragma include");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));

        IncrementalGeneration.Outcome second = IncrementalGeneration.run(request, d -> { });
        assertThat(second.upToDate()).isTrue();
        assertThat(Files.getLastModifiedTime(a).toMillis()).isEqualTo(1_000_000);

        // An included file counts as an input too.
        Files.writeString(quals, QUALIFIERS + "// touched\n");
        assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isFalse();
        assertThat(Files.getLastModifiedTime(a).toMillis()).as("same content, not rewritten").isEqualTo(1_000_000);

        Files.writeString(mof, "#pragma include (\"quals.mof\")\nclass T_A { [Key] string Id; };\nclass T_C { [Key] string Id; };\n");
        IncrementalGeneration.Outcome edited = IncrementalGeneration.run(request, d -> { });
        assertThat(edited.removedFiles()).isPositive();
        assertThat(b).doesNotExist();
        assertThat(dir.resolve("src/p/t/C.java")).isRegularFile();
    }

    @Test
    void mofErrorsAreReportedAndCounted(@TempDir Path dir) throws Exception {
        Path mof = Files.writeString(dir.resolve("bad.mof"), "class A : Missing { uint8 n = 300; };");
        List<Diagnostic> reported = new ArrayList<>();
        assertThatThrownBy(() -> IncrementalGeneration.run(request(dir, mof), reported::add))
                .isInstanceOf(IncrementalGeneration.MofErrors.class).hasMessage("2 MOF errors");
        assertThat(reported).extracting(Diagnostic::headline)
                .allMatch(h -> h.startsWith(mof.toString() + ":1:"));
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void includesAreFoundInJarsAndAJarChangeRegenerates(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("schema.jar");
        writeJar(jar, QUALIFIERS);
        Path mof = Files.writeString(dir.resolve("model.mof"),
                "#pragma include (\"schema/quals.mof\")\nclass T_A { [Key] string Id; };\n");
        try (IncludePath include = IncludePath.open(List.of(jar))) {
            GenerationRequest request = new GenerationRequest(List.of(mof), include.roots(), include.archives(), false,
                    CodegenOptions.defaults("p"), dir.resolve("src"), dir.resolve("res"), dir.resolve("state/g.state"));
            assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isFalse();
            assertThat(dir.resolve("src/p/t/A.java")).isRegularFile();
            assertThat(dir.resolve("res/META-INF/cimforge/schema.mof")).content().contains("Qualifier Key");
            assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isTrue();
        }
        writeJar(jar, QUALIFIERS + "// changed\n");
        try (IncludePath include = IncludePath.open(List.of(jar))) {
            GenerationRequest request = new GenerationRequest(List.of(mof), include.roots(), include.archives(), false,
                    CodegenOptions.defaults("p"), dir.resolve("src"), dir.resolve("res"), dir.resolve("state/g.state"));
            assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isFalse();
        }
        assertThatThrownBy(() -> IncludePath.open(List.of(mof)))
                .hasMessageContaining("cimforge.includePath").hasMessageContaining("neither a folder nor a .jar/.zip file");
    }

    private static void writeJar(Path jar, String qualifiers) throws Exception {
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("schema/quals.mof"));
            zip.write(qualifiers.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static GenerationRequest request(Path dir, Path mof) {
        return new GenerationRequest(List.of(mof), List.of(), List.of(), false, CodegenOptions.defaults("p"),
                dir.resolve("src"), dir.resolve("res"), dir.resolve("state/generate.state"));
    }
}
