package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
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
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ReturnToStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StoragePool;
import org.cimforge.sample.bindings.cim.StorageSynchronized;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.client.ComputerSystemClient;
import org.cimforge.sample.bindings.cim.client.ConcreteJobClient;
import org.cimforge.sample.bindings.cim.client.RegisteredProfileClient;
import org.cimforge.sample.bindings.cim.client.ReplicationGroupClient;
import org.cimforge.sample.bindings.cim.client.ReplicationServiceClient;
import org.cimforge.sample.bindings.cim.client.StorageConfigurationServiceClient;
import org.cimforge.sample.bindings.cim.client.StoragePoolClient;
import org.cimforge.sample.bindings.cim.client.StorageSynchronizedClient;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.cimforge.sample.bindings.ibm.AsyncPprcService;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageAsyncPprcArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionVolumeArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcIncrementStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcIncrementStatusResult;
import org.cimforge.sample.bindings.ibm.client.AsyncPprcServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The scenarios of the generic suites again, through the client stubs generated from the sample's MOF (typed
 * instances, builders, ValueMap enums, the AndWait helpers with job indications) against the packaged provider:
 * discovery, pool and volume creation, clone / snapshot / mirror jobs observed by indication, the 3PAR physical copy, the
 * ESS async PPRC lifecycle and deletion with cleanup.
 */
class GeneratedStubsIT {
    private static final long MIB = 1L << 20;
    private static final String NS = SampleProcess.NAMESPACE;
    private static final String ESS_LSS = "2105.FA120:10:FF10";
    private static final String XDC = "0x40";
    private static final int SESSION = 3;
    private static SampleProcess sample;
    private static WBEMClient client;
    private static StorageVolumeClient volumes;
    private static StorageConfigurationServiceClient configurations;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleProcess.start(null, "--copy-rate", "1G");
        client = Clients.sblim(sample);
        volumes = new StorageVolumeClient(client, NS);
        configurations = new StorageConfigurationServiceClient(client, NS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        assertThat(sample.stop()).as("exit code after SIGTERM").isIn(0, 130, 143);
    }

    private static <T> T named(List<T> all, java.util.function.Function<T, String> name, String wanted) {
        return all.stream().filter(x -> wanted.equals(name.apply(x))).findFirst()
                .orElseThrow(() -> new AssertionError("nothing named " + wanted));
    }

    private static StorageVolume volume(String name) throws WBEMException {
        return named(volumes.enumerate(), StorageVolume::getElementName, name);
    }

    private static StorageConfigurationService threePar() throws WBEMException {
        return configurations.enumerate().stream()
                .filter(s -> s.toCimInstance().getClassName().equals("TPD_StorageConfigurationService"))
                .findFirst().orElseThrow();
    }

    private static StorageVolume createVolume(String name, long bytes) throws WBEMException {
        StoragePool pool = named(new StoragePoolClient(client, NS).enumerate(), StoragePool::getElementName, "FC_r5");
        CreateOrModifyElementFromStoragePoolResult made = configurations.createOrModifyElementFromStoragePool(
                threePar().reference(), new CreateOrModifyElementFromStoragePoolArgs.Builder().elementName(name)
                        .elementType(CreateOrModifyElementFromStoragePoolArgs.ElementType.STORAGE_VOLUME)
                        .inPool(pool.reference()).size(BigInteger.valueOf(bytes)).build());
        assertThat(made.getReturnCode()).isEqualTo(CreateOrModifyElementFromStoragePoolResult.ReturnCode
                .JOB_COMPLETED_WITH_NO_ERROR);
        return volumes.get(made.getTheElement().as(StorageVolume.class));
    }

