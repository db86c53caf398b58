package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.sample.bindings.cim.AllocatedFromStoragePool;
import org.cimforge.sample.bindings.cim.ElementCapabilities;
import org.cimforge.sample.bindings.cim.HostedService;
import org.cimforge.sample.bindings.cim.HostedStoragePool;
import org.cimforge.sample.bindings.cim.SystemDevice;
import org.cimforge.sample.bindings.cim.provider.AllocatedFromStoragePoolProvider;
import org.cimforge.sample.bindings.cim.provider.ElementCapabilitiesProvider;
import org.cimforge.sample.bindings.cim.provider.HostedServiceProvider;
import org.cimforge.sample.bindings.cim.provider.HostedStoragePoolProvider;
import org.cimforge.sample.bindings.cim.provider.SystemDeviceProvider;

/**
 * The associations of the Array and Block Services profiles that the MOF declares, computed from the engine on each
 * request (References and Associators are answered by the server from these enumerations), so elements created or
 * deleted at run time show up or disappear at once.
 */
public final class AssociationProviders {
    private AssociationProviders() {
    }

    /** CIM_HostedService: system → its storage configuration service and its replication service. */
    public static final class Hosted implements HostedServiceProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Hosted(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<HostedService> enumerateInstances(InvocationContext context) {
            List<HostedService> result = new ArrayList<>();
            for (StorageSystem s : ctx.engine().storage().systems()) {
                result.add(new HostedService.Builder().antecedent(ctx.names().system(s))
                        .dependent(ctx.names().configService(s)).inNamespace(ctx.names().namespace()).build());
                result.add(new HostedService.Builder().antecedent(ctx.names().system(s))
                        .dependent(ctx.names().replicationService(s)).inNamespace(ctx.names().namespace()).build());
            }
            return result;
        }
    }

    /** CIM_SystemDevice: system → each of its volumes. */
    public static final class Devices implements SystemDeviceProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Devices(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<SystemDevice> enumerateInstances(InvocationContext context) {
            List<SystemDevice> result = new ArrayList<>();
            for (Volume v : ctx.engine().storage().volumes()) {
                StorageSystem s = ctx.directory().system(v.systemId());
                result.add(new SystemDevice.Builder().groupComponent(ctx.names().system(s))
                        .partComponent(ctx.names().volume(s, v)).inNamespace(ctx.names().namespace()).build());
            }
            return result;
        }
    }

    /**
     * CIM_HostedStoragePool: system → each of its pools. As a CIM_SystemComponent subclass, its rows also answer
     * clients that walk the generic CIM_SystemComponent (so no separate SystemComponent rows, which would repeat them).
     */
    public static final class HostedPools implements HostedStoragePoolProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public HostedPools(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<HostedStoragePool> enumerateInstances(InvocationContext context) {
            List<HostedStoragePool> result = new ArrayList<>();
            for (StoragePool p : ctx.engine().storage().pools()) {
                StorageSystem s = ctx.directory().system(p.systemId());
                result.add(new HostedStoragePool.Builder().groupComponent(ctx.names().system(s))
                        .partComponent(ctx.names().pool(p)).inNamespace(ctx.names().namespace()).build());
            }
            return result;
        }
    }

    /** CIM_AllocatedFromStoragePool: pool → each volume in it, with the space it takes (delta space for a snapshot). */
    public static final class Allocated implements AllocatedFromStoragePoolProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Allocated(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<AllocatedFromStoragePool> enumerateInstances(InvocationContext context) {
            List<AllocatedFromStoragePool> result = new ArrayList<>();
            for (Volume v : ctx.engine().storage().volumes()) {
                StoragePool pool = ctx.engine().storage().pool(v.poolId()).orElse(null);
                if (pool == null) {
                    continue;
                }
                StorageSystem s = ctx.directory().system(v.systemId());
                long consumed = v.isSnapshot() ? v.deltaSpaceBytes() : v.allocatedBytes();
                result.add(new AllocatedFromStoragePool.Builder().antecedent(ctx.names().pool(pool))
                        .dependent(ctx.names().volume(s, v)).spaceConsumed(ArrayInstances.big(consumed))
                        .inNamespace(ctx.names().namespace()).build());
            }
            return result;
        }
    }

    /** CIM_ElementCapabilities: each service → its capabilities. */
    public static final class Capabilities implements ElementCapabilitiesProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Capabilities(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<ElementCapabilities> enumerateInstances(InvocationContext context) {
            List<ElementCapabilities> result = new ArrayList<>();
            for (StorageSystem s : ctx.engine().storage().systems()) {
                result.add(link(ctx.names().configService(s), ctx.names().configCapabilities(s)));
                for (int type : CapabilityProviders.SYNCHRONIZATION_TYPES) {
                    result.add(link(ctx.names().configService(s), ctx.names().copyCapabilities(s, type)));
                }
                result.add(link(ctx.names().replicationService(s), ctx.names().replicationCapabilities(s)));
            }
            return result;
        }

        private ElementCapabilities link(org.cimforge.runtime.CimReference<?> element,
                                         org.cimforge.runtime.CimReference<?> capabilities) {
            return new ElementCapabilities.Builder()
                    .managedElement(element.as(org.cimforge.sample.bindings.cim.ManagedElement.class))
                    .capabilities(capabilities.as(org.cimforge.sample.bindings.cim.Capabilities.class))
                    .inNamespace(ctx.names().namespace()).build();
        }
    }
}
