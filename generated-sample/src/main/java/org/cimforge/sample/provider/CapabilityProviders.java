package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities;
import org.cimforge.sample.bindings.cim.StorageConfigurationCapabilities;
import org.cimforge.sample.bindings.cim.StorageReplicationCapabilities;
import org.cimforge.sample.bindings.cim.provider.ReplicationServiceCapabilitiesProvider;
import org.cimforge.sample.bindings.cim.provider.StorageConfigurationCapabilitiesProvider;
import org.cimforge.sample.bindings.cim.provider.StorageReplicationCapabilitiesProvider;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * What the services of each system can do, as the engine implements it: pools and thick/thin volumes; mirrors
 * (sync/async), full copies, virtual copies and physical (UnSyncUnAssoc) copies; the Replication Services SyncTypes
 * Mirror, Snapshot and Clone, all local.
 */
public final class CapabilityProviders {
    /** StorageReplicationCapabilities.SupportedSynchronizationType values the engine implements. */
    static final int[] SYNCHRONIZATION_TYPES = {2, 3, 4, 5, 6};

    private CapabilityProviders() {
    }

    /** The capabilities of a storage configuration service. */
    static StorageConfigurationCapabilities configuration(ArrayContext ctx, StorageSystem system) {
        return new StorageConfigurationCapabilities.Builder()
                .instanceId(String.valueOf(ctx.names().configCapabilities(system).keyValue("InstanceID")))
                .elementName("Storage configuration capabilities of " + system.name())
                .supportedAsynchronousActions(Enums.list(
                        StorageConfigurationCapabilities.SupportedAsynchronousActions.class, 8, 9, 10))
                .supportedSynchronousActions(Enums.list(
                        StorageConfigurationCapabilities.SupportedSynchronousActions.class, 2, 3, 4, 5, 6, 7, 8, 9,
                        10))
                .supportedStorageElementTypes(Enums.list(
                        StorageConfigurationCapabilities.SupportedStorageElementTypes.class, 2, 5))
                .supportedStoragePoolFeatures(Enums.list(
                        StorageConfigurationCapabilities.SupportedStoragePoolFeatures.class, 6, 7))
                .supportedStorageElementFeatures(Enums.list(
                        StorageConfigurationCapabilities.SupportedStorageElementFeatures.class, 3, 5, 6, 12))
                .supportedCopyTypes(Enums.list(StorageConfigurationCapabilities.SupportedCopyTypes.class, 2, 3, 4, 5))
                .inNamespace(ctx.names().namespace())
                .build();
    }

    /** The Copy Services capabilities of one synchronization type. */
    static StorageReplicationCapabilities copy(ArrayContext ctx, StorageSystem system, int type) {
        int[] operations = switch (type) {
            case 2, 3 -> new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
            case 4, 5 -> new int[] {2, 4, 5, 8, 9, 12, 13};
            // A physical (UnSyncUnAssoc) copy's relationship lasts only while it copies; Stop Copy ends both.
            default -> new int[] {13};
        };
        int initial = switch (type) {
            case 2, 3 -> 4;
            case 5 -> 5;
            default -> 2;
        };
        int specialized = switch (type) {
            case 2, 3 -> 5;
            case 5 -> 7;
            default -> 6;
        };
        return new StorageReplicationCapabilities.Builder()
                .instanceId(String.valueOf(ctx.names().copyCapabilities(system, type).keyValue("InstanceID")))
                .elementName("Copy services capabilities (" + type + ") of " + system.name())
                .supportedSynchronizationType(Enums.of(
                        StorageReplicationCapabilities.SupportedSynchronizationType.class, type))
                .supportedAsynchronousActions(Enums.list(
                        StorageReplicationCapabilities.SupportedAsynchronousActions.class, 2, 4, 6))
                .supportedSynchronousActions(Enums.list(
                        StorageReplicationCapabilities.SupportedSynchronousActions.class, 2, 4, 6))
                .supportedModifyOperations(Enums.list(
                        StorageReplicationCapabilities.SupportedModifyOperations.class, operations))
                .initialReplicationState(Enums.of(StorageReplicationCapabilities.InitialReplicationState.class,
                        initial))
                .supportedSpecializedElements(Enums.list(
                        StorageReplicationCapabilities.SupportedSpecializedElements.class, specialized))
                .spaceReservationSupported(type == 5)
                .persistentReplicasSupported(true)
                .inNamespace(ctx.names().namespace())
                .build();
    }

    /** The Replication Services capabilities of a replication service. */
    static ReplicationServiceCapabilities replication(ArrayContext ctx, StorageSystem system) {
        return new ReplicationServiceCapabilities.Builder()
                .instanceId(String.valueOf(ctx.names().replicationCapabilities(system).keyValue("InstanceID")))
                .elementName("Replication service capabilities of " + system.name())
                .supportedReplicationTypes(Enums.list(ReplicationServiceCapabilities.SupportedReplicationTypes.class,
                        SupportedOperationsQuery.REPLICATION_TYPES))
                .supportedStorageObjects(Enums.list(ReplicationServiceCapabilities.SupportedStorageObjects.class, 2))
                .supportedAsynchronousActions(Enums.list(
                        ReplicationServiceCapabilities.SupportedAsynchronousActions.class, 2, 5))
                .supportedSynchronousActions(Enums.list(
                        ReplicationServiceCapabilities.SupportedSynchronousActions.class, 2, 5, 8))
                .inNamespace(ctx.names().namespace())
                .build();
    }

    /** CIM_StorageConfigurationCapabilities: one per system. */
    public static final class Configuration implements StorageConfigurationCapabilitiesProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Configuration(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<StorageConfigurationCapabilities> enumerateInstances(InvocationContext context) {
            return ctx.engine().storage().systems().stream().map(s -> configuration(ctx, s)).toList();
        }
    }

    /** CIM_StorageReplicationCapabilities: one per system and synchronization type. */
    public static final class Copy implements StorageReplicationCapabilitiesProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Copy(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<StorageReplicationCapabilities> enumerateInstances(InvocationContext context) {
            List<StorageReplicationCapabilities> result = new ArrayList<>();
            for (StorageSystem system : ctx.engine().storage().systems()) {
                for (int type : SYNCHRONIZATION_TYPES) {
                    result.add(copy(ctx, system, type));
                }
            }
            return result;
        }
    }

    /** CIM_ReplicationServiceCapabilities: one per system. */
    public static final class Replication implements ReplicationServiceCapabilitiesProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Replication(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<ReplicationServiceCapabilities> enumerateInstances(InvocationContext context) {
            return ctx.engine().storage().systems().stream().map(s -> replication(ctx, s)).toList();
        }

        @Override
        public ReplicationServiceCapabilities.GetSupportedOperationsResult getSupportedOperations(
                InvocationContext context, CimReference<? extends ReplicationServiceCapabilities> target,
                ReplicationServiceCapabilities.GetSupportedOperationsArgs args) throws WBEMException {
            boolean known = ctx.engine().storage().systems().stream()
                    .anyMatch(s -> String.valueOf(ctx.names().replicationCapabilities(s).keyValue("InstanceID"))
                            .equals(String.valueOf(target.keyValue("InstanceID"))));
            if (!known) {
                throw new WBEMException(ArrayContext.CIM_ERR_NOT_FOUND, "no " + target.path());
            }
            return SupportedOperationsQuery.answer(ctx.engine(), args);
        }
    }
}
