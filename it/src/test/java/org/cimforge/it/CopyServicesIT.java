package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * SMI-S discovery and copy services against the packaged provider, through the SBLIM client used generically:
 * registered profiles to systems to services and pools, and systems back to their profiles; volume creation, clone /
 * snapshot / mirror jobs polled to their end, the 3PAR physical copy and UpdateDeltaSnapshotSpace facts, the ESS async
 * PPRC session lifecycle, and deletion with cleanup.
 */
class CopyServicesIT {
    private static final long MIB = 1L << 20;
    private static SampleProcess sample;
    private static WBEMClient client;
    private static CIMInstance inserv;

    @BeforeAll
    static void start() throws Exception {
        // 1 GiB per second: the 256 MiB copies below finish in well under a second of wall time.
        sample = SampleProcess.start(null, "--copy-rate", "1G");
        client = Clients.sblim(sample);
        inserv = Calls.named(client, "CIM_ComputerSystem", "InServ-sample");
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        assertThat(sample.stop()).as("exit code after SIGTERM").isIn(0, 130, 143);
    }

    private static CIMObjectPath service(String className) throws WBEMException {
        return Clients.drain(client.associatorNames(inserv.getObjectPath(), "CIM_HostedService", className, null,
                null)).get(0);
    }

    private static CIMObjectPath pool(String name) throws WBEMException {
        return Calls.named(client, "CIM_StoragePool", name).getObjectPath();
    }

    private static CIMObjectPath createVolume(String name, long bytes) throws WBEMException {
        Calls.Answer made = Calls.invoke(client, service("CIM_StorageConfigurationService"),
                "CreateOrModifyElementFromStoragePool", Calls.string("ElementName", name),
                Calls.uint16("ElementType", 2), Calls.ref("InPool", pool("FC_r5")), Calls.uint64("Size", bytes));
        assertThat(made.returnCode()).isZero();
        return made.ref("TheElement");
    }

    @Test
    void discoveryFromRegisteredProfilesToSystemsAndServices() throws Exception {
        List<CIMInstance> profiles = Clients.drain(client.enumerateInstances(
                Clients.classPath("root/interop", "CIM_RegisteredProfile"), true, false, false, null));
        CIMInstance array = profiles.stream().filter(p -> "Array".equals(p.getPropertyValue("RegisteredName")))
                .findFirst().orElseThrow();
        assertThat(profiles).extracting(p -> p.getPropertyValue("RegisteredName"))
                .contains("Copy Services", "Replication Services", "Job Control");
        List<CIMInstance> systems = Clients.drain(client.associatorInstances(array.getObjectPath(),
                "CIM_ElementConformsToProfile", "CIM_ComputerSystem", null, null, false, null));
        assertThat(systems).extracting(s -> s.getPropertyValue("ElementName"))
                .contains("InServ-sample", "ESS-sample");
        CIMInstance system = systems.stream().filter(s -> "InServ-sample".equals(s.getPropertyValue("ElementName")))
                .findFirst().orElseThrow();
        List<CIMObjectPath> services = Clients.drain(client.associatorNames(system.getObjectPath(),
                "CIM_HostedService", null, null, null));
        assertThat(services).extracting(CIMObjectPath::getObjectName)
                .contains("TPD_StorageConfigurationService", "CIM_ReplicationService");

        // Block Services: each system → CIM_HostedStoragePool → exactly the pools the built-in array starts with.
        CIMInstance ess = systems.stream().filter(s -> "ESS-sample".equals(s.getPropertyValue("ElementName")))
                .findFirst().orElseThrow();
        assertThat(hostedPools(system)).containsExactlyInAnyOrder("CIMForge:P2 FC_r5", "CIMForge:P5 NL_r6");
        assertThat(hostedPools(ess)).containsExactly("CIMForge:P10 ess-pool");
        // Clients that walk the generic superclass find the same pools.
        assertThat(Clients.drain(client.associatorNames(system.getObjectPath(), "CIM_SystemComponent",
                "CIM_StoragePool", null, null))).extracting(p -> p.getKeyValue("InstanceID"))
                .containsExactlyInAnyOrder("CIMForge:P2", "CIMForge:P5");

        // Profile Registration, the other way: each system → CIM_ElementConformsToProfile → its profiles, which
        // live in root/interop.
        assertThat(system.getClassName()).isEqualTo("TPD_StorageSystem");
        assertThat(ess.getClassName()).isEqualTo("CIM_ComputerSystem");
        for (CIMInstance conforming : List.of(system, ess)) {
            List<CIMObjectPath> names = Clients.drain(client.associatorNames(conforming.getObjectPath(),
                    "CIM_ElementConformsToProfile", null, null, null));
            assertThat(names).as("profiles of %s", conforming.getObjectPath()).hasSize(6).allSatisfy(p -> {
                assertThat(p.getNamespace()).isEqualTo("root/interop");
                assertThat(p.getObjectName()).isEqualTo("CIM_RegisteredProfile");
            });
            List<CIMInstance> conformsTo = Clients.drain(client.associatorInstances(conforming.getObjectPath(),
                    "CIM_ElementConformsToProfile", "CIM_RegisteredProfile", "ManagedElement", "ConformantStandard",
                    false, null));
            assertThat(conformsTo).extracting(p -> p.getPropertyValue("RegisteredName") + " "
                    + p.getPropertyValue("RegisteredVersion")).containsExactlyInAnyOrder("Array 1.8.0",
                            "Block Services 1.8.0", "Copy Services 1.4.0", "Replication Services 1.8.0",
                            "Job Control 1.8.0", "Indication 1.8.0");
            assertThat(conformsTo).allSatisfy(p -> assertThat(p.getObjectPath().getNamespace())
                    .isEqualTo("root/interop"));
            // The profile found this way leads back to the system it was reached from.
            CIMObjectPath arrayProfile = conformsTo.stream()
                    .filter(p -> "Array".equals(p.getPropertyValue("RegisteredName"))).findFirst().orElseThrow()
                    .getObjectPath();
            assertThat(Clients.drain(client.associatorNames(arrayProfile, "CIM_ElementConformsToProfile", null,
                    null, null))).extracting(p -> p.getKeyValue("Name"))
                    .contains(conforming.getObjectPath().getKeyValue("Name"));
        }
    }

