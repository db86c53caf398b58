package org.cimforge.sample.provider;

import java.math.BigInteger;
import java.util.List;
import org.cimforge.array.model.AsyncPprcState;
import org.cimforge.array.model.GroupKind;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.PprcSession;
import org.cimforge.array.model.Provisioning;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.cim.ComputerSystem;
import org.cimforge.sample.bindings.cim.EnabledLogicalElement.EnabledState;
import org.cimforge.sample.bindings.cim.ManagedSystemElement.OperationalStatus;
import org.cimforge.sample.bindings.cim.ReplicationGroup;
import org.cimforge.sample.bindings.cim.ReplicationService;
import org.cimforge.sample.bindings.cim.StorageConfigurationService;
import org.cimforge.sample.bindings.cim.StorageSynchronized;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.Synchronized;
import org.cimforge.sample.bindings.ibm.AsyncPprcService;

/**
 * Builds the CIM view of engine objects: systems, pools, volumes, services, relationships and replication groups,
 * each under the most specific class the MOF has for its vendor. Pure: the same engine object always gives the same
 * instance, so a modification indication can compare two of them.
 */
public final class ArrayInstances {
    private final ArrayDirectory directory;
    private final ArrayNames names;
    private final String namespace;

    /** Instances for the objects {@code directory} finds. */
    public ArrayInstances(ArrayDirectory directory) {
        this.directory = directory;
        this.names = directory.names();
        this.namespace = names.namespace();
    }

    /** The directory used to resolve systems. */
    public ArrayDirectory directory() {
        return directory;
    }

    /** A storage system: TPD_StorageSystem for a 3PAR, CIM_ComputerSystem for an ESS. */
    public ComputerSystem system(StorageSystem system) {
        ComputerSystem.AbstractBuilder<?, ? extends ComputerSystem> b = ArrayNames.isEss(system)
                ? new ComputerSystem.Builder() : new org.cimforge.sample.bindings.hp3par.StorageSystem.Builder();
        b.creationClassName(ArrayNames.systemClass(system))
                .name(system.id())
                .elementName(system.name())
                .nameFormat("Other")
                .dedicated(Enums.list(ComputerSystem.Dedicated.class, 3, 15))
                .operationalStatus(Enums.list(OperationalStatus.class, 2))
                .enabledState(Enums.of(EnabledState.class, 2));
        if (ArrayNames.isEss(system)) {
            b.otherIdentifyingInfo(List.of(system.essId())).identifyingDescriptions(List.of("ESSID"));
        }
        return b.inNamespace(namespace).build();
    }

    /** A storage pool (CIM_StoragePool; the MOF has no vendor pool class). */
    public org.cimforge.sample.bindings.cim.StoragePool pool(StoragePool pool) {
        return new org.cimforge.sample.bindings.cim.StoragePool.Builder()
                .instanceId(ArrayNames.poolInstanceId(pool.id()))
                .poolId(pool.id())
                .elementName(pool.name())
                .primordial(false)
                .totalManagedSpace(big(pool.totalBytes()))
                .remainingManagedSpace(big(pool.freeBytes()))
                .reservedSpace(big(pool.reservedBytes()))
                .capacity(big(pool.totalBytes()))
                .currentlyConsumedResource(big(pool.consumedBytes()))
                .operationalStatus(Enums.list(OperationalStatus.class, 2))
                .inNamespace(namespace)
                .build();
    }

    /** A volume: TPD_StorageVolume on a 3PAR, CIM_StorageVolume on an ESS. */
    public StorageVolume volume(Volume volume) {
        return volume(volume, directory.system(volume.systemId()));
    }

    /** A volume of {@code system} (the caller has looked the system up already). */
    public StorageVolume volume(Volume volume, StorageSystem system) {
        StorageVolume.AbstractBuilder<?, ? extends StorageVolume> b = ArrayNames.isEss(system)
                ? new StorageVolume.Builder() : new org.cimforge.sample.bindings.hp3par.TpdStorageVolume.Builder();
        b.systemCreationClassName(ArrayNames.systemClass(system))
                .systemName(system.id())
                .creationClassName(ArrayNames.volumeInfo(system).name())
                .deviceId(volume.id())
                .elementName(volume.name())
                .name(volume.id())
                .blockSize(big(volume.blockSize()))
                .numberOfBlocks(big(volume.numberOfBlocks()))
                .consumableBlocks(big(volume.consumableBlocks()))
                .thinlyProvisioned(volume.provisioning() == Provisioning.THIN)
                .primordial(false)
                .operationalStatus(Enums.list(OperationalStatus.class, 2))
                .enabledState(Enums.of(EnabledState.class, 2));
        if (volume.isSnapshot()) {
            b.description("Virtual copy of " + volume.snapshotOf() + " with " + volume.deltaSpaceBytes()
                    + " bytes of delta space");
        }
        if (volume.lss() != null) {
            b.otherIdentifyingInfo(List.of(volume.lss())).identifyingDescriptions(List.of("LSS"));
        }
        return b.inNamespace(namespace).build();
    }

