package org.cimforge.mof.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.model.CimType;
import org.cimforge.mof.model.ValueMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The two DMTF CIM schema releases of the corpus compile cleanly into the expected model. */
@Tag("corpus")
class CimSchemaCorpusTest {
    private static CompilationResult cim249;

    @BeforeAll
    static void compile249() {
        cim249 = MofCompiler.builder().build().compile(List.of(Corpus.cim249().resolve("cim_schema_2.49.0.mof")));
    }

    @Test
    void cim249CompilesWithoutDiagnosticsAndWithTheDocumentedCounts() {
        assertThat(cim249.diagnostics()).as(cim249.renderDiagnostics()).isEmpty();
        CimSchema schema = cim249.schema();
        assertThat(cim249.fileCount()).isEqualTo(1634);
        assertThat(schema.classCount()).isEqualTo(1631);
        assertThat(schema.classes().stream().filter(CimClass::isAssociation).count()).isEqualTo(643);
        assertThat(schema.classes().stream().filter(CimClass::isIndication).count()).isEqualTo(24);
        assertThat(schema.classes().stream().mapToLong(c -> c.declaredMethods().size()).sum()).isEqualTo(428);
        assertThat(schema.qualifierTypes()).hasSize(70);
    }

    @Test
    void inheritanceKeysAndOriginsAreResolved() {
        CimClass volume = cim249.schema().cimClass("cim_storagevolume").orElseThrow();
        assertThat(volume.name().spelling()).isEqualTo("CIM_StorageVolume");
        assertThat(volume.lineage()).extracting(c -> c.name().spelling()).startsWith("CIM_StorageVolume",
                "CIM_StorageExtent", "CIM_LogicalDevice").endsWith("CIM_ManagedElement");
        assertThat(volume.keys()).extracting(p -> p.name().spelling())
                .containsExactlyInAnyOrder("SystemCreationClassName", "SystemName", "CreationClassName", "DeviceID");
        CimProperty instanceId = volume.property("InstanceID").orElseThrow();
        assertThat(instanceId.classOrigin().spelling()).isEqualTo("CIM_ManagedElement");
        assertThat(instanceId.propagated()).isTrue();
        // Abstract is Restricted: it must not reach the concrete subclass.
        assertThat(volume.isAbstract()).isFalse();
        assertThat(cim249.schema().cimClass("CIM_ManagedElement").orElseThrow().isAbstract()).isTrue();
    }

    @Test
    void associationReferencesAndValueMapRangesAreModelled() {
        CimClass sync = cim249.schema().cimClass("CIM_StorageSynchronized").orElseThrow();
        assertThat(sync.isAssociation()).isTrue();
        assertThat(sync.references()).extracting(p -> p.name().spelling()).contains("SystemElement", "SyncedElement");
        ValueMap syncState = sync.property("SyncState").orElseThrow().valueMap();
        assertThat(syncState.lookup(BigInteger.valueOf(6)).orElseThrow().label()).isEqualTo("Synchronized");
        assertThat(syncState.lookup(BigInteger.valueOf(40000)).orElseThrow()).isInstanceOf(ValueMap.Range.class);

        CimClass replication = cim249.schema().cimClass("CIM_ReplicationService").orElseThrow();
        CimMethod create = replication.method("CreateElementReplica").orElseThrow();
        assertThat(create.returnValues().orElseThrow().lookup(BigInteger.valueOf(4096)).orElseThrow().label())
                .isEqualTo("Method Parameters Checked - Job Started");
        assertThat(create.parameter("Job").orElseThrow().isOut()).isTrue();
        assertThat(create.parameter("Job").orElseThrow().type().type()).isEqualTo(CimType.REFERENCE);
        assertThat(create.parameter("Job").orElseThrow().type().referenceClass().spelling()).isEqualTo("CIM_ConcreteJob");
    }

    @Test
    void cim241CompilesWithTheDocumentedClassCount() {
        CompilationResult result = MofCompiler.builder().build()
                .compile(List.of(Corpus.cim241().resolve("CIM_Schema.mof")));
        assertThat(result.errors()).as(result.renderDiagnostics()).isEmpty();
        assertThat(result.schema().classCount()).isEqualTo(1438);
        assertThat(result.schema().qualifierTypes()).hasSize(70);
    }

    /** OpenPegasus's wrappers include overlapping subsets of the schema; each file is read once. */
    @Test
    void overlappingIncludesAreReadOnce() {
        List<Path> wrappers = Stream.of("Core_Qualifiers.mof", "CIM_Core.mof", "CIM_Event.mof", "CIM_Interop.mof",
                "CIM_Physical.mof", "CIM_System.mof", "CIM_Schema.mof").map(Corpus.cim241()::resolve).toList();
        CompilationResult result = MofCompiler.builder().build().compile(wrappers);
        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
        assertThat(result.schema().classCount()).isEqualTo(1438);
    }
}
