package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InvocationContext;
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
import org.metricshub.wbem.javax.cim.CIMProperty;

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

    /**
     * The names of one vendor's volumes, made from the engine's ids alone: EnumerateInstanceNames of 20,000 volumes
     * need not build 20,000 instances of some 40 properties only to take their paths.
     */
    private static List<CimReference<StorageVolume>> volumeNames(ArrayContext ctx, boolean essVolumes) {
        return perVolume(ctx, essVolumes, (v, system) -> ctx.names().volume(system, v));
    }

    /** One result per volume of one vendor's systems, in the engine's order. */
    private static <R> List<R> perVolume(ArrayContext ctx, boolean essVolumes,
            BiFunction<Volume, StorageSystem, R> each) {
        return streamPerVolume(ctx, essVolumes, each).toList();
    }

    /**
     * The same, made one at a time as the stream is read: the engine's volumes and systems are copied at once (so
     * the stream shows one moment of the array), the instances only when the server writes them, so an enumeration
     * of 20,000 volumes does not hold 20,000 instances.
     */
    private static <R> Stream<R> streamPerVolume(ArrayContext ctx, boolean essVolumes,
            BiFunction<Volume, StorageSystem, R> each) {
        Map<String, StorageSystem> systems = new HashMap<>();
        for (StorageSystem s : ctx.engine().storage().systems()) {
            if (ess(s) == essVolumes) {
                systems.put(s.id(), s);
            }
        }
        if (systems.isEmpty()) {
            return Stream.empty();
        }
        return ctx.engine().storage().volumes().stream()
                .filter(v -> systems.containsKey(v.systemId()))
                .map(v -> each.apply(v, systems.get(v.systemId())));
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

    /**
     * The instance a GetInstance path names, looked up directly rather than found by building every instance of the
     * class: {@code built} is null when the path names nothing, or something of the other vendor; the answer is null
     * too when a key of the path differs from the instance's (CreationClassName, for one).
     */
    private static <T extends CimInstanceBase> T ifSameKeys(T built, CimReference<?> asked) {
        if (built == null) {
            return null;
        }
        for (CIMProperty<?> key : built.reference().path().getKeys()) {
            Object mine = built.reference().keyValue(key.getName());
            Object theirs = asked.keyValue(key.getName());
            boolean same = mine instanceof String a && theirs instanceof String b ? a.equalsIgnoreCase(b)
                    : mine instanceof CimReference<?> || Objects.equals(mine, theirs);
            if (!same) {
                return null;
            }
        }
        return built;
    }

    /** The instance of the volume a path names when it is on a system of the wanted vendor, or null. */
    private static StorageVolume volume(ArrayContext ctx, CimReference<?> name, boolean essVolume) {
        Volume v = ctx.directory().volumeFromPath(name);
        StorageSystem system = v == null ? null : ctx.directory().system(v.systemId());
        return system != null && ess(system) == essVolume ? ctx.instances().volume(v, system) : null;
    }

    private static Synchronization pair(ArrayContext ctx, CimReference<?> name, boolean essPair) {
        Synchronization p = ctx.directory().pairFromPath(name);
        return p != null && ess(ctx.directory().systemOf(p)) == essPair ? p : null;
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

        /** See {@link ArrayContext#answersWithoutWaiting()}. */
        @Override
        public boolean nonBlocking() {
            return ctx.answersWithoutWaiting();
        }

        @Override
        public List<StoragePool> enumerateInstances(InvocationContext context) {
            return ctx.engine().storage().pools().stream().map(ctx.instances()::pool).toList();
        }

        @Override
        public StoragePool getInstance(InvocationContext context, CimReference<StoragePool> name) {
            org.cimforge.array.model.StoragePool pool = ctx.directory().poolFromPath(name);
            return ifSameKeys(pool == null ? null : ctx.instances().pool(pool), name);
        }
    }

    /** CIM_StorageVolume: the ESS volumes. */
    public static final class EssVolumes implements StorageVolumeProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public EssVolumes(ArrayContext ctx) {
            this.ctx = ctx;
        }

        /** See {@link ArrayContext#answersWithoutWaiting()}. */
        @Override
        public boolean nonBlocking() {
            return ctx.answersWithoutWaiting();
        }

        @Override
        public List<StorageVolume> enumerateInstances(InvocationContext context) {
            return streamInstances(context).toList();
        }

        @Override
        public Stream<StorageVolume> streamInstances(InvocationContext context) {
            return streamPerVolume(ctx, true, (v, system) -> ctx.instances().volume(v, system));
        }

        @Override
        public List<CimReference<StorageVolume>> enumerateInstanceNames(InvocationContext context) {
            return volumeNames(ctx, true);
        }

        @Override
        public StorageVolume getInstance(InvocationContext context, CimReference<StorageVolume> name) {
            return ifSameKeys(volume(ctx, name, true), name);
        }
    }

    /** TPD_StorageVolume: the 3PAR volumes (base volumes, physical copies and virtual copies). */
    public static final class TpdVolumes
            implements org.cimforge.sample.bindings.hp3par.provider.TpdStorageVolumeProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public TpdVolumes(ArrayContext ctx) {
            this.ctx = ctx;
        }

        /** See {@link ArrayContext#answersWithoutWaiting()}. */
        @Override
        public boolean nonBlocking() {
            return ctx.answersWithoutWaiting();
        }

        @Override
        public List<org.cimforge.sample.bindings.hp3par.TpdStorageVolume> enumerateInstances(InvocationContext context) {
            return streamInstances(context).toList();
        }

        @Override
        public Stream<org.cimforge.sample.bindings.hp3par.TpdStorageVolume> streamInstances(
                InvocationContext context) {
            return streamPerVolume(ctx, false, (v, system) -> ctx.instances().volume(v, system))
                    .map(v -> (org.cimforge.sample.bindings.hp3par.TpdStorageVolume) v);
        }

        @Override
        @SuppressWarnings("unchecked") // the paths name TPD_StorageVolume (ArrayNames.volumeInfo of a 3PAR system)
        public List<CimReference<org.cimforge.sample.bindings.hp3par.TpdStorageVolume>> enumerateInstanceNames(
                InvocationContext context) {
            return volumeNames(ctx, false).stream()
                    .map(r -> (CimReference<org.cimforge.sample.bindings.hp3par.TpdStorageVolume>) (CimReference<?>) r)
                    .toList();
        }

        @Override
        public org.cimforge.sample.bindings.hp3par.TpdStorageVolume getInstance(InvocationContext context,
                CimReference<org.cimforge.sample.bindings.hp3par.TpdStorageVolume> name) {
            return ifSameKeys((org.cimforge.sample.bindings.hp3par.TpdStorageVolume) volume(ctx, name, false), name);
        }
    }

    /** CIM_StorageSynchronized: the copy relationships whose source is on an ESS. */
    public static final class EssRelationships implements StorageSynchronizedProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public EssRelationships(ArrayContext ctx) {
            this.ctx = ctx;
        }

        /** See {@link ArrayContext#answersWithoutWaiting()}. */
        @Override
        public boolean nonBlocking() {
            return ctx.answersWithoutWaiting();
        }

        @Override
        public List<StorageSynchronized> enumerateInstances(InvocationContext context) {
            return pairs(ctx, true).stream().map(ctx.instances()::relationship).toList();
        }

        @Override
        public StorageSynchronized getInstance(InvocationContext context, CimReference<StorageSynchronized> name) {
            Synchronization p = pair(ctx, name, true);
            return ifSameKeys(p == null ? null : ctx.instances().relationship(p), name);
        }
    }

    /** TPD_StorageSynchronized: the copy relationships whose source is on a 3PAR. */
    public static final class TpdRelationships
            implements org.cimforge.sample.bindings.hp3par.provider.TpdStorageSynchronizedProvider {
        private final ArrayContext ctx;

        /** Over the context's engine. */
        public TpdRelationships(ArrayContext ctx) {
            this.ctx = ctx;
        }

        /** See {@link ArrayContext#answersWithoutWaiting()}. */
        @Override
        public boolean nonBlocking() {
            return ctx.answersWithoutWaiting();
        }

        @Override
        public List<org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized> enumerateInstances(
                InvocationContext context) {
            return pairs(ctx, false).stream()
                    .map(p -> (org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized) ctx.instances().relationship(p))
                    .toList();
        }

        @Override
        public org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized getInstance(InvocationContext context,
                CimReference<org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized> name) {
            Synchronization p = pair(ctx, name, false);
            return ifSameKeys(p == null ? null
                    : (org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized) ctx.instances().relationship(p), name);
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
