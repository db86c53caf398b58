package org.cimforge.sample.provider;

import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimClassInfo;
import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.cim.ComputerSystem;
import org.cimforge.sample.bindings.cim.ReplicationGroup;
import org.cimforge.sample.bindings.cim.ReplicationService;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities;
import org.cimforge.sample.bindings.cim.StorageConfigurationCapabilities;
import org.cimforge.sample.bindings.cim.StorageConfigurationService;
import org.cimforge.sample.bindings.cim.StorageReplicationCapabilities;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.ibm.AsyncPprcService;

/**
 * The key formats of every instance the sample serves, derived from engine ids so that a path stays valid as long
 * as the engine object exists (and across restarts with a data directory). A system with an ESSID is an IBM ESS; any
 * other system is an HP 3PAR InServ, whose volumes, jobs and copy relationships use the TPD_ subclasses.
 */
public final class ArrayNames {
    /** The {@code <OrgID>} part of InstanceIDs and job ids. */
    public static final String ORG = "CIMForge";

    private final String namespace;

    /** Names paths in {@code namespace}. */
    public ArrayNames(String namespace) {
        this.namespace = namespace;
    }

    /** The namespace every path carries. */
    public String namespace() {
        return namespace;
    }

    /** True for an IBM ESS (a system that has an ESSID). */
    public static boolean isEss(StorageSystem system) {
        return system != null && system.essId() != null;
    }

    /** Class of a system. */
    public static CimClassInfo systemInfo(StorageSystem system) {
        return isEss(system) ? ComputerSystem.CLASS_INFO : org.cimforge.sample.bindings.hp3par.StorageSystem.CLASS_INFO;
    }

    /** CreationClassName of a system. */
    public static String systemClass(StorageSystem system) {
        return systemInfo(system).name();
    }

    /** Class of the volumes of a system. */
    public static CimClassInfo volumeInfo(StorageSystem system) {
        return isEss(system) ? StorageVolume.CLASS_INFO : org.cimforge.sample.bindings.hp3par.TpdStorageVolume.CLASS_INFO;
    }

    /** Class of the storage configuration service of a system. */
    public static CimClassInfo configServiceInfo(StorageSystem system) {
        return isEss(system) ? AsyncPprcService.CLASS_INFO
                : org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService.CLASS_INFO;
    }

    /** Class of the copy relationships whose source lives on a system. */
    public static String synchronizedClass(StorageSystem system) {
        return isEss(system) ? org.cimforge.sample.bindings.cim.StorageSynchronized.CLASS_INFO.name()
                : org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized.CLASS_INFO.name();
    }

    /** Class of the jobs the services of a system start. */
    public static String jobClass(StorageSystem system) {
        return isEss(system) ? org.cimforge.sample.bindings.cim.ConcreteJob.CLASS_INFO.name()
                : org.cimforge.sample.bindings.hp3par.TpdConcreteJob.CLASS_INFO.name();
    }

    /** Class of the modification indications of those jobs. */
    public static String jobModificationClass(StorageSystem system) {
        return isEss(system) ? "CIM_InstModification"
                : org.cimforge.sample.bindings.hp3par.ConcreteJobInstModification.CLASS_INFO.name();
    }

    /** Path of a system: Name is the engine's system id. */
    public CimReference<ComputerSystem> system(StorageSystem system) {
        return CimReference.ofKeys(systemInfo(system), namespace, "CreationClassName", systemClass(system),
                "Name", system.id());
    }

    /** Path of a pool: InstanceID {@code CIMForge:<pool id>}. */
    public CimReference<org.cimforge.sample.bindings.cim.StoragePool> pool(StoragePool pool) {
        return new org.cimforge.sample.bindings.cim.StoragePool.Keys(poolInstanceId(pool.id())).toReference(namespace);
    }

    /** InstanceID of a pool. */
    public static String poolInstanceId(String poolId) {
        return ORG + ":" + poolId;
    }

    /** Path of a volume: DeviceID is the engine's volume id, scoped by its system. */
    public CimReference<StorageVolume> volume(StorageSystem system, Volume volume) {
        return volume(system, volume.id());
    }

    /** Path of the volume with this id on a system. */
    public CimReference<StorageVolume> volume(StorageSystem system, String volumeId) {
        CimClassInfo info = volumeInfo(system);
        return CimReference.ofKeys(info, namespace, "SystemCreationClassName", systemClass(system), "SystemName",
                system.id(), "CreationClassName", info.name(), "DeviceID", volumeId);
    }

    /** Path of the storage configuration service of a system. */
    public CimReference<StorageConfigurationService> configService(StorageSystem system) {
        CimClassInfo info = configServiceInfo(system);
        return CimReference.ofKeys(info, namespace, "SystemCreationClassName", systemClass(system), "SystemName",
                system.id(), "CreationClassName", info.name(), "Name", configServiceName(system));
    }

    /** Name key of the storage configuration service of a system. */
    public static String configServiceName(StorageSystem system) {
        return isEss(system) ? "AsyncPPRCService" : "StorageConfigurationService";
    }

    /** Path of the replication service of a system. */
    public CimReference<ReplicationService> replicationService(StorageSystem system) {
        return new ReplicationService.Keys("ReplicationService", systemClass(system), system.id(),
                ReplicationService.CLASS_INFO.name()).toReference(namespace);
    }

    /** Path of the storage configuration capabilities of a system. */
    public CimReference<StorageConfigurationCapabilities> configCapabilities(StorageSystem system) {
        return new StorageConfigurationCapabilities.Keys(ORG + ":" + system.id() + ":StorageConfigurationCapabilities")
                .toReference(namespace);
    }

    /** Path of the replication service capabilities of a system. */
    public CimReference<ReplicationServiceCapabilities> replicationCapabilities(StorageSystem system) {
        return new ReplicationServiceCapabilities.Keys(ORG + ":" + system.id() + ":ReplicationServiceCapabilities")
                .toReference(namespace);
    }

    /** Path of the copy services capabilities of one synchronization type (its SupportedSynchronizationType). */
    public CimReference<StorageReplicationCapabilities> copyCapabilities(StorageSystem system, int synchronizationType) {
        return new StorageReplicationCapabilities.Keys(ORG + ":" + system.id() + ":StorageReplicationCapabilities:"
                + synchronizationType).toReference(namespace);
    }

    /** Path of a replication group (a consistency set, a synchronized set or an ESS session). */
    public CimReference<ReplicationGroup> group(String engineId) {
        return new ReplicationGroup.Keys(groupInstanceId(engineId)).toReference(namespace);
    }

    /** InstanceID of a replication group. */
    public static String groupInstanceId(String engineId) {
        return ORG + ":" + engineId;
    }

    /** Job InstanceID of an engine job: stable, so a restarted provider serves the same job under the same path. */
    public static String jobInstanceId(String engineJobId) {
        return ORG + ":" + engineJobId;
    }
}
