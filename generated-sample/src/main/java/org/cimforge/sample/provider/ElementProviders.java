package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.InvocationContext;
import org.cimforge.sample.bindings.cim.ComputerSystem;
import org.cimforge.sample.bindings.cim.ReplicationGroup;
import org.cimforge.sample.bindings.cim.StoragePool;
import org.cimforge.sample.bindings.cim.StorageSynchronized;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.provider.ComputerSystemProvider;
import org.cimforge.sample.bindings.cim.provider.ReplicationGroupProvider;
import org.cimforge.sample.bindings.cim.provider.StoragePoolProvider;
import org.cimforge.sample.bindings.cim.provider.StorageSynchronizedProvider;
import org.cimforge.sample.bindings.cim.provider.StorageVolumeProvider;

/**
 * Instance providers of the array's elements. Each serves exactly the instances of its own class (a DMTF class for
 * the ESS, the TPD_ subclass for the 3PAR), because the server gathers a class's instances from its providers and
 * those of its subclasses.
 */
public final class ElementProviders {
    private ElementProviders() {
    }

    private static boolean ess(StorageSystem system) {
        return ArrayNames.isEss(system);
    }

    private static List<StorageSystem> systems(ArrayContext ctx, Predicate<StorageSystem> which) {
        return ctx.engine().storage().systems().stream().filter(which).toList();
    }

    private static List<Volume> volumes(ArrayContext ctx, boolean essVolumes) {
        List<Volume> result = new ArrayList<>();
        for (Volume v : ctx.engine().storage().volumes()) {
            if (ess(ctx.directory().system(v.systemId())) == essVolumes) {
                result.add(v);
            }
        }
        return result;
    }

    private static List<Synchronization> pairs(ArrayContext ctx, boolean essPairs) {
        List<Synchronization> result = new ArrayList<>();
        for (Synchronization p : ctx.engine().replication().synchronizations()) {
            if (ess(ctx.directory().systemOf(p)) == essPairs) {
                result.add(p);
            }
        }
        return result;
    }

    /** CIM_ComputerSystem: the ESS systems. */
    public static final class EssSystems implements ComputerSystemProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public EssSystems(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<ComputerSystem> enumerateInstances(InvocationContext context) {
            return systems(ctx, ElementProviders::ess).stream().map(ctx.instances()::system).toList();
        }
    }

    /** TPD_StorageSystem: the 3PAR systems. */
    public static final class TpdSystems
            implements org.cimforge.sample.bindings.hp3par.provider.StorageSystemProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public TpdSystems(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<org.cimforge.sample.bindings.hp3par.StorageSystem> enumerateInstances(InvocationContext context) {
            return systems(ctx, s -> !ess(s)).stream()
                    .map(s -> (org.cimforge.sample.bindings.hp3par.StorageSystem) ctx.instances().system(s)).toList();
        }
    }

    /** CIM_StoragePool: every pool. */
    public static final class Pools implements StoragePoolProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Pools(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<StoragePool> enumerateInstances(InvocationContext context) {
            return ctx.engine().storage().pools().stream().map(ctx.instances()::pool).toList();
        }
    }

    /** CIM_StorageVolume: the ESS volumes. */
    public static final class EssVolumes implements StorageVolumeProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public EssVolumes(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<StorageVolume> enumerateInstances(InvocationContext context) {
            return volumes(ctx, true).stream().map(ctx.instances()::volume).toList();
        }
    }

    /** TPD_StorageVolume: the 3PAR volumes (base volumes, physical copies and virtual copies). */
    public static final class TpdVolumes
            implements org.cimforge.sample.bindings.hp3par.provider.StorageVolumeProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public TpdVolumes(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<org.cimforge.sample.bindings.hp3par.StorageVolume> enumerateInstances(InvocationContext context) {
            return volumes(ctx, false).stream()
                    .map(v -> (org.cimforge.sample.bindings.hp3par.StorageVolume) ctx.instances().volume(v)).toList();
        }
    }

    /** CIM_StorageSynchronized: the copy relationships whose source is on an ESS. */
    public static final class EssRelationships implements StorageSynchronizedProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public EssRelationships(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<StorageSynchronized> enumerateInstances(InvocationContext context) {
            return pairs(ctx, true).stream().map(ctx.instances()::relationship).toList();
        }
    }

    /** TPD_StorageSynchronized: the copy relationships whose source is on a 3PAR. */
    public static final class TpdRelationships
            implements org.cimforge.sample.bindings.hp3par.provider.StorageSynchronizedProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public TpdRelationships(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<org.cimforge.sample.bindings.hp3par.StorageSynchronized> enumerateInstances(
                InvocationContext context) {
            return pairs(ctx, false).stream()
                    .map(p -> (org.cimforge.sample.bindings.hp3par.StorageSynchronized) ctx.instances().relationship(p))
                    .toList();
        }
    }

    /** CIM_ReplicationGroup: consistency sets, synchronized sets and ESS copy sessions. */
    public static final class Groups implements ReplicationGroupProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public Groups(ArrayContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<ReplicationGroup> enumerateInstances(InvocationContext context) {
            List<ReplicationGroup> result = new ArrayList<>();
            ctx.engine().sets().sets().forEach(g -> result.add(ctx.instances().group(g)));
            ctx.engine().pprc().sessions().forEach(s -> result.add(ctx.instances().session(s)));
            return result;
        }
    }
}
