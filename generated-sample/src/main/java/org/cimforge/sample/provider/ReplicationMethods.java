package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cimforge.array.ElementReplicaRequest;
import org.cimforge.array.Outcome;
import org.cimforge.array.Replica;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.PprcSession;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
import org.cimforge.sample.bindings.cim.LogicalElement;
import org.cimforge.sample.bindings.cim.ReplicationService.CreateElementReplicaArgs;
import org.cimforge.sample.bindings.cim.ReplicationService.CreateElementReplicaResult;
import org.cimforge.sample.bindings.cim.ReplicationService.GetAvailableTargetElementsArgs;
import org.cimforge.sample.bindings.cim.ReplicationService.GetAvailableTargetElementsResult;
import org.cimforge.sample.bindings.cim.ReplicationService.ModifyReplicaSynchronizationArgs;
import org.cimforge.sample.bindings.cim.ReplicationService.ModifyReplicaSynchronizationResult;

/**
 * The CIM_ReplicationService methods of one system (Replication Services, SMI-S 1.5+). Remote replication (access
 * points, connectivity collections) and adding targets to collections are not supported (1); ReplicationSettingData
 * is accepted and its content ignored, because the engine has one copy methodology per SyncType.
 */
public final class ReplicationMethods {
    private static final int NOT_SUPPORTED = 1;
    private static final int FAILED = 4;
    private static final int INVALID_PARAMETER = 5;
    private static final int SNAPSHOT = 7;

    private final ArrayContext ctx;

    /** Methods over the context's engine. */
    public ReplicationMethods(ArrayContext ctx) {
        this.ctx = ctx;
    }

