package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cimforge.codegen.init.InitException;
import org.cimforge.codegen.init.InitRequest;
import org.cimforge.codegen.init.InitResult;
import org.cimforge.codegen.init.ProjectWriter;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project writer behind the {@code init} goal, on the vendor MOF and schema folder of the {@code init-provider}
 * invoker IT: the files it writes, the pom, Java that compiles against the bindings the project's build will
 * generate, and its refusals (an existing folder, MOF errors, bad names), each of which leaves nothing behind.
 */
class InitProjectTest {
    static final Path WORK = Path.of("src/it/init-provider/work");

    @TempDir
    Path parent;

    private InitRequest request(String artifactId) {
        return new InitRequest(WORK.resolve("vendor.mof"), List.of(WORK.resolve("schema")), "com.acme", artifactId,
                "com.acme.wbem", "9.9.9-TEST", parent);
    }

    @Test
    void writesThePomTheMofWhatItNeededTheProvidersMainAndATest() throws Exception {
        InitResult result = ProjectWriter.write(request("acme-provider"));
        Path project = parent.resolve("acme-provider");
        assertThat(result.projectDirectory()).isEqualTo(project);
        assertThat(files(project)).containsExactly(
                ".gitignore", "README.md", "pom.xml",
                "src/main/cim-schema/Core/CIM_Component.mof", "src/main/cim-schema/Core/CIM_EnabledLogicalElement.mof",
                "src/main/cim-schema/Core/CIM_ManagedElement.mof", "src/main/cim-schema/Device/CIM_LogicalDevice.mof",
                "src/main/cim-schema/Device/CIM_StorageVolume.mof", "src/main/cim-schema/System/CIM_ComputerSystem.mof",
                "src/main/cim-schema/System/CIM_System.mof", "src/main/cim-schema/System/CIM_SystemDevice.mof",
                "src/main/cim-schema/qualifiers.mof",
                "src/main/java/com/acme/wbem/server/ArraySystemProviderImpl.java",
                "src/main/java/com/acme/wbem/server/ArrayVolumeProviderImpl.java",
                "src/main/java/com/acme/wbem/server/FlashVolumeProviderImpl.java",
                "src/main/java/com/acme/wbem/server/Main.java",
                "src/main/java/com/acme/wbem/server/VolumeProviderImpl.java",
                "src/main/mof/vendor.mof",
                "src/test/java/com/acme/wbem/server/ServerTest.java");
        assertThat(result.files()).hasSize(19);
        assertThat(project.resolve("src/main/mof/vendor.mof")).hasSameTextualContentAs(WORK.resolve("vendor.mof"));
        assertThat(result.providers()).containsExactly("com.acme.wbem.server.ArraySystemProviderImpl",
                "com.acme.wbem.server.VolumeProviderImpl", "com.acme.wbem.server.FlashVolumeProviderImpl",
                "com.acme.wbem.server.ArrayVolumeProviderImpl");

        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).contains("<groupId>com.acme</groupId>", "<artifactId>acme-provider</artifactId>",
                "<cimforge.version>9.9.9-TEST</cimforge.version>", "<id>bindings</id>",
                "<mofFile>${project.basedir}/src/main/mof/vendor.mof</mofFile>",
                "<path>${project.basedir}/src/main/cim-schema</path>", "<packageName>com.acme.wbem</packageName>",
                "<finalName>acme-provider</finalName>", "<mainClass>com.acme.wbem.server.Main</mainClass>",
                "<maven.compiler.release>17</maven.compiler.release>")
                .doesNotContain("{{", "${junit.version}");
        assertThat(pom).containsPattern("<artifactId>junit-jupiter</artifactId>\\s*<version>5\\.");
        // Well-formed XML (Maven refuses a pom with "--" inside a comment, for one).
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(project.resolve("pom.xml").toFile());

