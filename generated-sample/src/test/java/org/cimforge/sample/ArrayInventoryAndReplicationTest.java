package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.sample.SampleArrayFixture.GIB;
import static org.cimforge.sample.SampleArrayFixture.named;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.client.JobIndicationWaiter;
import org.cimforge.runtime.client.MethodOutcome;
import org.cimforge.sample.bindings.cim.ComputerSystem;
import org.cimforge.sample.bindings.cim.ConcreteJob;
import org.cimforge.sample.bindings.cim.RegisteredProfile;
import org.cimforge.sample.bindings.cim.ReplicationService;
import org.cimforge.sample.bindings.cim.ReplicationService.CreateElementReplicaArgs;
import org.cimforge.sample.bindings.cim.ReplicationService.CreateElementReplicaResult;
import org.cimforge.sample.bindings.cim.Service;
import org.cimforge.sample.bindings.cim.StorageConfigurationService;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyElementFromStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyElementFromStoragePoolResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ModifySynchronizationArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ReturnToStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StoragePool;
import org.cimforge.sample.bindings.cim.StorageSynchronized;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.Synchronized.CopyState;
import org.cimforge.sample.bindings.cim.client.ComputerSystemClient;
import org.cimforge.sample.bindings.cim.client.ConcreteJobClient;
import org.cimforge.sample.bindings.cim.client.RegisteredProfileClient;
import org.cimforge.sample.bindings.cim.client.ReplicationServiceClient;
import org.cimforge.sample.bindings.cim.client.StorageConfigurationServiceClient;
import org.cimforge.sample.bindings.cim.client.StoragePoolClient;
import org.cimforge.sample.bindings.cim.client.StorageSynchronizedClient;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.cimforge.sample.bindings.ibm.client.AsyncPprcServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inventory, associations, profiles, a replica job and refusals, through the DMTF client stubs. */
class ArrayInventoryAndReplicationTest {
    private SampleArrayFixture array;
    private StorageVolumeClient volumes;

    @BeforeEach
    void start() throws Exception {
        array = new SampleArrayFixture();
        volumes = new StorageVolumeClient(array.client, SampleServer.NAMESPACE);
    }

    @AfterEach
    void stop() throws Exception {
        array.close();
    }

    @Test
    void servesSystemsPoolsAndVolumesUnderTheirVendorClasses() throws Exception {
        List<ComputerSystem> systems = new ComputerSystemClient(array.client, SampleServer.NAMESPACE).enumerate();
        assertThat(systems).extracting(s -> s.toCimInstance().getClassName())
                .containsExactlyInAnyOrder("TPD_StorageSystem", "CIM_ComputerSystem");
        ComputerSystem ess = named(systems, SampleArrayFixture.ESS);
        assertThat(ess.getOtherIdentifyingInfo()).containsExactly(SampleArrayFixture.ESS_ID);

        List<StoragePool> pools = new StoragePoolClient(array.client, SampleServer.NAMESPACE).enumerate();
        assertThat(pools).extracting(StoragePool::getElementName).containsExactlyInAnyOrder("FC_r5", "ESS pool");
        StoragePool fc = named(pools, "FC_r5");
        assertThat(fc.getTotalManagedSpace()).isEqualTo(BigInteger.valueOf(20 * GIB));
        assertThat(fc.getRemainingManagedSpace()).isEqualTo(BigInteger.valueOf(17 * GIB));

        List<StorageVolume> all = volumes.enumerate();
        assertThat(all).hasSize(6);
        assertThat(named(all, "vv-base").toCimInstance().getClassName()).isEqualTo("TPD_StorageVolume");
        assertThat(named(all, "ess-a").toCimInstance().getClassName()).isEqualTo("CIM_StorageVolume");
        StorageVolume base = named(all, "vv-base");
        assertThat(base.getBlockSize().longValue() * base.getNumberOfBlocks().longValue()).isEqualTo(GIB);
        // A path read back from the server names the same instance.
        assertThat(volumes.get(base.<StorageVolume>reference()).getElementName()).isEqualTo("vv-base");
    }