    /** "InstanceID ElementName" of the pools {@code system} hosts, walked with CIM_HostedStoragePool. */
    private static List<String> hostedPools(CIMInstance system) throws WBEMException {
        return Clients.drain(client.associatorInstances(system.getObjectPath(), "CIM_HostedStoragePool",
                "CIM_StoragePool", "GroupComponent", "PartComponent", false, null)).stream()
                .map(p -> p.getPropertyValue("InstanceID") + " " + p.getPropertyValue("ElementName")).toList();
    }

    @Test
    void poolCreatedFromRawCapacityTakesAVolumeAndIsDeletedOnceEmpty() throws Exception {
        CIMObjectPath configuration = service("CIM_StorageConfigurationService");
        Calls.Answer made = Calls.invoke(client, configuration, "CreateOrModifyStoragePool",
                Calls.string("ElementName", "it-pool"), Calls.uint64("Size", 64L << 30));
        assertThat(made.returnCode()).isZero();
        CIMObjectPath pool = made.ref("Pool");
        CIMInstance created = client.getInstance(pool, false, false, null);
        assertThat(created.getPropertyValue("ElementName")).isEqualTo("it-pool");
        assertThat(((Number) created.getPropertyValue("TotalManagedSpace")).longValue()).isEqualTo(64L << 30);
        assertThat(hostedPools(inserv)).contains(pool.getKeyValue("InstanceID") + " it-pool");

        Calls.Answer volume = Calls.invoke(client, configuration, "CreateOrModifyElementFromStoragePool",
                Calls.string("ElementName", "it-pool-volume"), Calls.uint16("ElementType", 2),
                Calls.ref("InPool", pool), Calls.uint64("Size", 256 * MIB));
        assertThat(volume.returnCode()).isZero();
        assertThat(Calls.invoke(client, configuration, "DeleteStoragePool", Calls.ref("Pool", pool)).returnCode())
                .as("a pool with a volume is In Use").isEqualTo(6);
        assertThat(Calls.invoke(client, configuration, "ReturnToStoragePool",
                Calls.ref("TheElement", volume.ref("TheElement"))).returnCode()).isZero();
        assertThat(Calls.invoke(client, configuration, "DeleteStoragePool", Calls.ref("Pool", pool)).returnCode())
                .isZero();
        assertThatThrownBy(() -> client.getInstance(pool, false, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
        assertThat(hostedPools(inserv)).as("pools after DeleteStoragePool")
                .containsExactlyInAnyOrder("CIMForge:P2 FC_r5", "CIMForge:P5 NL_r6");
    }

    @Test
    void cloneSnapshotAndMirrorJobsRunToCompletionWithTheirTargets() throws Exception {
        CIMObjectPath source = createVolume("it-source", 256 * MIB);
        CIMObjectPath replication = service("CIM_ReplicationService");
        for (int syncType : new int[] {8, 7, 6}) {
            Calls.Answer started = Calls.invoke(client, replication, "CreateElementReplica",
                    Calls.string("ElementName", "it-replica-" + syncType), Calls.uint16("SyncType", syncType),
                    Calls.ref("SourceElement", source));
            assertThat(started.returnCode()).as("SyncType %d", syncType).isIn(0L, 4096L);
            CIMObjectPath pair = started.ref("Synchronization");
            assertThat(pair).as("Synchronization of SyncType %d", syncType).isNotNull();
            if (started.returnCode() == 4096) {
                CIMInstance job = Calls.awaitJob(client, started.ref("Job"), Duration.ofSeconds(60));
                assertThat(Calls.jobState(job)).isEqualTo(7);
                assertThat(Calls.operationalStatus(job)).containsExactlyInAnyOrder(2, 17);
                assertThat(((Number) job.getPropertyValue("ErrorCode")).intValue()).isZero();
                List<CIMObjectPath> affected = Clients.drain(client.associatorNames(started.ref("Job"),
                        "CIM_AffectedJobElement", "CIM_StorageVolume", null, null));
                assertThat(affected).hasSize(1);
                assertThat(client.getInstance(affected.get(0), false, false, null).getPropertyValue("ElementName"))
                        .isEqualTo("it-replica-" + syncType);
            }
            CIMInstance synced = client.getInstance(pair, false, false, null);
            assertThat(synced.getPropertyValue("SyncedElement")).isNotNull();
            assertThat(((CIMObjectPath) synced.getPropertyValue("SystemElement")).getKey("DeviceID").getValue())
                    .isEqualTo(source.getKey("DeviceID").getValue());
        }
    }

    @Test
    void threeParPhysicalCopyShowsItsRelationshipOnlyWhileCopying() throws Exception {
        // 8 GiB at 1 GiB/s: about eight seconds of copying to look at.
        CIMInstance source = Calls.named(client, "CIM_StorageVolume", "vv-data");
        CIMObjectPath configuration = service("CIM_StorageConfigurationService");
        Calls.Answer started = Calls.invoke(client, configuration, "CreateReplica",
                Calls.string("ElementName", "it-physical-copy"), Calls.ref("SourceElement", source.getObjectPath()),
                Calls.uint16("CopyType", 5));
        assertThat(started.returnCode()).isEqualTo(4096);
        List<CIMInstance> copying = Clients.drain(client.referenceInstances(source.getObjectPath(),
                "CIM_StorageSynchronized", null, false, null));
        assertThat(copying).hasSize(1);
        CIMInstance pair = copying.get(0);
        assertThat(pair.getClassName()).isEqualTo("TPD_StorageSynchronized");
        assertThat(((Number) pair.getPropertyValue("CopyType")).intValue()).isEqualTo(5);
        assertThat(((Number) pair.getPropertyValue("ReplicaType")).intValue()).isEqualTo(2);
        assertThat(pair.getPropertyValue("SyncMaintained")).isEqualTo(Boolean.TRUE);
        assertThat(pair.getPropertyValue("WhenSynced")).isNull();

        CIMInstance job = Calls.awaitJob(client, started.ref("Job"), Duration.ofSeconds(90));
        assertThat(Calls.jobState(job)).isEqualTo(7);
        assertThat(job.getClassName()).isEqualTo("TPD_ConcreteJob");
        assertThat(Clients.drain(client.referenceInstances(source.getObjectPath(), "CIM_StorageSynchronized", null, false,
                null))).as("an UnSyncUnAssoc copy leaves no relationship").isEmpty();
    }

    @Test
    void essAsyncPprcSessionLifecycleWithGenericCalls() throws Exception {
        // The IBM ESS seed: IBMTSESS_AsyncPPRCService, Operation numbers from its Values lists (no ValueMap: 0, 1, ...).
        String lss = "2105.FA120:10:FF10";
        CIMObjectPath pprc = Clients.drain(client.enumerateInstanceNames(
                Clients.classPath(SampleProcess.NAMESPACE, "IBMTSESS_AsyncPPRCService"))).get(0);
        CIMObjectPath[] members = {Calls.named(client, "CIM_StorageVolume", "ess-1").getObjectPath(),
                Calls.named(client, "CIM_StorageVolume", "ess-2").getObjectPath()};
        CIMArgument<?> number = Calls.uint16("SessionNumber", 5);
        CIMArgument<?> xdc = Calls.string("SessionType", "0x40");
        assertThat(Calls.invoke(client, pprc, "ManageSession", number, xdc, Calls.string("LSS", lss),
                Calls.uint16("Operation", 0)).returnCode()).as("Open").isZero();
        CIMArgument<?> volumes = new CIMArgument<>("Volumes", new CIMDataType("CIM_StorageVolume", 0), members);
        assertThat(Calls.invoke(client, pprc, "ManageSessionVolume", number, xdc, Calls.string("LSS", lss),
                Calls.uint16("Operation", 0), volumes).returnCode()).as("Add").isZero();
        assertThat(Calls.invoke(client, pprc, "ManageAsyncPPRC", number, xdc, Calls.string("MasterLSS", lss),
                Calls.uint16("Operation", 0)).returnCode()).as("Start without its tuning parameters").isEqualTo(5);
        assertThat(Calls.invoke(client, pprc, "ManageAsyncPPRC", number, xdc, Calls.string("MasterLSS", lss),
                Calls.uint16("Operation", 0), Calls.uint16("ConsistencyGroupInterval", 1),
                Calls.uint16("MaxXDCCoordinationTime", 50), Calls.uint16("MaxConsistencyGroupDrain", 4))
                .returnCode()).as("Start").isZero();
        Calls.Answer status = null;
        for (int i = 0; i < 100; i++) {
            status = Calls.invoke(client, pprc, "QueryXDCIncrementStatus", number, xdc, Calls.string("Scope", lss));
            Object groups = status.out().get("successfulconsistencygroups");
            if (groups != null && ((Number) groups).longValue() >= 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status.returnCode()).isZero();
        assertThat(((Number) status.out().get("asyncpprcstate")).intValue()).as("Running").isEqualTo(1);
        assertThat(((Number) status.out().get("successfulconsistencygroups")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(Calls.invoke(client, pprc, "ManageAsyncPPRC", number, xdc, Calls.string("MasterLSS", lss),
                Calls.uint16("Operation", 1)).returnCode()).as("Pause").isZero();
        assertThat(Calls.invoke(client, pprc, "ManageAsyncPPRC", number, xdc, Calls.string("MasterLSS", lss),
                Calls.uint16("Operation", 1)).returnCode()).as("Pause twice").isEqualTo(4);
        assertThat(Calls.invoke(client, pprc, "ManageAsyncPPRC", number, xdc, Calls.string("MasterLSS", lss),
                Calls.uint16("Operation", 3)).returnCode()).as("Terminate").isZero();
        assertThat(Calls.invoke(client, pprc, "ManageSession", number, xdc, Calls.string("LSS", lss),
                Calls.uint16("Operation", 1)).returnCode()).as("Close with volumes still in it").isEqualTo(6);
        assertThat(Calls.invoke(client, pprc, "ManageSessionVolume", number, xdc, Calls.string("LSS", lss),
                Calls.uint16("Operation", 1), volumes).returnCode()).as("Remove").isZero();
        assertThat(Calls.invoke(client, pprc, "ManageSession", number, xdc, Calls.string("LSS", lss),
                Calls.uint16("Operation", 1)).returnCode()).as("Close").isZero();
    }

    @Test
    void updateDeltaSnapshotSpaceOnAVolumeThatIsNoSnapshotAnswers32768() throws Exception {
        CIMInstance plain = Calls.named(client, "CIM_StorageVolume", "vv-log");
        Calls.Answer answer = Calls.invoke(client, service("TPD_StorageConfigurationService"),
                "UpdateDeltaSnapshotSpace", Calls.ref("TheElement", plain.getObjectPath()),
                Calls.uint64("Size", 64 * MIB));
        assertThat(answer.returnCode()).isEqualTo(32768);
    }

    @Test
    void returnToStoragePoolDeletesTheVolumeAndGivesTheSpaceBack() throws Exception {
        CIMObjectPath fc = pool("FC_r5");
        long before = ((Number) client.getInstance(fc, false, false, null).getPropertyValue("RemainingManagedSpace"))
                .longValue();
        CIMObjectPath volume = createVolume("it-doomed", 128 * MIB);
        assertThat(((Number) client.getInstance(fc, false, false, null).getPropertyValue("RemainingManagedSpace"))
                .longValue()).isEqualTo(before - 128 * MIB);
        Calls.Answer gone = Calls.invoke(client, service("CIM_StorageConfigurationService"), "ReturnToStoragePool",
                Calls.ref("TheElement", volume));
        assertThat(gone.returnCode()).isZero();
        assertThatThrownBy(() -> client.getInstance(volume, false, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
        assertThat(((Number) client.getInstance(fc, false, false, null).getPropertyValue("RemainingManagedSpace"))
                .longValue()).isEqualTo(before);
    }
}
