package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cimforge.mof.cli.Mofc;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The include path as a class search path: a vendor MOF that subclasses schema classes without
 * including anything compiles when only the schema folder is on the include path, and what is still
 * missing is reported where it is used, naming where it was searched. Uses the small schema in
 * {@code src/test/resources/searchpath}.
 */
class ClassSearchPathTest {

    private static Path resource(String name) {
        try {
            return Path.of(ClassSearchPathTest.class.getResource("/searchpath/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompilationResult compile(Path file, Path... includePath) {
        return MofCompiler.builder().includePath(List.of(includePath)).build().compile(List.of(file));
    }

    private static List<String> fileNames(List<String> paths) {
        return paths.stream().map(p -> p.replace('\\', '/'))
                .map(p -> p.substring(p.lastIndexOf("schema/") + "schema/".length())).toList();
    }

    @Test
    void vendorClassesResolveTheirSuperclassesAndQualifiersFromTheSchemaFolder() {
        CompilationResult result = compile(resource("vendor/acme.mof"), resource("schema"));

        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
        CimSchema schema = result.schema();
        CimClass volume = schema.cimClass("ACME_StorageVolume").orElseThrow();
        // Inherited through three files found by name: CIM_StorageVolume -> CIM_LogicalDevice -> CIM_ManagedElement.
        assertThat(volume.property("ElementName")).isPresent();
        assertThat(volume.keys()).extracting(p -> p.name().spelling()).containsExactly("DeviceID");
        assertThat(schema.cimClass("ACME_ArraySystem").orElseThrow().superClass().orElseThrow().name().spelling())
                .isEqualTo("CIM_ComputerSystem");
        // The volume file is the shallow Device/ one, not the decoy under Old/Deeper/.
        assertThat(volume.property("BlockSize")).isPresent();
        assertThat(volume.property("DecoyProperty")).isEmpty();
    }

    @Test
    void foundClassesPullInTheirOwnReferencesAndEmbeddedInstancesButNothingElse() {
        CompilationResult result = compile(resource("vendor/acme.mof"), resource("schema"));

        // The REF parameter and EmbeddedInstance parameter of CIM_StorageVolume.Resize were found too;
        // the optional file was read because the vendor uses Delete, which qualifiers.mof lacks.
        assertThat(fileNames(result.foundOnSearchPath())).containsExactlyInAnyOrder(
                "qualifiers.mof", "qualifiers_optional.mof", "Device/CIM_StorageVolume.mof",
                "Core/CIM_LogicalDevice.mof", "Core/CIM_ManagedElement.mof", "System/CIM_ComputerSystem.mof",
                "Job/CIM_ConcreteJob.mof", "Core/CIM_Setting.mof");
        assertThat(result.schema().cimClass("CIM_Unrelated")).isEmpty();
        assertThat(result.schema().qualifierType("Delete")).isPresent();
        assertThat(result.ownClasses()).extracting(c -> c.name().spelling())
                .containsExactlyInAnyOrder("ACME_StorageVolume", "ACME_ArraySystem", "ACME_HostedVolume");
        assertThat(result.foundOnSearchPath(result.schema().cimClass("CIM_Setting").orElseThrow())).isTrue();
        assertThat(result.foundOnSearchPath(result.schema().cimClass("ACME_StorageVolume").orElseThrow())).isFalse();
    }

    @Test
    void filesFoundOnTheSearchPathComeFirstSoTheirConcatenationCompilesAlone() {
        CompilationResult result = compile(resource("vendor/acme.mof"), resource("schema"));

        // Qualifier files first (a declaration applies from where it is written), the user's file last.
        assertThat(fileNames(result.files().subList(0, 2))).containsExactly("qualifiers.mof", "qualifiers_optional.mof");
        assertThat(result.files().get(result.files().size() - 1)).endsWith("acme.mof");
        // This is what the plugin bundles for the runtime: it must compile without any include path.
        CompilationResult alone = MofCompiler.builder().build().compileTexts(result.sources());
        assertThat(alone.diagnostics()).as(alone.renderDiagnostics()).isEmpty();
        assertThat(alone.schema().classCount()).isEqualTo(result.schema().classCount());
    }

    @Test
    void whatIsStillMissingIsALocatedErrorNamingWhereItWasSearched() {
        Path vendor = resource("vendor/missing.mof");
        CompilationResult result = compile(vendor, resource("schema"));

        assertThat(result.errors()).extracting(Diagnostic::code).containsExactlyInAnyOrder(
                DiagnosticCode.UNKNOWN_SUPERCLASS, DiagnosticCode.UNKNOWN_QUALIFIER, DiagnosticCode.UNKNOWN_SUPERCLASS);
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.headline()).startsWith(vendor + ":2:21: error: superclass CIM_NoSuchClass of ACME_Widget")
                .contains("no file CIM_NoSuchClass.mof under the include path (" + resource("schema") + ")")
                .endsWith("[unknown-superclass]"));
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.headline())
                .startsWith(vendor + ":3:6: error: qualifier Keyy is not declared")
                .contains("neither qualifiers.mof nor qualifiers_optional.mof under the include path ("
                        + resource("schema") + ") declares it"));
        // A file named after the class that declares something else is named in the error.
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.headline())
                .startsWith(vendor + ":6:21: error: superclass CIM_Mislabelled of ACME_Gadget")
                .contains("CIM_Mislabelled.mof on the include path does not declare it"));
        assertThat(result.renderDiagnostics()).doesNotContain("Exception");
    }

    @Test
    void withoutAnIncludePathNothingIsSearchedAndTheMessagesStayAsTheyWere() {
        CompilationResult result = compile(resource("vendor/acme.mof"));

        assertThat(result.foundOnSearchPath()).isEmpty();
        assertThat(result.errors()).extracting(Diagnostic::code).contains(DiagnosticCode.UNKNOWN_SUPERCLASS,
                DiagnosticCode.UNKNOWN_QUALIFIER);
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.message())
                .isEqualTo("qualifier Description is not declared (declare it with 'Qualifier Description : ...;'"
                        + " or include qualifiers.mof)"));
        assertThat(result.errors()).allSatisfy(d -> assertThat(d.message()).doesNotContain("include path"));
    }

    @Test
    void aCompleteFileReadsNothingByNameAndTheIndexIsBuiltOnFirstLookup(@TempDir Path dir) throws IOException {
        Path whole = dir.resolve("whole.mof");
        Files.writeString(whole, "#pragma include (\"qualifiers.mof\")\n"
                + "[Description (\"Complete on its own.\")] class ACME_Alone { string Name; };\n");
        org.cimforge.mof.resolve.ClassSearchPath probe = new org.cimforge.mof.resolve.ClassSearchPath(
                List.of(resource("schema")));
        assertThat(probe.indexedFiles()).isZero();
        CompilationResult result = compile(whole, resource("schema"));

        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
        assertThat(result.foundOnSearchPath()).isEmpty();
        // The index is built lazily by one walk: every .mof file by lower-cased base name (the two
        // CIM_StorageVolume.mof files share a key, so 11 files give 10 names); lookups ignore case.
        assertThat(probe.find("cim_storagevolume")).isEqualTo(resource("schema/Device/CIM_StorageVolume.mof"));
        assertThat(probe.find("CIM_COMPUTERSYSTEM")).isEqualTo(resource("schema/System/CIM_ComputerSystem.mof"));
        assertThat(probe.indexedFiles()).isEqualTo(10);
    }

    @Test
    void aSchemaInsideAZipFileIsSearchedLikeAFolder(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("schema.zip");
        Path schema = resource("schema");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(schema)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry("cim/" + schema.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        // The plugin opens jar/zip entries of its include path as file systems and passes their roots.
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            CompilationResult result = compile(resource("vendor/acme.mof"), fs.getPath("/"));
            assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
            assertThat(result.foundOnSearchPath()).hasSize(8).allMatch(p -> p.startsWith("jar:file:"));
        }
    }

    @Test
    void mofcWithAnIncludeFolderCompilesTheVendorMofAndSaysWhatItFound() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Mofc.run(new String[] {"-I", resource("schema").toString(), "--classes",
                        resource("vendor/acme.mof").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("9 files (8 found on the include path by name)")
                .contains("0 errors").contains("CIM_Setting : CIM_ManagedElement (2 properties, 0 methods) [include path]")
                .containsPattern("ACME_StorageVolume : CIM_StorageVolume \\(\\d+ properties, 1 methods\\)\n");

        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        int failed = Mofc.run(new String[] {"-I" + resource("schema"), resource("vendor/missing.mof").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err2, true, StandardCharsets.UTF_8));
        assertThat(failed).isEqualTo(1);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("missing.mof:2:21: error: superclass CIM_NoSuchClass")
                .doesNotContain("Exception");
    }
}