        String volume = Files.readString(project.resolve("src/main/java/com/acme/wbem/server/VolumeProviderImpl.java"));
        assertThat(volume).contains("extends InMemoryInstanceProvider<Volume> implements VolumeProvider",
                "public Volume.ExpandResult expand(", "throw CimErrors.notSupported(\"Expand\");",
                "// e.g. return new Volume.ExpandResult.Builder().returnValue(...).build();",
                "RequestStateChange (CIM_EnabledLogicalElement)");
        // A subclass's starter overrides the method it inherits from a vendor class, with that class as target type.
        assertThat(Files.readString(project.resolve("src/main/java/com/acme/wbem/server/FlashVolumeProviderImpl.java")))
                .contains("extends InMemoryInstanceProvider<FlashVolume> implements FlashVolumeProvider",
                        "CimReference<? extends Volume> target", "throw CimErrors.notSupported(\"Expand\");");
        assertThat(Files.readString(project.resolve("src/main/java/com/acme/wbem/server/Main.java")))
                .contains("setup.typed(new VolumeProviderImpl(setup.store()));",
                        "ProviderLauncher.main(\"acme-provider\", SCHEMA, Main::register, args);");
        assertThat(Files.readString(project.resolve("src/test/java/com/acme/wbem/server/ServerTest.java")))
                .contains("assertEquals(2, count(client.enumerateInstanceNames(path(NAMESPACE, \"ACME_Volume\")))",
                        "assertEquals(1, count(client.enumerateInstanceNames(path(NAMESPACE, \"ACME_ArraySystem\")))",
                        "assertEquals(2, count(client.enumerateInstanceNames(path(NAMESPACE, \"ACME_ArrayVolume\")))",
                        "assertEquals(0, count(client.enumerateInstanceNames(path(NAMESPACE, \"ACME_FlashVolume\")))");
    }

    @Test
    void theReadmeLaunchesWithTheRuntimesRecommendedJvmOptions() throws Exception {
        ProjectWriter.write(request("acme-provider"));
        String readme = Files.readString(parent.resolve("acme-provider/README.md"));
        assertThat(ProjectWriter.JVM_OPTIONS)
                .isEqualTo(org.cimforge.runtime.launch.ProviderLauncher.RECOMMENDED_JVM_OPTIONS);
        assertThat(readme).contains("\njava -XX:+UseSerialGC -Xms16m -Xmx512m -jar target/acme-provider.jar ")
                .contains("Memory: `-XX:+UseSerialGC -Xms16m -Xmx512m` are the JVM options");
    }

    @Test
    void theProviderCodeCompilesAgainstTheBindingsTheProjectsBuildGenerates() throws Exception {
        ProjectWriter.write(request("acme-provider"));
        Path project = parent.resolve("acme-provider");
        // What the project's generate execution does: the MOF in src/main/mof against src/main/cim-schema.
        CompilationResult mof = MofCompiler.builder().includePath(List.of(project.resolve("src/main/cim-schema")))
                .build().compile(List.of(project.resolve("src/main/mof/vendor.mof")));
        assertThat(mof.hasErrors()).as(mof.renderDiagnostics()).isFalse();
        List<JavaFileObject> own = new ArrayList<>();
        try (Stream<Path> java = Files.walk(project.resolve("src/main/java"))) {
            for (Path f : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                String name = project.resolve("src/main/java").relativize(f).toString().replace('/', '.');
                own.add(JavaFileObjects.forSourceString(name.substring(0, name.length() - ".java".length()), text));
            }
        }
        Javac.compile(CimForgeGenerator.generate(mof.schema(),
                CodegenOptions.defaults("com.acme.wbem").forCompilation(mof)), own.toArray(new JavaFileObject[0]));
    }

    @Test
    void refusesAnExistingFolderAndChangesNothing() throws Exception {
        Path existing = Files.createDirectories(parent.resolve("acme-provider"));
        Files.writeString(existing.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> ProjectWriter.write(request("acme-provider")))
                .isInstanceOf(InitException.class)
                .hasMessageContaining("acme-provider already exists; init writes a new project and never overwrites");
        assertThat(files(existing)).containsExactly("keep.txt");
        assertThat(files(parent)).containsExactly("acme-provider/keep.txt");
    }

    @Test
    void aMofWithErrorsWritesNothingAndHandsOverTheDiagnostics() throws Exception {
        Path bad = Files.writeString(parent.resolve("bad.mof"), "class ACME_X : CIM_Nowhere {\n    string A;\n};\n");
        InitRequest r = new InitRequest(bad, List.of(WORK.resolve("schema")), null, "bad-provider", null, "1", parent);
        assertThatThrownBy(() -> ProjectWriter.write(r))
                .isInstanceOf(InitException.class)
                .hasMessage("The MOF has 1 error; nothing was written")
                .satisfies(e -> assertThat(((InitException) e).diagnostics().get(0).render())
                        .contains("bad.mof:1:", "CIM_Nowhere"));
        assertThat(files(parent)).containsExactly("bad.mof");
    }

    @Test
    void warningsAsErrorsRefusesAMofWithWarnings() throws Exception {
        Path warned = Files.writeString(parent.resolve("warned.mof"), Files.readString(WORK.resolve("vendor.mof"))
                + "#pragma frobnicate(\"x\")\n");
        InitRequest r = new InitRequest(warned, List.of(WORK.resolve("schema")), null, "warned", null, "1", parent,
                true);
        assertThatThrownBy(() -> ProjectWriter.write(r)).isInstanceOf(InitException.class)
                .hasMessageContaining("nothing was written");
        assertThat(files(parent)).containsExactly("warned.mof");
    }

    @Test
    void refusesNamesThatCannotBeAFolderOrPackageAndDerivesThePackage() {
        assertThatThrownBy(() -> ProjectWriter.write(request("../escape")))
                .hasMessageContaining("cimforge.artifactId: '../escape' is not usable");
        assertThatThrownBy(() -> ProjectWriter.write(new InitRequest(WORK.resolve("vendor.mof"), List.of(), null, "x",
                "com.1bad", "1", parent))).hasMessageContaining("cimforge.package");
        assertThat(new InitRequest(WORK.resolve("vendor.mof"), List.of(), null, "acme-provider", null, "1", parent)
                .basePackage()).isEqualTo("com.example.acmeprovider");
        assertThat(new InitRequest(WORK.resolve("vendor.mof"), List.of(), "org.x", "2fast", null, "1", parent)
                .serverPackage()).isEqualTo("org.x._2fast.server");
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
