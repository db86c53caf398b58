package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.EngineConfig;
import org.cimforge.array.ReplicaRequest;
import org.cimforge.array.clock.ManualClock;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.Volume;
import org.cimforge.sample.provider.ArrayDirectory;
import org.cimforge.sample.provider.ArrayInstances;
import org.cimforge.sample.provider.ArrayNames;
import org.cimforge.sample.provider.EventRelay;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** Engine changes become life-cycle indications about the CIM instances that show them. */
class LifecycleIndicationTest {

    /** One published indication: its class and the class of the instance it is about. */
    record Published(String namespace, String indicationClass, String sourceClass, CIMInstance indication) {
    }

    @Test
    void aPhysicalCopyRaisesCreationModificationAndDeletionOfItsRelationship() throws Exception {
        ManualClock clock = new ManualClock();
        List<Published> published = new CopyOnWriteArrayList<>();
        try (ArrayEngine engine = ArrayEngine.open(EngineConfig.defaults().withClock(clock)
                .withCopyRate(SampleArrayFixture.COPY_RATE))) {
            SampleArrayFixture.populate(engine);
            ArrayInstances instances = new ArrayInstances(new ArrayDirectory(engine,
                    new ArrayNames(SampleServer.NAMESPACE)));
            try (EventRelay relay = new EventRelay(instances, () -> (ns, indication) -> published.add(
                    new Published(ns, indication.getClassName(),
                            ((CIMInstance) indication.getPropertyValue("SourceInstance")).getClassName(),
                            indication)))) {
                engine.addListener(relay);
                Volume base = engine.storage().volumes().stream().filter(v -> v.name().equals("vv-base"))
                        .findFirst().orElseThrow();
                engine.replication().createReplica(ReplicaRequest.of(base.id(), CopyType.UNSYNC_UNASSOC)).orThrow();
                clock.advance(Duration.ofSeconds(8));
                clock.advance(Duration.ofSeconds(9));
                SampleArrayFixture.eventually("the deletion of the relationship is published", () -> published
                        .stream().anyMatch(p -> p.indicationClass().equals("CIM_InstDeletion")
                                && p.sourceClass().equals("TPD_StorageSynchronized")));
            }
        }
        assertThat(published).allMatch(p -> p.namespace().equals(SampleServer.NAMESPACE));
        List<String> aboutRelationship = published.stream()
                .filter(p -> p.sourceClass().equals("TPD_StorageSynchronized")).map(Published::indicationClass)
                .toList();
        assertThat(aboutRelationship.get(0)).isEqualTo("CIM_InstCreation");
        assertThat(aboutRelationship).contains("CIM_InstModification");
        assertThat(aboutRelationship.get(aboutRelationship.size() - 1)).isEqualTo("CIM_InstDeletion");
        assertThat(published).anyMatch(p -> p.indicationClass().equals("CIM_InstCreation")
                && p.sourceClass().equals("TPD_StorageVolume"));
        // A modification carries the previous state and names what changed.
        Published progress = published.stream().filter(p -> p.indicationClass().equals("CIM_InstModification")
                && p.sourceClass().equals("TPD_StorageSynchronized")).findFirst().orElseThrow();
        assertThat(progress.indication().getPropertyValue("PreviousInstance")).isInstanceOf(CIMInstance.class);
        assertThat((String[]) progress.indication().getPropertyValue("ChangedPropertyNames")).contains("PercentSynced");
    }
}