    /** The storage configuration service of a system (TPD_ or IBMTSESS_AsyncPPRCService). */
    public StorageConfigurationService configService(StorageSystem system) {
        StorageConfigurationService.AbstractBuilder<?, ? extends StorageConfigurationService> b =
                ArrayNames.isEss(system) ? new AsyncPprcService.Builder()
                        : new org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService.Builder();
        b.systemCreationClassName(ArrayNames.systemClass(system))
                .systemName(system.id())
                .creationClassName(ArrayNames.configServiceInfo(system).name())
                .name(ArrayNames.configServiceName(system))
                .elementName(ArrayNames.isEss(system) ? "ESS storage configuration and asynchronous PPRC service"
                        : "3PAR storage configuration service")
                .started(true)
                .operationalStatus(Enums.list(OperationalStatus.class, 2))
                .enabledState(Enums.of(EnabledState.class, 2));
        return b.inNamespace(namespace).build();
    }

    /** The replication service of a system. */
    public ReplicationService replicationService(StorageSystem system) {
        return new ReplicationService.Builder()
                .systemCreationClassName(ArrayNames.systemClass(system))
                .systemName(system.id())
                .creationClassName(ReplicationService.CLASS_INFO.name())
                .name("ReplicationService")
                .elementName("Replication service of " + system.name())
                .started(true)
                .operationalStatus(Enums.list(OperationalStatus.class, 2))
                .enabledState(Enums.of(EnabledState.class, 2))
                .inNamespace(namespace)
                .build();
    }

    /** Path of the relationship (its two volume keys, under the vendor's association class). */
    public CimReference<StorageSynchronized> pairPath(Synchronization pair) {
        return CimReference.of(relationship(pair).toCimInstance().getObjectPath());
    }

    /**
     * A copy relationship with both views of its state. A 3PAR physical copy (UnSyncUnAssoc) reports SyncMaintained
     * TRUE while it copies, as the 3PAR CIM API documents; otherwise SyncMaintained is TRUE only for a mirror in sync.
     */
    public StorageSynchronized relationship(Synchronization pair) {
        StorageSystem system = directory.systemOf(pair);
        boolean tpd = !ArrayNames.isEss(system);
        StorageSynchronized.AbstractBuilder<?, ? extends StorageSynchronized> b = tpd
                ? new org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized.Builder()
                : new StorageSynchronized.Builder();
        boolean maintained = pair.syncMaintained() || (tpd && pair.pairKind() == PairKind.TRANSIENT_CLONE);
        b.systemElement(directory.volumePath(pair.sourceId()))
                .syncedElement(directory.volumePath(pair.targetId()))
                .copyType(Enums.of(StorageSynchronized.CopyType.class, pair.copyType().value()))
                .replicaType(Enums.of(StorageSynchronized.ReplicaType.class, pair.replicaType().value()))
                .syncState(Enums.of(StorageSynchronized.SyncState.class, pair.syncState().value()))
                .syncMaintained(maintained)
                .whenSynced(Enums.time(pair.whenSynced()))
                .syncType(Enums.of(Synchronized.SyncType.class, pair.syncType().value()))
                .mode(Enums.of(Synchronized.Mode.class, pair.mode().value()))
                .copyState(Enums.of(Synchronized.CopyState.class, pair.copyState().value()))
                .progressStatus(Enums.of(Synchronized.ProgressStatus.class, pair.progressStatus().value()))
                .requestedCopyState(pair.requestedCopyState().value())
                .percentSynced(pair.percentSynced())
                .whenEstablished(Enums.time(pair.whenEstablished()))
                .whenActivated(Enums.time(pair.whenActivated()))
                .whenDeactivated(Enums.time(pair.whenDeactivated()))
                .whenSuspended(Enums.time(pair.whenSuspended()))
                .whenSynchronized(Enums.time(pair.whenSynced()));
        return b.inNamespace(namespace).build();
    }

    /** A consistency set or synchronized set as a replication group. */
    public ReplicationGroup group(ReplicaGroup group) {
        boolean consistency = group.groupKind() == GroupKind.CONSISTENCY_SET;
        return new ReplicationGroup.Builder()
                .instanceId(ArrayNames.groupInstanceId(group.id()))
                .elementName(group.name())
                .description((consistency ? "Consistency set of " + group.members().size() + " volume(s)"
                        : "Synchronized set of " + group.members().size() + " relationship(s)")
                        + (group.copyType() == null ? "" : ", CopyType " + group.copyType().label()))
                .consistentPointInTime(consistency || group.consistencyActive())
                .inNamespace(namespace)
                .build();
    }

    /** An ESS copy session as a replication group whose members are kept consistent together. */
    public ReplicationGroup session(PprcSession session) {
        return new ReplicationGroup.Builder()
                .instanceId(ArrayNames.groupInstanceId(session.id()))
                .elementName(session.sessionType().label() + " session " + session.number() + " on " + session.lss())
                .description("ESS copy session with " + session.volumeIds().size() + " volume(s); asynchronous PPRC "
                        + asyncStateLabel(session.asyncState()))
                .consistentPointInTime(true)
                .supportedSyncTypes(Enums.list(ReplicationGroup.SupportedSyncTypes.class, 6))
                .inNamespace(namespace)
                .build();
    }

    /** The Values label of an async PPRC state, as the inferred query parameters number them. */
    static String asyncStateLabel(AsyncPprcState state) {
        return switch (state) {
            case NOT_STARTED -> "not started";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case TERMINATED -> "terminated";
        };
    }

    static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