    @Test
    void discoveryFromRegisteredProfilesToSystemsServicesAndPools() throws Exception {
        RegisteredProfileClient profiles = new RegisteredProfileClient(client, "root/interop");
        List<RegisteredProfile> registered = profiles.enumerate();
        assertThat(registered).extracting(RegisteredProfile::getRegisteredName)
                .contains("Array", "Copy Services", "Replication Services", "Job Control");
        RegisteredProfile array = named(registered, RegisteredProfile::getRegisteredName, "Array");
        List<ComputerSystem> systems = profiles.associators(array.reference(), "CIM_ElementConformsToProfile", null,
                null, null, ComputerSystem::fromCimInstance);
        assertThat(systems).extracting(ComputerSystem::getElementName).contains("InServ-sample", "ESS-sample");
        ComputerSystem inserv = named(systems, ComputerSystem::getElementName, "InServ-sample");
        assertThat(inserv.toCimInstance().getClassName()).isEqualTo("TPD_StorageSystem");

        ComputerSystemClient systemClient = new ComputerSystemClient(client, NS);
        List<Service> services = systemClient.associators(inserv.reference(), "CIM_HostedService", null, null, null,
                Service::fromCimInstance);
        assertThat(services).extracting(s -> s.toCimInstance().getClassName())
                .contains("TPD_StorageConfigurationService", "CIM_ReplicationService");
        List<StoragePool> pools = systemClient.associators(inserv.reference(), "CIM_SystemComponent",
                "CIM_StoragePool", null, null, StoragePool::fromCimInstance);
        assertThat(pools).extracting(StoragePool::getElementName).contains("FC_r5", "NL_r6");
    }

    @Test
    void poolCreationGivesATypedPoolThatTakesAVolume() throws Exception {
        var made = configurations.createOrModifyStoragePool(threePar().reference(),
                new StorageConfigurationService.CreateOrModifyStoragePoolArgs.Builder().elementName("stub-pool")
                        .size(BigInteger.valueOf(32L << 30)).build());
        assertThat(code(made.getReturnValue())).isZero();
        StoragePoolClient pools = new StoragePoolClient(client, NS);
        StoragePool pool = pools.get(made.getPool().as(StoragePool.class));
        assertThat(pool.getElementName()).isEqualTo("stub-pool");
        assertThat(pool.getTotalManagedSpace()).isEqualTo(BigInteger.valueOf(32L << 30));
        CreateOrModifyElementFromStoragePoolResult volume = configurations.createOrModifyElementFromStoragePool(
                threePar().reference(), new CreateOrModifyElementFromStoragePoolArgs.Builder()
                        .elementName("stub-pool-volume")
                        .elementType(CreateOrModifyElementFromStoragePoolArgs.ElementType.THINLY_PROVISIONED_STORAGE_VOLUME)
                        .inPool(pool.reference()).size(BigInteger.valueOf(1L << 30)).build());
        assertThat(code(volume.getReturnValue())).isZero();
        assertThat(volumes.get(volume.getTheElement().as(StorageVolume.class)).getThinlyProvisioned()).isTrue();
    }