    @Test
    void associationsLeadFromSystemsToServicesVolumesPoolsAndCapabilities() throws Exception {
        ComputerSystemClient systems = new ComputerSystemClient(array.client, SampleServer.NAMESPACE);
        ComputerSystem inserv = named(systems.enumerate(), SampleArrayFixture.INSERV);

        List<Service> services = systems.associators(inserv.reference(), "CIM_HostedService", null, null, null,
                Service::fromCimInstance);
        assertThat(services).extracting(s -> s.toCimInstance().getClassName())
                .containsExactlyInAnyOrder("TPD_StorageConfigurationService", "CIM_ReplicationService");
        List<StorageVolume> devices = systems.associators(inserv.reference(), "CIM_SystemDevice", null, null, null,
                StorageVolume::fromCimInstance);
        assertThat(devices).extracting(StorageVolume::getElementName)
                .containsExactlyInAnyOrder("vv-base", "vv-spare", "vv-other");
        List<StoragePool> pools = systems.associators(inserv.reference(), "CIM_SystemComponent", "CIM_StoragePool",
                null, null, StoragePool::fromCimInstance);
        assertThat(pools).extracting(StoragePool::getElementName).containsExactly("FC_r5");

        StoragePoolClient poolClient = new StoragePoolClient(array.client, SampleServer.NAMESPACE);
        List<StorageVolume> allocated = poolClient.associators(pools.get(0).reference(),
                "CIM_AllocatedFromStoragePool", null, null, null, StorageVolume::fromCimInstance);
        assertThat(allocated).hasSize(3);

        StorageConfigurationServiceClient configuration =
                new StorageConfigurationServiceClient(array.client, SampleServer.NAMESPACE);
        StorageConfigurationService tpd = services.stream()
                .filter(s -> s.toCimInstance().getClassName().equals("TPD_StorageConfigurationService"))
                .map(s -> StorageConfigurationService.fromCimInstance(s.toCimInstance())).findFirst().orElseThrow();
        List<org.cimforge.sample.bindings.cim.Capabilities> capabilities = configuration.associators(tpd.reference(),
                "CIM_ElementCapabilities", null, null, null, org.cimforge.sample.bindings.cim.Capabilities::fromCimInstance);
        assertThat(capabilities).extracting(c -> c.toCimInstance().getClassName())
                .contains("CIM_StorageConfigurationCapabilities", "CIM_StorageReplicationCapabilities");
    }

    @Test
    void profilesAreRegisteredWithTheSystemsConformingToThem() throws Exception {
        RegisteredProfileClient profiles = new RegisteredProfileClient(array.client, "root/interop");
        List<RegisteredProfile> registered = profiles.enumerate();
        assertThat(registered).extracting(RegisteredProfile::getRegisteredName)
                .contains("Array", "Block Services", "Copy Services", "Replication Services", "Job Control",
                        "Indication");
        RegisteredProfile arrayProfile = registered.stream().filter(p -> p.getRegisteredName().equals("Array"))
                .findFirst().orElseThrow();
        List<ComputerSystem> conforming = profiles.associators(arrayProfile.reference(),
                "CIM_ElementConformsToProfile", null, null, null, ComputerSystem::fromCimInstance);
        assertThat(conforming).extracting(ComputerSystem::getElementName)
                .containsExactlyInAnyOrder(SampleArrayFixture.INSERV, SampleArrayFixture.ESS);
    }

    @Test
    void createElementReplicaOfACloneReturnsAJobThatEndsWithTheTargetReadable() throws Exception {
        ReplicationServiceClient replication = new ReplicationServiceClient(array.client, SampleServer.NAMESPACE);
        ReplicationService service = named(replication.enumerate(), "Replication service of " + SampleArrayFixture.ESS);
        StorageVolume source = named(volumes.enumerate(), "ess-a");

        CreateElementReplicaResult result = replication.createElementReplica(service.reference(),
                new CreateElementReplicaArgs.Builder().elementName("ess-a-clone")
                        .syncType(CreateElementReplicaArgs.SyncType.CLONE).sourceElement(source.reference()).build());

        assertThat(result.getReturnCode()).isEqualTo(CreateElementReplicaResult.ReturnCode
                .METHOD_PARAMETERS_CHECKED_JOB_STARTED);
        assertThat(result.getJob().className()).isEqualTo("CIM_ConcreteJob");
        CimReference<?> pair = result.getSynchronization();
        assertThat(pair).isNotNull();
        StorageSynchronizedClient relationships = new StorageSynchronizedClient(array.client, SampleServer.NAMESPACE);
        assertThat(relationships.get(pair.as(StorageSynchronized.class)).getCopyState()).isEqualTo(CopyState.UNSYNCHRONIZED);

        array.advance(Duration.ofSeconds(16));
        ConcreteJob done = array.awaitJob(result.getJob(), j -> j.getJobState() == ConcreteJob.JobState.COMPLETED);
        assertThat(done.getErrorCode()).isZero();
        assertThat(done.getName()).isEqualTo("CreateElementReplica");

        List<StorageVolume> affected = new ConcreteJobClient(array.client, SampleServer.NAMESPACE).associators(
                result.getJob(), "CIM_AffectedJobElement", "CIM_StorageVolume", null, null,
                StorageVolume::fromCimInstance);
        assertThat(affected).hasSize(1);
        StorageVolume target = volumes.get(affected.get(0).<StorageVolume>reference());
        assertThat(target.getElementName()).isEqualTo("ess-a-clone");
        assertThat(target.getNumberOfBlocks()).isEqualTo(source.getNumberOfBlocks());
        StorageSynchronized synced = relationships.get(pair.as(StorageSynchronized.class));
        assertThat(synced.getCopyState()).isEqualTo(CopyState.SYNCHRONIZED);
        assertThat(synced.getPercentSynced()).isEqualTo(100);
        assertThat(synced.getWhenSynced()).isNotNull();
    }

