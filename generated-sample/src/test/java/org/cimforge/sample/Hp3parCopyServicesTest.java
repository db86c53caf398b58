package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.sample.SampleArrayFixture.named;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.cim.ConcreteJob;
import org.cimforge.sample.bindings.cim.ReplicationService.CreateElementReplicaArgs;
import org.cimforge.sample.bindings.cim.ReplicationService.CreateElementReplicaResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaResult;
import org.cimforge.sample.bindings.cim.StorageSynchronized.CopyType;
import org.cimforge.sample.bindings.cim.StorageSynchronized.ReplicaType;
import org.cimforge.sample.bindings.cim.StorageSynchronized.SyncState;
import org.cimforge.sample.bindings.cim.client.ConcreteJobClient;
import org.cimforge.sample.bindings.cim.client.ReplicationServiceClient;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService.UpdateDeltaSnapshotSpaceArgs;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService.UpdateDeltaSnapshotSpaceResult;
import org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized;
import org.cimforge.sample.bindings.hp3par.TpdStorageVolume;
import org.cimforge.sample.bindings.hp3par.client.TpdStorageConfigurationServiceClient;
import org.cimforge.sample.bindings.hp3par.client.TpdStorageSynchronizedClient;
import org.cimforge.sample.bindings.hp3par.client.TpdStorageVolumeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HP 3PAR seed scenarios through the generated client stubs: physical copy, UpdateDeltaSnapshotSpace. */
class Hp3parCopyServicesTest {
    private SampleArrayFixture array;
    private TpdStorageConfigurationServiceClient services;
    private TpdStorageVolumeClient volumes;
    private TpdStorageSynchronizedClient relationships;
    private TpdStorageConfigurationService service;

    @BeforeEach
    void start() throws Exception {
        array = new SampleArrayFixture();
        services = new TpdStorageConfigurationServiceClient(array.client, SampleServer.NAMESPACE);
        volumes = new TpdStorageVolumeClient(array.client, SampleServer.NAMESPACE);
        relationships = new TpdStorageSynchronizedClient(array.client, SampleServer.NAMESPACE);
        List<TpdStorageConfigurationService> all = services.enumerate();
        assertThat(all).hasSize(1);
        service = all.get(0);
    }

    @AfterEach
    void stop() throws Exception {
        array.close();
    }

    @Test
    void physicalCopyIsAssociatedWhileCopyingAndRelinquishedWhenDone() throws Exception {
        TpdStorageVolume base = named(volumes.enumerate(), "vv-base");
        CreateReplicaResult result = services.createReplica(service.reference(), new CreateReplicaArgs.Builder()
                .elementName("vv-base-copy")
                .sourceElement(base.reference())
                .copyType(CreateReplicaArgs.CopyType.UN_SYNC_UN_ASSOC)
                .build());

        assertThat(result.getReturnValue().number()).isEqualTo(BigInteger.valueOf(4096));
        CimReference<?> job = result.getJob();
        assertThat(job).isNotNull();
        assertThat(job.className()).isEqualTo("TPD_ConcreteJob");
        TpdStorageVolume copy = volumes.get(result.getTargetElement().as(TpdStorageVolume.class));
        assertThat(copy.getElementName()).isEqualTo("vv-base-copy");

        // While the copy runs: TPD_StorageSynchronized with the values of the 3PAR physical-copy table.
        array.advance(Duration.ofSeconds(4));
        List<TpdStorageSynchronized> copying = relationships.enumerate();
        assertThat(copying).hasSize(1);
        TpdStorageSynchronized pair = copying.get(0);
        assertThat(pair.toCimInstance().getClassName()).isEqualTo("TPD_StorageSynchronized");
        assertThat(pair.getSystemElement().keyValue("DeviceID")).isEqualTo(base.getDeviceId());
        assertThat(pair.getSyncedElement().keyValue("DeviceID")).isEqualTo(copy.getDeviceId());
        assertThat(pair.getCopyType()).isEqualTo(CopyType.UN_SYNC_UN_ASSOC);
        assertThat(pair.getReplicaType()).isEqualTo(ReplicaType.FULL_COPY);
        assertThat(pair.getSyncMaintained()).isTrue();
        assertThat(pair.getWhenSynced()).isNull();
        assertThat(pair.getSyncState()).isEqualTo(SyncState.RESYNC_IN_PROGRESS);
        assertThat(pair.getPercentSynced()).isEqualTo(25);
        ConcreteJob running = array.awaitJob(job, j -> j.getPercentComplete() != null && j.getPercentComplete() >= 25);
        assertThat(running.getJobState()).isEqualTo(ConcreteJob.JobState.RUNNING);

        // 1 GiB at 64 MiB/s: done after 16 s; the association is relinquished, the copy stays.
        array.advance(Duration.ofSeconds(13));
        ConcreteJob done = array.awaitJob(job, j -> j.getJobState() == ConcreteJob.JobState.COMPLETED);
        assertThat(done.getErrorCode()).isZero();
        assertThat(done.getPercentComplete()).isEqualTo(100);
        assertThat(relationships.enumerate()).isEmpty();
        assertThat(volumes.get(copy.<TpdStorageVolume>reference()).getDeviceId()).isEqualTo(copy.getDeviceId());

        // The job names the new volume as the element it created.
        ConcreteJobClient jobs = new ConcreteJobClient(array.client, SampleServer.NAMESPACE);
        List<TpdStorageVolume> affected = jobs.associators(job, "CIM_AffectedJobElement", "CIM_StorageVolume", null,
                null, TpdStorageVolume::fromCimInstance);
        assertThat(affected).extracting(TpdStorageVolume::getDeviceId).containsExactly(copy.getDeviceId());
    }