    /** CreateElementReplica: mirror, snapshot or clone of a volume, into a new or an existing target. */
    public CreateElementReplicaResult createElementReplica(StorageSystem system, CimReference<?> service,
            CreateElementReplicaArgs args) {
        String method = "CreateElementReplica";
        CreateElementReplicaResult.Builder result = new CreateElementReplicaResult.Builder();
        String unsupported = args.getSourceAccessPoint() != null || args.getTargetAccessPoint() != null
                || args.getConnectivityCollection() != null ? "remote replication (access points) is not supported"
                : args.getCollections() != null && !args.getCollections().isEmpty()
                        ? "Collections: targets cannot be added to collections" : null;
        if (unsupported != null) {
            return result.returnValue(rc(ArrayContext.refusal(method, NOT_SUPPORTED, unsupported))).build();
        }
        String invalid = null;
        Volume source = ctx.directory().volumeFromPath(args.getSourceElement());
        Volume target = ctx.directory().volumeFromPath(args.getTargetElement());
        StoragePool pool = ctx.directory().poolFromPath(args.getTargetPool());
        if (args.getTargetSettingGoal() != null) {
            invalid = "TargetSettingGoal: this array serves no setting that could be a goal";
        } else if (args.getSourceElement() != null && !onSystem(source, system)) {
            invalid = "SourceElement: no volume " + args.getSourceElement() + " on " + system.id();
        } else if (args.getTargetElement() != null && !onSystem(target, system)) {
            invalid = "TargetElement: no volume " + args.getTargetElement() + " on " + system.id();
        } else if (args.getTargetPool() != null && (pool == null || !pool.systemId().equals(system.id()))) {
            invalid = "TargetPool: no pool " + args.getTargetPool() + " on " + system.id();
        }
        if (invalid != null) {
            return result.returnValue(rc(ArrayContext.refusal(method, INVALID_PARAMETER, invalid))).build();
        }
        Outcome<Replica> outcome = ctx.engine().replication().createElementReplica(new ElementReplicaRequest(
                source == null ? null : source.id(), args.getElementName(), Enums.number(args.getSyncTypeValue()),
                Enums.number(args.getModeValue()), target == null ? null : target.id(),
                pool == null ? null : pool.id(), args.getWaitForCopyState()));
        result.returnValue(rc(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(r -> {
            ctx.directory().remember(r.target());
            result.targetElement(ctx.names().volume(system, r.target()));
            Synchronization pair = r.synchronization();
            // A relationship that disappears with its copy is not returned: the path would soon dangle.
            if (pair != null && pair.pairKind() != PairKind.TRANSIENT_CLONE) {
                result.synchronization(ctx.instances().pairPath(pair));
            }
        });
        List<String> created = target == null ? outcome.value().map(r -> List.of(r.target().id())).orElse(List.of())
                : List.of();
        return result.job(ctx.job(outcome, method, system, service, created)).build();
    }

    /**
     * ModifyReplicaSynchronization on one relationship. SyncPair (group operations) needs a group synchronization,
     * which this model does not have, so it is refused with 5. WaitForCopyState is ignored: every operation ends in
     * its natural state.
     */
    public ModifyReplicaSynchronizationResult modifyReplicaSynchronization(StorageSystem system,
            CimReference<?> service, ModifyReplicaSynchronizationArgs args) {
        String method = "ModifyReplicaSynchronization";
        ModifyReplicaSynchronizationResult.Builder result = new ModifyReplicaSynchronizationResult.Builder();
        Integer operation = Enums.number(args.getOperationValue());
        if (operation == null) {
            return result.returnValue(rc2(ArrayContext.refusal(method, INVALID_PARAMETER, "Operation: required")))
                    .build();
        }
        if (args.getSyncPair() != null && !args.getSyncPair().isEmpty()) {
            return result.returnValue(rc2(ArrayContext.refusal(method, INVALID_PARAMETER,
                    "SyncPair: only group synchronizations take pairs, and this array has none"))).build();
        }
        Synchronization pair = ctx.directory().pairFromPath(args.getSynchronization());
        if (pair == null || !StorageConfigurationMethods.onSystem(ctx.directory().systemOf(pair), system)) {
            return result.returnValue(rc2(ArrayContext.refusal(method, args.getSynchronization() == null
                    ? INVALID_PARAMETER : FAILED, "Synchronization: no relationship " + args.getSynchronization()
                    + " on " + system.id()))).build();
        }
        Outcome<Synchronization> outcome = ctx.engine().replication().modifyReplicaSynchronization(operation,
                pair.id(), Boolean.TRUE.equals(args.getForce()));
        result.returnValue(rc2(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(after -> {
            if (!after.sourceId().equals(pair.sourceId())) {
                // Reverse Roles: the keys changed, so the relationship has a new path.
                result.updatedSynchronization(ctx.instances().pairPath(after));
            }
        });
        return result.job(ctx.job(outcome, method, system, service, List.of())).build();
    }

    /**
     * GetAvailableTargetElements: volumes of the system that could receive a full copy of the source (same size, not
     * a snapshot, in no relationship or copy session), optionally only from the given pools. A snapshot always gets a
     * new virtual target, so there are no candidates for SyncType Snapshot.
     */
    public GetAvailableTargetElementsResult getAvailableTargetElements(StorageSystem system,
            GetAvailableTargetElementsArgs args) {
        String method = "GetAvailableTargetElements";
        GetAvailableTargetElementsResult.Builder result = new GetAvailableTargetElementsResult.Builder();
        Volume source = ctx.directory().volumeFromPath(args.getSourceElement());
        Integer syncType = Enums.number(args.getSyncTypeValue());
        if (!onSystem(source, system) || syncType == null) {
            return result.returnValue(rc3(ArrayContext.refusal(method, INVALID_PARAMETER, source == null
                    ? "SourceElement: no volume " + args.getSourceElement() + " on " + system.id()
                    : "SyncType: required"))).build();
        }
        if (syncType == 9 || syncType >= 0x8000 || args.getTargetAccessPoint() != null) {
            return result.returnValue(rc3(ArrayContext.refusal(method, NOT_SUPPORTED,
                    "SyncType " + syncType + " or remote targets are not supported"))).build();
        }
        if (syncType < 6 || syncType > 8) {
            return result.returnValue(rc3(ArrayContext.refusal(method, INVALID_PARAMETER,
                    "SyncType: " + syncType + " is not 6 Mirror, 7 Snapshot or 8 Clone"))).build();
        }
        Set<String> pools = new HashSet<>();
        if (args.getTargetPools() != null) {
            for (CimReference<?> ref : args.getTargetPools()) {
                StoragePool pool = ctx.directory().poolFromPath(ref);
                if (pool == null || !pool.systemId().equals(system.id())) {
                    return result.returnValue(rc3(ArrayContext.refusal(method, INVALID_PARAMETER,
                            "TargetPools: no pool " + ref + " on " + system.id()))).build();
                }
                pools.add(pool.id());
            }
        }
        int max = args.getMaxElementCount() == null || args.getMaxElementCount() == 0 ? Integer.MAX_VALUE
                : args.getMaxElementCount();
        List<CimReference<LogicalElement>> candidates = new ArrayList<>();
        if (syncType != SNAPSHOT) {
            Set<String> busy = busyVolumes();
            for (Volume v : ctx.engine().storage().volumes()) {
                if (candidates.size() < max && v.systemId().equals(system.id()) && !v.id().equals(source.id())
                        && !v.isSnapshot() && v.sizeBytes() == source.sizeBytes() && !busy.contains(v.id())
                        && (pools.isEmpty() || pools.contains(v.poolId()))) {
                    candidates.add(ctx.names().volume(system, v).as(LogicalElement.class));
                }
            }
        }
        return result.returnValue(rc3(0)).candidates(candidates).build();
    }

    private Set<String> busyVolumes() {
        Set<String> busy = new HashSet<>();
        for (Synchronization pair : ctx.engine().replication().synchronizations()) {
            busy.add(pair.sourceId());
            busy.add(pair.targetId());
        }
        for (PprcSession session : ctx.engine().pprc().sessions()) {
            busy.addAll(session.volumeIds());
        }
        return busy;
    }

    private static boolean onSystem(Volume volume, StorageSystem system) {
        return volume != null && volume.systemId().equals(system.id());
    }

    private static EnumValue<CreateElementReplicaResult.ReturnCode> rc(long code) {
        return CreateElementReplicaResult.ReturnCode.lookup(code);
    }

    private static EnumValue<ModifyReplicaSynchronizationResult.ReturnCode> rc2(long code) {
        return ModifyReplicaSynchronizationResult.ReturnCode.lookup(code);
    }

    private static EnumValue<GetAvailableTargetElementsResult.ReturnCode> rc3(long code) {
        return GetAvailableTargetElementsResult.ReturnCode.lookup(code);
    }
}