    @Test
    void theAndWaitHelperWaitsByIndicationWhenTheStubHasAJobWaiter() throws Exception {
        ReplicationServiceClient replication = new ReplicationServiceClient(array.client, SampleServer.NAMESPACE);
        ReplicationService service = named(replication.enumerate(), "Replication service of " + SampleArrayFixture.ESS);
        StorageVolume source = named(volumes.enumerate(), "ess-b");
        CreateElementReplicaArgs args = new CreateElementReplicaArgs.Builder().elementName("ess-b-clone")
                .syncType(CreateElementReplicaArgs.SyncType.CLONE).sourceElement(source.reference()).build();

        try (JobIndicationWaiter waiter = JobIndicationWaiter.open(array.client, SampleServer.NAMESPACE)) {
            replication.useJobIndications(waiter);
            CompletableFuture<MethodOutcome<CreateElementReplicaResult>> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return replication.createElementReplicaAndWait(service.reference(), args, Duration.ofSeconds(30));
                } catch (org.metricshub.wbem.javax.wbem.WBEMException e) {
                    throw new CompletionException(e);
                }
            });
            // The copy needs 16 s of array time; the clock moves on until the waiting call returns (bounded).
            for (int i = 0; i < 200 && !call.isDone(); i++) {
                array.advance(Duration.ofSeconds(1));
                Thread.sleep(50);
            }
            MethodOutcome<CreateElementReplicaResult> outcome = call.get();

            assertThat(outcome.ranAsJob()).isTrue();
            assertThat(outcome.job().isCompleted()).as("job %s", outcome.job().job()).isTrue();
            assertThat(outcome.job().timedOut()).isFalse();
            // The completion passes two of the waiter's filters: completed-OK and job state change. The wait ends
            // on the first of the two, so the second may still be on its way (bounded wait, no fixed sleep).
            for (int i = 0; i < 200 && waiter.finalStatesReceived() < 2; i++) {
                Thread.sleep(50);
            }
            assertThat(waiter.finalStatesReceived()).as("final job states received by indication").isEqualTo(2);
            List<String> affectedVolumes = new java.util.ArrayList<>();
            for (org.metricshub.wbem.javax.cim.CIMObjectPath p : outcome.job().affectedElements()) {
                if (p.getObjectName().endsWith("StorageVolume")) {
                    affectedVolumes.add(volumes.get(CimReference.<StorageVolume>of(p)).getElementName());
                }
            }
            assertThat(affectedVolumes).containsExactly("ess-b-clone");
        }
    }

    @Test
    void aSourceInAnotherNamespaceOrOnAnotherHostIsAnInvalidParameterAndCopiesNothing() throws Exception {
        ReplicationServiceClient replication = new ReplicationServiceClient(array.client, SampleServer.NAMESPACE);
        ReplicationService service = named(replication.enumerate(), "Replication service of " + SampleArrayFixture.ESS);
        CIMObjectPath local = named(volumes.enumerate(), "ess-a").reference().path();
        int before = volumes.enumerate().size();

        // root/interop is served, so the server lets the path through; the array's method refuses it with its
        // documented Invalid Parameter (5) instead of copying the ess-a of the same keys.
        CimReference<StorageVolume> interop = CimReference.of(new CIMObjectPath(null, null, null,
                org.cimforge.runtime.interop.CimInterop.NAMESPACE, local.getObjectName(), local.getKeys()));
        CreateElementReplicaResult refused = replication.createElementReplica(service.reference(),
                new CreateElementReplicaArgs.Builder().elementName("foreign-clone")
                        .syncType(CreateElementReplicaArgs.SyncType.CLONE).sourceElement(interop).build());
        assertThat(refused.getReturnCode()).isEqualTo(CreateElementReplicaResult.ReturnCode.INVALID_PARAMETER);
        assertThat(refused.getJob()).isNull();

        // A namespace the server does not serve, or another host, is refused by the server before the method runs.
        for (CIMObjectPath foreign : List.of(
                new CIMObjectPath(null, null, null, "root/nope", local.getObjectName(), local.getKeys()),
                new CIMObjectPath("http", "10.0.0.1", "5988", SampleServer.NAMESPACE, local.getObjectName(),
                        local.getKeys()))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> replication.createElementReplica(
                    service.reference(), new CreateElementReplicaArgs.Builder().elementName("foreign-clone")
                            .syncType(CreateElementReplicaArgs.SyncType.CLONE)
                            .sourceElement(CimReference.<StorageVolume>of(foreign)).build()))
                    .as(foreign.toString())
                    .isInstanceOfSatisfying(org.metricshub.wbem.javax.wbem.WBEMException.class, e -> assertThat(
                            e.getID()).isEqualTo(org.metricshub.wbem.javax.wbem.WBEMException.CIM_ERR_INVALID_PARAMETER));
        }
        assertThat(volumes.enumerate()).as("no replica was made").hasSize(before);
    }

    @Test
    void refusedCallsAnswerTheirDocumentedCodesAndChangeNothing() throws Exception {
        AsyncPprcServiceClient ess = new AsyncPprcServiceClient(array.client, SampleServer.NAMESPACE);
        var service = ess.enumerate().get(0);
        StoragePool pool = named(new StoragePoolClient(array.client, SampleServer.NAMESPACE).enumerate(), "ESS pool");

        // 4097 Size Not Supported, with the largest size the pool could give in Size.
        CreateOrModifyElementFromStoragePoolResult tooBig = ess.createOrModifyElementFromStoragePool(
                service.reference(), new CreateOrModifyElementFromStoragePoolArgs.Builder().elementName("huge")
                        .elementType(CreateOrModifyElementFromStoragePoolArgs.ElementType.STORAGE_VOLUME)
                        .inPool(pool.reference()).size(BigInteger.valueOf(100 * GIB)).build());
        assertThat(tooBig.getReturnCode())
                .isEqualTo(CreateOrModifyElementFromStoragePoolResult.ReturnCode.SIZE_NOT_SUPPORTED);
        assertThat(tooBig.getSize()).isEqualTo(BigInteger.valueOf(17 * GIB));
        assertThat(tooBig.getTheElement()).isNull();
        assertThat(volumes.enumerate()).hasSize(6);

        // Volumes are created with 0 and their path.
        CreateOrModifyElementFromStoragePoolResult made = ess.createOrModifyElementFromStoragePool(
                service.reference(), new CreateOrModifyElementFromStoragePoolArgs.Builder().elementName("new")
                        .elementType(CreateOrModifyElementFromStoragePoolArgs.ElementType.THINLY_PROVISIONED_STORAGE_VOLUME)
                        .inPool(pool.reference()).size(BigInteger.valueOf(2 * GIB)).build());
        assertThat(made.getReturnValue().number()).isEqualTo(BigInteger.ZERO);
        assertThat(volumes.get(made.getTheElement().as(StorageVolume.class)).getThinlyProvisioned()).isTrue();

        // 6 In Use: a volume that is the source of a copy cannot be returned to its pool.
        ReplicationServiceClient replication = new ReplicationServiceClient(array.client, SampleServer.NAMESPACE);
        ReplicationService essReplication = named(replication.enumerate(),
                "Replication service of " + SampleArrayFixture.ESS);
        StorageVolume source = named(volumes.enumerate(), "ess-b");
        replication.createElementReplica(essReplication.reference(), new CreateElementReplicaArgs.Builder()
                .syncType(CreateElementReplicaArgs.SyncType.SNAPSHOT).sourceElement(source.reference()).build());
        var inUse = ess.returnToStoragePool(service.reference(),
                new ReturnToStoragePoolArgs.Builder().theElement(source.reference()).build());
        assertThat(inUse.getReturnValue().number()).isEqualTo(BigInteger.valueOf(6));

        // 4 Failed for a relationship that does not exist (3PAR's answer to a dangling reference).
        StorageVolume other = named(volumes.enumerate(), "ess-a");
        CimReference<StorageSynchronized> dangling = new StorageSynchronized.Keys(other.reference(),
                source.reference()).toReference(SampleServer.NAMESPACE);
        var failed = ess.modifySynchronization(service.reference(), new ModifySynchronizationArgs.Builder()
                .operation(ModifySynchronizationArgs.Operation.DETACH).synchronization(dangling).build());
        assertThat(failed.getReturnValue().number()).isEqualTo(BigInteger.valueOf(4));

        // A method on a service that does not exist is CIM_ERR_NOT_FOUND, not a return code.
        CimReference<org.cimforge.sample.bindings.ibm.AsyncPprcService> ghost = CimReference.ofKeys(
                org.cimforge.sample.bindings.ibm.AsyncPprcService.CLASS_INFO, SampleServer.NAMESPACE,
                "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "NOPE", "CreationClassName",
                "IBMTSESS_AsyncPPRCService", "Name", "AsyncPPRCService");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ess.returnToStoragePool(ghost,
                        new ReturnToStoragePoolArgs.Builder().theElement(source.reference()).build()))
                .isInstanceOfSatisfying(org.metricshub.wbem.javax.wbem.WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(6));
    }
}