    @Test
    void updateDeltaSnapshotSpaceOnAVolumeThatIsNotAVirtualCopyIs32768() throws Exception {
        TpdStorageVolume base = named(volumes.enumerate(), "vv-base");
        UpdateDeltaSnapshotSpaceResult result = services.updateDeltaSnapshotSpace(service.reference(),
                new UpdateDeltaSnapshotSpaceArgs.Builder().theElement(base.reference()).build());

        assertThat(result.getReturnValue().number()).isEqualTo(BigInteger.valueOf(32768));
        assertThat(result.getReturnCode()).isEqualTo(UpdateDeltaSnapshotSpaceResult.ReturnCode.VOLUME_DOES_NOT_EXIST);
        assertThat(result.getJob()).isNull();
    }

    @Test
    void updateDeltaSnapshotSpaceOnAVirtualCopyGrowsItsSpaceAsAJob() throws Exception {
        TpdStorageVolume base = named(volumes.enumerate(), "vv-base");
        ReplicationServiceClient replication = new ReplicationServiceClient(array.client, SampleServer.NAMESPACE);
        var replicationService = named(replication.enumerate(), "Replication service of " + SampleArrayFixture.INSERV);
        CreateElementReplicaResult snapshot = replication.createElementReplica(replicationService.reference(),
                new CreateElementReplicaArgs.Builder().elementName("vv-base-snap")
                        .syncType(CreateElementReplicaArgs.SyncType.SNAPSHOT)
                        .sourceElement(base.reference()).build());
        // A virtual copy is usable at once: no job.
        assertThat(snapshot.getReturnValue().number()).isEqualTo(BigInteger.ZERO);
        CimReference<TpdStorageVolume> snap = snapshot.getTargetElement().as(TpdStorageVolume.class);

        UpdateDeltaSnapshotSpaceResult result = services.updateDeltaSnapshotSpace(service.reference(),
                new UpdateDeltaSnapshotSpaceArgs.Builder().theElement(snap).size(BigInteger.valueOf(512L << 20))
                        .build());
        assertThat(result.getReturnValue().number()).isEqualTo(BigInteger.valueOf(0x1000));
        assertThat(result.getJob().className()).isEqualTo("TPD_ConcreteJob");

        array.advance(Duration.ofSeconds(1));
        ConcreteJob done = array.awaitJob(result.getJob(), j -> j.getJobState() == ConcreteJob.JobState.COMPLETED);
        assertThat(done.getName()).isEqualTo("UpdateDeltaSnapshotSpace");
        assertThat(volumes.get(snap).getDescription()).contains("with " + (512L << 20) + " bytes of delta space");

        // Shrinking is refused with 4 Failed and changes nothing.
        UpdateDeltaSnapshotSpaceResult shrink = services.updateDeltaSnapshotSpace(service.reference(),
                new UpdateDeltaSnapshotSpaceArgs.Builder().theElement(snap).size(BigInteger.valueOf(1L << 20))
                        .build());
        assertThat(shrink.getReturnCode()).isEqualTo(UpdateDeltaSnapshotSpaceResult.ReturnCode.FAILED);
    }

    @Test
    void terminatingAPhysicalCopyJobRemovesItsAssociation() throws Exception {
        TpdStorageVolume base = named(volumes.enumerate(), "vv-base");
        CreateReplicaResult result = services.createReplica(service.reference(), new CreateReplicaArgs.Builder()
                .sourceElement(base.reference()).copyType(CreateReplicaArgs.CopyType.UN_SYNC_UN_ASSOC).build());
        ConcreteJobClient jobs = new ConcreteJobClient(array.client, SampleServer.NAMESPACE);
        ConcreteJob.RequestStateChangeResult stop = jobs.requestStateChange(result.getJob().as(ConcreteJob.class),
                new ConcreteJob.RequestStateChangeArgs.Builder()
                        .requestedState(ConcreteJob.RequestStateChangeArgs.RequestedState.TERMINATE).build());

        assertThat(stop.getReturnValue().number()).isEqualTo(BigInteger.ZERO);
        ConcreteJob ended = array.awaitJob(result.getJob(), j -> j.getJobState() == ConcreteJob.JobState.TERMINATED);
        assertThat(ended.getErrorCode()).isNotZero();
        assertThat(relationships.enumerate()).isEmpty();
    }
}