    @Test
    void cloneSnapshotAndMirrorWaitedForByIndication() throws Exception {
        StorageVolume source = createVolume("stub-source", 256 * MIB);
        ReplicationServiceClient replication = new ReplicationServiceClient(client, NS);
        ReplicationService service = named(replication.enumerate(), ReplicationService::getElementName,
                "Replication service of InServ-sample");
        try (JobIndicationWaiter waiter = JobIndicationWaiter.open(client, NS)) {
            replication.useJobIndications(waiter);
            for (CreateElementReplicaArgs.SyncType type : List.of(CreateElementReplicaArgs.SyncType.CLONE,
                    CreateElementReplicaArgs.SyncType.SNAPSHOT, CreateElementReplicaArgs.SyncType.MIRROR)) {
                String name = "stub-" + type.name().toLowerCase(java.util.Locale.ROOT);
                MethodOutcome<CreateElementReplicaResult> outcome = replication.createElementReplicaAndWait(
                        service.reference(), new CreateElementReplicaArgs.Builder().elementName(name).syncType(type)
                                .mode(CreateElementReplicaArgs.Mode.SYNCHRONOUS)
                                .sourceElement(source.reference()).build(), Duration.ofSeconds(60));
                CimReference<?> pair = outcome.result().getSynchronization();
                assertThat(pair).as("Synchronization of %s", type).isNotNull();
                StorageSynchronized synced = new StorageSynchronizedClient(client, NS)
                        .get(pair.as(StorageSynchronized.class));
                assertThat(synced.getSystemElement().keyValue("DeviceID")).isEqualTo(source.getDeviceId());
                if (outcome.ranAsJob()) {
                    assertThat(outcome.job().isCompleted()).as("%s job %s", type, outcome.job().job()).isTrue();
                    assertThat(outcome.job().timedOut()).isFalse();
                    List<String> created = new ArrayList<>();
                    for (CIMObjectPath p : outcome.job().affectedElements()) {
                        if (p.getObjectName().endsWith("StorageVolume")) {
                            created.add(volumes.get(CimReference.<StorageVolume>of(p)).getElementName());
                        }
                    }
                    assertThat(created).as("volumes the %s job affected", type).containsExactly(name);
                } else {
                    assertThat(outcome.result().getReturnCode())
                            .isEqualTo(CreateElementReplicaResult.ReturnCode.COMPLETED_WITH_NO_ERROR);
                }
                assertThat(volume(name).getNumberOfBlocks()).isEqualTo(source.getNumberOfBlocks());
            }
            assertThat(waiter.finalStatesReceived()).as("final job states that arrived by indication")
                    .isPositive();
        }
    }

    @Test
    void threeParPhysicalCopyIsAssociatedOnlyWhileItCopies() throws Exception {
        StorageVolume source = volume("vv-data"); // 8 GiB at 1 GiB/s
        StorageSynchronizedClient relationships = new StorageSynchronizedClient(client, NS);
        CreateReplicaResult started = configurations.createReplica(threePar().reference(),
                new CreateReplicaArgs.Builder().elementName("stub-physical").sourceElement(source.reference())
                        .copyType(CreateReplicaArgs.CopyType.UN_SYNC_UN_ASSOC).build());
        assertThat(started.getReturnValue().number()).isEqualTo(BigInteger.valueOf(4096));
        assertThat(started.getJob().className()).isEqualTo("TPD_ConcreteJob");
        List<StorageSynchronized> copying = relationships.referencesTo(source.reference(), null);
        assertThat(copying).hasSize(1);
        assertThat(copying.get(0).toCimInstance().getClassName()).isEqualTo("TPD_StorageSynchronized");
        assertThat(copying.get(0).getSyncMaintained()).isTrue();
        assertThat(copying.get(0).getWhenSynced()).isNull();

        ConcreteJobClient jobs = new ConcreteJobClient(client, NS);
        ConcreteJob job = jobs.get(started.getJob().as(ConcreteJob.class));
        for (int i = 0; i < 300 && job.getJobState() != ConcreteJob.JobState.COMPLETED; i++) {
            Thread.sleep(100);
            job = jobs.get(started.getJob().as(ConcreteJob.class));
        }
        assertThat(job.getJobState()).isEqualTo(ConcreteJob.JobState.COMPLETED);
        assertThat(job.getErrorCode()).isZero();
        assertThat(relationships.referencesTo(source.reference(), null)).isEmpty();
        assertThat(volumes.get(started.getTargetElement().as(StorageVolume.class)).getElementName())
                .isEqualTo("stub-physical");
    }

