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
        assertThat(dir.resolve("res/META-INF/cimforge/default/schema.mof")).content().contains("class T_A").contains("Qualifier Key")
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
    void outputOfAnotherGeneratorBuildIsRegenerated(@TempDir Path dir) throws Exception {
        Path quals = Files.writeString(dir.resolve("quals.mof"), QUALIFIERS);
        Path mof = Files.writeString(dir.resolve("model.mof"),
                "#pragma include (\"" + quals.getFileName() + "\")\nclass T_A { [Key] string Id; };\n");
        GenerationRequest request = request(dir, mof);
        assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isFalse();
        assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isTrue();
        Path state = request.stateFile();
        assertThat(Files.readString(state)).contains("generator " + GeneratorStamp.current());
        // The same inputs and settings, but the state says another build of the plugin wrote the output: a SNAPSHOT
        // upgrade keeps its version, so only the stamp tells, and the output is generated anew.
        Files.writeString(state, Files.readString(state).replace("generator " + GeneratorStamp.current(),
                "generator an-older-build"));
        assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isFalse();
        assertThat(IncrementalGeneration.run(request, d -> { }).upToDate()).isTrue();
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
            assertThat(dir.resolve("res/META-INF/cimforge/default/schema.mof")).content().contains("Qualifier Key");
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

    @Test
    void withTheSchemaOnlyOnTheSearchPathOnlyTheUsersClassesAndTheirClosureAreGenerated(@TempDir Path dir)
            throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema/Core"));
        Files.writeString(dir.resolve("schema/qualifiers.mof"),
                QUALIFIERS + "Qualifier Out : boolean = false, Scope(parameter);\n");
        Files.writeString(schema.resolve("T_Base.mof"), "class T_Base { [Key] string Id; };\n");
        // A file found by name may declare more than the class it is named after: T_Other is read, not needed.
        Files.writeString(schema.resolve("T_Job.mof"), "class T_Job : T_Base { };\nclass T_Other : T_Base { };\n");
        Files.writeString(schema.resolve("T_Volume.mof"), "class T_Volume : T_Base { uint32 Resize([Out] T_Job REF Job); };\n");
        Files.writeString(schema.resolve("T_Unused.mof"), "class T_Unused : T_Base { };\n");
        Path mof = Files.writeString(dir.resolve("vendor.mof"), "class V_Volume : T_Volume { string Tier; };\n");
        GenerationRequest request = new GenerationRequest(List.of(mof), List.of(dir.resolve("schema")), List.of(), false,
                CodegenOptions.defaults("p"), dir.resolve("src"), dir.resolve("res"), dir.resolve("state/g.state"));

        List<Diagnostic> reported = new ArrayList<>();
        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request, reported::add);

        assertThat(reported).isEmpty();
        assertThat(outcome.compilation().foundOnSearchPath()).hasSize(4);
        assertThat(outcome.compilation().schema().cimClass("T_Other")).as("read, so only the selection leaves it out")
                .isPresent();
        List<String> model;
        try (var files = Files.list(dir.resolve("src/p/t"))) {
            model = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList();
        }
        assertThat(model).containsExactly("Base.java", "Job.java", "Volume.java");
        // V_Volume's bare name is its ancestor T_Volume's, so it keeps its schema prefix (codegen README, naming).
        assertThat(dir.resolve("src/p/v/VVolume.java")).isRegularFile();
        // The bundle holds what was read, search path files first, so the runtime can compile it alone.
        assertThat(dir.resolve("res/META-INF/cimforge/default/schema.mof")).content()
                .containsSubsequence("Qualifier Key", "class T_Volume", "class V_Volume").doesNotContain("T_Unused");
        assertThat(dir.resolve("src/p/t/provider/OtherProvider.java")).doesNotExist();
        // An explicit classes setting still wins over the default.
        CodegenOptions only = CodegenOptions.defaults("p").withIncludes(List.of("T_Job"));
        assertThat(only.forCompilation(outcome.compilation())).isSameAs(only);
    }

    @Test
    void twoExecutionsKeepTheirOwnStateAndBundleAndNeverDeleteEachOthersFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("quals.mof"), QUALIFIERS);
        Path disks = Files.writeString(dir.resolve("disks.mof"), "#pragma include (\"quals.mof\")\nclass D_Disk { [Key] string Id; };\n");
        Path pools = Files.writeString(dir.resolve("pools.mof"), "#pragma include (\"quals.mof\")\nclass P_Pool { [Key] string Id; };\n");
        // Same resource folder and state folder, as the plugin's defaults give two executions.
        GenerationRequest first = new GenerationRequest(List.of(disks), List.of(), List.of(), false,
                CodegenOptions.defaults("a"), dir.resolve("src-a"), dir.resolve("res"),
                dir.resolve("state/generate-disks.state"), "disks");
        GenerationRequest second = new GenerationRequest(List.of(pools), List.of(), List.of(), false,
                CodegenOptions.defaults("b"), dir.resolve("src-b"), dir.resolve("res"),
                dir.resolve("state/generate-pools.state"), "pools");

        IncrementalGeneration.run(first, d -> { });
        IncrementalGeneration.run(second, d -> { });
        assertThat(IncrementalGeneration.run(first, d -> { }).upToDate()).isTrue();
        assertThat(dir.resolve("res/META-INF/cimforge/disks/schema.mof")).content().contains("class D_Disk");
        assertThat(dir.resolve("res/META-INF/cimforge/pools/schema.mof")).content().contains("class P_Pool");

        // A change to one execution's MOF regenerates that execution only.
        Files.writeString(pools, "#pragma include (\"quals.mof\")\nclass P_Tier { [Key] string Id; };\n");
        assertThat(IncrementalGeneration.run(first, d -> { }).upToDate()).isTrue();
        IncrementalGeneration.Outcome changed = IncrementalGeneration.run(second, d -> { });
        assertThat(changed.upToDate()).isFalse();
        assertThat(dir.resolve("src-b/b/p/Pool.java")).doesNotExist();
        assertThat(dir.resolve("src-b/b/p/Tier.java")).isRegularFile();
        assertThat(dir.resolve("src-a/a/d/Disk.java")).isRegularFile();
        assertThat(dir.resolve("res/META-INF/cimforge/disks/schema.mof")).content().contains("class D_Disk");
        assertThat(dir.resolve("res/META-INF/cimforge/pools/schema.mof")).content().contains("class P_Tier");
    }

    @Test
    void anExecutionIdThatIsNoFolderNameIsRefused() {
        assertThatThrownBy(() -> MofBundle.checkName("../up")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../up'").hasMessageContaining("META-INF/cimforge/<id>/");
        assertThatThrownBy(() -> MofBundle.checkName("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MofBundle.resource("default-cli")).isEqualTo("META-INF/cimforge/default-cli/schema.mof");
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
