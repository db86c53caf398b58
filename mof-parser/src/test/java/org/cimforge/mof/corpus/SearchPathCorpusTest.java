package org.cimforge.mof.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.resolve.ClassSearchPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A vendor MOF that subclasses CIM classes without any include compiles with only the CIM 2.49
 * schema folder on the include path, reading just the files it needs; and the cost of indexing that
 * folder is measured (printed, and bounded loosely so that an accidental walk per lookup shows).
 */
@Tag("corpus")
class SearchPathCorpusTest {

    private static Path vendor(String name) throws URISyntaxException {
        return Path.of(SearchPathCorpusTest.class.getResource("/searchpath/vendor/" + name).toURI());
    }

    @Test
    void vendorMofCompilesAgainstTheSchemaFolderAlone() throws Exception {
        long start = System.nanoTime();
        CompilationResult result = MofCompiler.builder().includePath(List.of(Corpus.cim249())).build()
                .compile(List.of(vendor("acme-cim.mof")));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
        CimClass volume = result.schema().cimClass("ACME_StorageVolume").orElseThrow();
        assertThat(volume.isSubclassOf(org.cimforge.mof.model.CimName.of("CIM_ManagedElement"))).isTrue();
        assertThat(volume.keys()).extracting(p -> p.name().spelling())
                .containsExactlyInAnyOrder("SystemCreationClassName", "SystemName", "CreationClassName", "DeviceID");
        assertThat(result.schema().cimClass("ACME_ArrayVolume").orElseThrow().isAssociation()).isTrue();
        assertThat(result.ownClasses()).hasSize(3);
        // Only the closure is read: far fewer than the 1,634 files of the schema.
        assertThat(result.foundOnSearchPath()).contains(Corpus.cim249().resolve("qualifiers.mof").toString())
                .hasSizeLessThan(100);
        assertThat(result.schema().cimClass("CIM_StorageVolume")).isPresent();
        assertThat(result.schema().cimClass("CIM_ComputerSystem")).isPresent();
        assertThat(result.schema().cimClass("CIM_FCPort")).as("a class nothing refers to").isEmpty();
        System.out.println("search path: vendor MOF against CIM 2.49: " + result.fileCount() + " files ("
                + result.foundOnSearchPath().size() + " found by name), " + result.schema().classCount()
                + " classes, " + millis + " ms");
    }

    @Test
    void aMissingClassIsStillALocatedErrorAgainstTheRealSchema() {
        CompilationResult result = MofCompiler.builder().includePath(List.of(Corpus.cim249())).build()
                .compileText("vendor.mof", "[Description (\"x\")]\nclass ACME_X : CIM_StorageVolumeTypo { };");

        assertThat(result.errors()).extracting(d -> d.code()).containsExactly(DiagnosticCode.UNKNOWN_SUPERCLASS);
        assertThat(result.errors().get(0).headline()).startsWith("vendor.mof:2:16: error: superclass CIM_StorageVolumeTypo")
                .contains("no file CIM_StorageVolumeTypo.mof under the include path (" + Corpus.cim249() + ")");
    }

    @Test
    void indexingTheSchemaFolderIsOneWalk() {
        // Best of three fresh indexes (each a full walk of the 2.49 folder), then lookups on the built map.
        long best = Long.MAX_VALUE;
        int files = 0;
        for (int i = 0; i < 3; i++) {
            ClassSearchPath path = new ClassSearchPath(List.of(Corpus.cim249()));
            long start = System.nanoTime();
            assertThat(path.find("CIM_StorageVolume")).isNotNull();
            best = Math.min(best, System.nanoTime() - start);
            files = path.indexedFiles();
        }
        ClassSearchPath path = new ClassSearchPath(List.of(Corpus.cim249()));
        path.find("CIM_ManagedElement");
        long lookups = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            path.find(i % 2 == 0 ? "CIM_ComputerSystem" : "CIM_NoSuchClass");
        }
        long lookupNanos = (System.nanoTime() - lookups) / 10_000;
        System.out.printf("search path: indexing CIM 2.49 (%d MOF names) best of 3: %.1f ms; one lookup after: %d ns%n",
                files, best / 1e6, lookupNanos);
        assertThat(files).isGreaterThan(1600);
        // A lookup that walked the folder again would take milliseconds, not microseconds.
        assertThat(lookupNanos).isLessThan(100_000);
    }
}