    @Test
    void essAsyncPprcSessionOpensStartsFormsConsistencyGroupsAndCloses() throws Exception {
        AsyncPprcServiceClient pprc = new AsyncPprcServiceClient(client, NS);
        List<AsyncPprcService> services = pprc.enumerate();
        assertThat(services).hasSize(1);
        CimReference<AsyncPprcService> service = services.get(0).reference();
        List<CimReference<StorageVolume>> members = List.of(volume("ess-1").reference(), volume("ess-2").reference());

        assertThat(code(pprc.manageSession(service, session(ManageSessionArgs.Operation.OPEN)).getReturnValue()))
                .isZero();
        assertThat(new ReplicationGroupClient(client, NS).enumerate()).hasSize(1);
        assertThat(code(pprc.manageSessionVolume(service, new ManageSessionVolumeArgs.Builder()
                .sessionNumber(SESSION).sessionType(XDC).lss(ESS_LSS)
                .operation(ManageSessionVolumeArgs.Operation.ADD).volumes(members).build()).getReturnValue()))
                .isZero();
        // A one-second interval, so consistency groups form within the wait below (bounded).
        assertThat(code(pprc.manageAsyncPprc(service, new ManageAsyncPprcArgs.Builder().sessionNumber(SESSION)
                .sessionType(XDC).masterLss(ESS_LSS).operation(ManageAsyncPprcArgs.Operation.START)
                .consistencyGroupInterval(1).maxXdcCoordinationTime(50).maxConsistencyGroupDrain(4).build())
                .getReturnValue())).isZero();
        QueryXdcIncrementStatusResult increments = null;
        for (int i = 0; i < 100; i++) {
            increments = pprc.queryXdcIncrementStatus(service, new QueryXdcIncrementStatusArgs.Builder()
                    .sessionNumber(SESSION).sessionType(XDC).scope(ESS_LSS).build());
            if (increments.getSuccessfulConsistencyGroups() != null
                    && increments.getSuccessfulConsistencyGroups().compareTo(BigInteger.TWO) >= 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(code(increments.getReturnValue())).isZero();
        assertThat(increments.getAsyncPprcStateValue().number().intValue()).isEqualTo(1); // Running
        assertThat(increments.getSuccessfulConsistencyGroups()).isGreaterThanOrEqualTo(BigInteger.TWO);
        assertThat(increments.getFailedConsistencyGroups()).isEqualTo(BigInteger.ZERO);

        assertThat(code(pprc.manageAsyncPprc(service, new ManageAsyncPprcArgs.Builder().sessionNumber(SESSION)
                .sessionType(XDC).masterLss(ESS_LSS).operation(ManageAsyncPprcArgs.Operation.TERMINATE).build())
                .getReturnValue())).isZero();
        assertThat(code(pprc.manageSessionVolume(service, new ManageSessionVolumeArgs.Builder()
                .sessionNumber(SESSION).sessionType(XDC).lss(ESS_LSS)
                .operation(ManageSessionVolumeArgs.Operation.REMOVE).volumes(members).build()).getReturnValue()))
                .isZero();
        assertThat(code(pprc.manageSession(service, session(ManageSessionArgs.Operation.CLOSE)).getReturnValue()))
                .isZero();
        assertThat(new ReplicationGroupClient(client, NS).enumerate()).isEmpty();
    }

    @Test
    void returnToStoragePoolDeletesTheVolumeAndGivesTheSpaceBack() throws Exception {
        StoragePoolClient pools = new StoragePoolClient(client, NS);
        CimReference<StoragePool> fc = named(pools.enumerate(), StoragePool::getElementName, "FC_r5").reference();
        BigInteger before = pools.get(fc).getRemainingManagedSpace();
        StorageVolume doomed = createVolume("stub-doomed", 128 * MIB);
        assertThat(pools.get(fc).getRemainingManagedSpace()).isEqualTo(before.subtract(BigInteger.valueOf(128 * MIB)));
        var gone = configurations.returnToStoragePool(threePar().reference(),
                new ReturnToStoragePoolArgs.Builder().theElement(doomed.reference()).build());
        assertThat(code(gone.getReturnValue())).isZero();
        assertThatThrownBy(() -> volumes.get(doomed.<StorageVolume>reference()))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
        assertThat(pools.get(fc).getRemainingManagedSpace()).isEqualTo(before);
    }

    private static ManageSessionArgs session(ManageSessionArgs.Operation operation) {
        return new ManageSessionArgs.Builder().sessionNumber(SESSION).sessionType(XDC).lss(ESS_LSS)
                .operation(operation).build();
    }

    private static int code(EnumValue<?> returnValue) {
        return returnValue.number().intValue();
    }
}
