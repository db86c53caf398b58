package org.cimforge.array;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cimforge.array.internal.Capacity;
import org.cimforge.array.internal.EngineCore;
import org.cimforge.array.internal.Jobs;
import org.cimforge.array.internal.PairMachine;
import org.cimforge.array.internal.PairOperations;
import org.cimforge.array.internal.TransitionRules;
import org.cimforge.array.internal.Tx;
import org.cimforge.array.model.Activity;
import org.cimforge.array.model.ActivityKind;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.ElementRef;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.Mode;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.PairPhase;
import org.cimforge.array.model.ReplicaType;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.ReturnCode;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.SyncType;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * Copy services of both method families: Copy Services (CreateReplica, AttachReplica, ModifySynchronization) and
 * Replication Services (CreateElementReplica, ModifyReplicaSynchronization), plus the 3PAR
 * UpdateDeltaSnapshotSpace extension. Both families act on the same pairs, so their state views always agree.
 */
public final class ReplicationServices {

  private static final int VENDOR_RANGE = 0x8000;

  private final EngineCore core;
  private final Capacity capacity;
  private final PairMachine machine;
  private final PairOperations operations;
  private final Jobs jobs;

  ReplicationServices(EngineCore core, Capacity capacity, PairMachine machine, PairOperations operations,
      Jobs jobs) {
    this.core = core;
    this.capacity = capacity;
    this.machine = machine;
    this.operations = operations;
    this.jobs = jobs;
  }

  // ---------------------------------------------------------------- creation

  /** Copy Services CreateReplica (or AttachReplica when the request names an existing target). */
  public Outcome<Replica> createReplica(ReplicaRequest request) {
    return core.write(tx -> {
      if (request.copyType() == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "CopyType: a copy type is required");
      }
      if (request.copyType() >= VENDOR_RANGE) {
        return Outcome.refused(ReturnCode.NOT_SUPPORTED, "CopyType: vendor-specific value "
            + request.copyType() + " is not supported");
      }
      CopyType copyType = CopyType.fromValue(request.copyType()).orElse(null);
      if (copyType == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "CopyType: " + request.copyType()
            + " is not a CopyType value (2 Async, 3 Sync, 4 UnSyncAssoc, 5 UnSyncUnAssoc)");
      }
      ReplicaType replicaType = ReplicaType.FULL_COPY;
      if (request.replicaType() != null) {
        replicaType = ReplicaType.fromValue(request.replicaType()).orElse(null);
        if (replicaType == null) {
          return Outcome.refused(ReturnCode.INVALID_PARAMETER, "ReplicaType: " + request.replicaType()
              + " is not a ReplicaType value");
        }
        if (replicaType == ReplicaType.NOT_SPECIFIED) {
          replicaType = ReplicaType.FULL_COPY;
        }
        if (replicaType == ReplicaType.BEFORE_DELTA || replicaType == ReplicaType.LOG) {
          return Outcome.refused(ReturnCode.NOT_SUPPORTED, "ReplicaType: " + replicaType.label()
              + " replicas are not supported; use Full Copy or After Delta");
        }
      }
      PairKind kind;
      SyncType syncType;
      Mode mode = Mode.SYNCHRONOUS;
      switch (copyType) {
        case SYNC, ASYNC -> {
          kind = PairKind.MIRROR;
          syncType = SyncType.MIRROR;
          mode = copyType == CopyType.SYNC ? Mode.SYNCHRONOUS : Mode.ASYNCHRONOUS;
        }
        case UNSYNC_ASSOC -> {
          kind = replicaType == ReplicaType.AFTER_DELTA ? PairKind.SNAPSHOT : PairKind.CLONE;
          syncType = kind == PairKind.SNAPSHOT ? SyncType.SNAPSHOT : SyncType.CLONE;
        }
        default -> {
          kind = PairKind.TRANSIENT_CLONE;
          syncType = SyncType.CLONE;
        }
      }
      if (replicaType == ReplicaType.AFTER_DELTA && kind != PairKind.SNAPSHOT) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "CopyType: After Delta (virtual) copies need"
            + " CopyType UnSyncAssoc, got " + copyType.label());
      }
      String method = request.targetElementId() != null ? "AttachReplica" : "CreateReplica";
      return create(tx, method, request.sourceId(), request.elementName(), request.targetElementId(),
          request.targetPoolId(), kind, syncType, copyType, replicaType, mode, null);
    });
  }

  /** Replication Services CreateElementReplica. */
  public Outcome<Replica> createElementReplica(ElementReplicaRequest request) {
    return core.write(tx -> {
      if (request.syncType() == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SyncType: a sync type is required");
      }
      if (request.syncType() >= VENDOR_RANGE) {
        return Outcome.refused(ReturnCode.NOT_SUPPORTED, "SyncType: vendor-specific value " + request.syncType()
            + " is not supported");
      }
      SyncType syncType = SyncType.fromValue(request.syncType()).orElse(null);
      if (syncType == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SyncType: " + request.syncType()
            + " is not a SyncType value (6 Mirror, 7 Snapshot, 8 Clone, 9 TokenizedClone)");
      }
      if (syncType == SyncType.TOKENIZED_CLONE) {
        return Outcome.refused(ReturnCode.NOT_SUPPORTED, "SyncType: TokenizedClone is not supported");
      }
      Mode mode = Mode.SYNCHRONOUS;
      if (request.mode() != null) {
        mode = Mode.fromValue(request.mode()).orElse(null);
        if (mode == null || mode == Mode.UNKNOWN || mode == Mode.ACTIVE) {
          return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Mode: " + request.mode()
              + " is not allowed here (2 Synchronous, 3 Asynchronous, 4 Adaptive)");
        }
        if (mode == Mode.ADAPTIVE && syncType != SyncType.MIRROR) {
          return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Mode: Adaptive applies to mirrors only");
        }
      }
      CopyState wait = null;
      if (request.waitForCopyState() != null) {
        wait = CopyState.fromValue(request.waitForCopyState()).orElse(null);
        Set<CopyState> allowed = switch (syncType) {
          case SNAPSHOT -> Set.of(CopyState.SYNCHRONIZED, CopyState.INACTIVE);
          case CLONE -> Set.of(CopyState.INITIALIZED, CopyState.UNSYNCHRONIZED, CopyState.SYNCHRONIZED,
              CopyState.INACTIVE);
          default -> Set.of(CopyState.INITIALIZED, CopyState.UNSYNCHRONIZED, CopyState.SYNCHRONIZED);
        };
        if (wait == null || !allowed.contains(wait)) {
          return Outcome.refused(ReturnCode.INVALID_PARAMETER, "WaitForCopyState: " + request.waitForCopyState()
              + " cannot be waited for when creating a " + syncType.label());
        }
      }
      PairKind kind;
      CopyType copyType;
      ReplicaType replicaType;
      switch (syncType) {
        case MIRROR -> {
          kind = PairKind.MIRROR;
          copyType = mode == Mode.SYNCHRONOUS ? CopyType.SYNC : CopyType.ASYNC;
          replicaType = ReplicaType.FULL_COPY;
        }
        case SNAPSHOT -> {
          kind = PairKind.SNAPSHOT;
          copyType = CopyType.UNSYNC_ASSOC;
          replicaType = ReplicaType.AFTER_DELTA;
        }
        default -> {
          kind = PairKind.CLONE;
          copyType = CopyType.UNSYNC_ASSOC;
          replicaType = ReplicaType.FULL_COPY;
        }
      }
      return create(tx, "CreateElementReplica", request.sourceId(), request.elementName(),
          request.targetElementId(), request.targetPoolId(), kind, syncType, copyType, replicaType, mode, wait);
    });
  }

  private Outcome<Replica> create(Tx tx, String method, String sourceId, String name, String targetId,
      String targetPoolId, PairKind kind, SyncType syncType, CopyType copyType, ReplicaType replicaType, Mode mode,
      CopyState wait) {
    if (sourceId == null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SourceElement: required");
    }
    Volume source = tx.state().volume(sourceId);
    if (source == null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SourceElement: no volume '" + sourceId + "'");
    }
    if (kind == PairKind.MIRROR && source.isSnapshot()) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SourceElement: snapshot " + sourceId
          + " cannot be the source of a mirror");
    }
    for (String pairId : tx.state().pairsOf(sourceId)) {
      Synchronization p = tx.state().pair(pairId);
      if (p.targetId().equals(sourceId) && (p.pairKind() == PairKind.MIRROR || p.phase().inProgress())) {
        return Outcome.refused(ReturnCode.IN_USE, "SourceElement: volume " + sourceId + " is the target of "
            + (p.pairKind() == PairKind.MIRROR ? "mirror " : "a running copy ") + p.id());
      }
    }
    if (targetId != null && targetPoolId != null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER,
          "TargetPool: must be NULL when TargetElement is supplied");
    }
    StoragePool pool = tx.state().pool(targetPoolId == null ? source.poolId() : targetPoolId);
    if (pool == null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TargetPool: no storage pool '" + targetPoolId + "'");
    }
    Volume target;
    if (targetId != null) {
      Outcome<Replica> bad = checkExistingTarget(tx, kind, source, targetId);
      if (bad != null) {
        return bad;
      }
      target = tx.state().volume(targetId);
    } else if (kind == PairKind.SNAPSHOT) {
      long delta = Capacity.roundUp(Math.max(1, (long) (source.sizeBytes() * core.config().snapshotDeltaFraction())),
          pool.extentBytes());
      if (delta > pool.freeBytes()) {
        return Outcome.refused(ReturnCode.FAILED, "TargetPool: pool " + pool.id() + " has " + pool.freeBytes()
            + " free bytes, the snapshot needs " + delta + " bytes of delta space");
      }
      target = capacity.createSnapshotVolume(tx, pool, source, name, delta);
    } else {
      long size = Capacity.roundUp(source.sizeBytes(), pool.extentBytes());
      if (size != source.sizeBytes()) {
        return Outcome.refused(ReturnCode.FAILED, "TargetPool: pool " + pool.id() + " allocates in extents of "
            + pool.extentBytes() + " bytes and cannot hold an exact copy of " + source.sizeBytes() + " bytes");
      }
      Outcome<Replica> noRoom = Capacity.checkRoom(pool, size, source.provisioning(), 0);
      if (noRoom != null) {
        return Outcome.refused(ReturnCode.FAILED, "TargetPool: not enough space for the target volume: "
            + noRoom.reason());
      }
      target = capacity.createVolume(tx, pool, name, source.blockSize(), size, source.provisioning(), source.lss());
    }
    Synchronization pair = tx.put(new Synchronization(core.newId("S"), source.id(), target.id(), syncType,
        copyType, replicaType, mode, PairPhase.INITIALIZED, null, CopyState.NOT_APPLICABLE, 0, tx.now(), null, null,
        null, null, null, null));
    Synchronization.Builder settled = pair.toBuilder();
    if (kind == PairKind.SNAPSHOT) {
      if (wait == CopyState.INACTIVE) {
        settled.phase(PairPhase.INACTIVE);
      } else {
        // A virtual copy is usable at once: the point in time is now.
        settled.phase(PairPhase.SYNCHRONIZED).percentSynced(100).whenActivated(tx.now()).whenSynced(tx.now());
      }
      return Outcome.done(new Replica(target, tx.put(settled.build())));
    }
    if (wait == CopyState.INACTIVE) {
      return Outcome.done(new Replica(target, tx.put(settled.phase(PairPhase.INACTIVE).build())));
    }
    if (wait == CopyState.INITIALIZED) {
      return Outcome.done(new Replica(target, pair));
    }
    pair = tx.put(settled.whenActivated(tx.now()).build());
    boolean reportNow = wait == CopyState.UNSYNCHRONIZED;
    Outcome<Synchronization> started = machine.transition(tx, pair, method, PairPhase.SYNCHRONIZING,
        PairPhase.SYNCHRONIZED, ActivityKind.COPY, source.sizeBytes(), 0, reportNow ? PairMachine.NO_JOB : null);
    Synchronization now = started.value().orElse(null);
    if (started.job().isPresent()) {
      return Outcome.started(new Replica(target, now), started.job().get());
    }
    return Outcome.done(new Replica(target, now));
  }

  private Outcome<Replica> checkExistingTarget(Tx tx, PairKind kind, Volume source, String targetId) {
    Volume target = tx.state().volume(targetId);
    if (target == null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TargetElement: no volume '" + targetId + "'");
    }
    if (kind == PairKind.SNAPSHOT) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER,
          "TargetElement: snapshots always get a new virtual target; leave TargetElement NULL");
    }
    if (target.id().equals(source.id())) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TargetElement: must differ from SourceElement");
    }
    if (target.isSnapshot()) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TargetElement: snapshot " + targetId
          + " cannot receive a full copy");
    }
    if (target.sizeBytes() != source.sizeBytes()) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TargetElement: size " + target.sizeBytes()
          + " differs from the source's " + source.sizeBytes());
    }
    if (!tx.state().pairsOf(targetId).isEmpty() || !tx.state().sessionsOf(targetId).isEmpty()) {
      return Outcome.refused(ReturnCode.IN_USE, "TargetElement: volume " + targetId
          + " already takes part in a replica relationship or copy session");
    }
    return null;
  }

  // ---------------------------------------------------------------- modification

  /** Copy Services ModifySynchronization with the raw Operation number. */
  public Outcome<Synchronization> modifySynchronization(int operation, String synchronizationId) {
    if (operation >= VENDOR_RANGE) {
      return Outcome.refused(ReturnCode.NOT_SUPPORTED, "Operation: vendor-specific value " + operation
          + " is not supported");
    }
    Optional<CopyServicesOperation> op = CopyServicesOperation.fromValue(operation);
    if (op.isEmpty()) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + operation
          + " is not a ModifySynchronization operation (2..13)");
    }
    return modifySynchronization(op.get(), synchronizationId);
  }

  /** Copy Services ModifySynchronization. */
  public Outcome<Synchronization> modifySynchronization(CopyServicesOperation op, String synchronizationId) {
    return core.write(tx -> {
      Synchronization pair = tx.state().pair(synchronizationId);
      if (pair == null) {
        return missingPair(synchronizationId);
      }
      Outcome<Synchronization> refusal = operations.check(op, pair);
      return refusal != null ? refusal : operations.apply(tx, op, pair, null);
    });
  }

  /** Replication Services ModifyReplicaSynchronization with the raw Operation number. */
  public Outcome<Synchronization> modifyReplicaSynchronization(int operation, String synchronizationId,
      boolean force) {
    if (operation >= VENDOR_RANGE) {
      return Outcome.refused(ReturnCode.NOT_SUPPORTED, "Operation: vendor-specific value " + operation
          + " is not supported");
    }
    Optional<ReplicationOperation> op = ReplicationOperation.fromValue(operation);
    if (op.isEmpty()) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + operation
          + " is not a ModifyReplicaSynchronization operation (2..27)");
    }
    return modifyReplicaSynchronization(op.get(), synchronizationId, force);
  }

  /** Replication Services ModifyReplicaSynchronization. */
  public Outcome<Synchronization> modifyReplicaSynchronization(ReplicationOperation op, String synchronizationId,
      boolean force) {
    return core.write(tx -> {
      Synchronization pair = tx.state().pair(synchronizationId);
      if (pair == null) {
        return missingPair(synchronizationId);
      }
      Outcome<Synchronization> refusal = operations.check(op, pair, force);
      return refusal != null ? refusal : operations.apply(tx, op, pair, force, null);
    });
  }

  private static Outcome<Synchronization> missingPair(String id) {
    // 3PAR answers a dangling Synchronization reference with 4 Failed.
    return Outcome.refused(ReturnCode.FAILED, "Synchronization: no relationship '" + id
        + "' (it may have been detached or completed)");
  }

  /**
   * 3PAR UpdateDeltaSnapshotSpace: grows the delta (copy-on-write) space of a snapshot volume to
   * {@code newSizeBytes}. Returns 32768 Volume does not exist for a missing or non-snapshot volume, 4 Failed when
   * the size would shrink or the pool lacks space, 0 when nothing changes, and 0x1000 with a job otherwise.
   */
  public Outcome<Volume> updateDeltaSnapshotSpace(String volumeId, long newSizeBytes) {
    return core.write(tx -> {
      Volume volume = tx.state().volume(volumeId);
      if (volume == null || !volume.isSnapshot()) {
        return Outcome.refused(ReturnCode.VOLUME_DOES_NOT_EXIST, "Volume does not exist: '" + volumeId
            + "' is " + (volume == null ? "not a volume" : "not a virtual copy snapshot"));
      }
      StoragePool pool = tx.state().pool(volume.poolId());
      long target = Capacity.roundUp(Math.max(0, newSizeBytes), pool.extentBytes());
      long pending = pendingDelta(tx, volumeId);
      if (pending > 0) {
        return Outcome.refused(ReturnCode.FAILED, "an UpdateDeltaSnapshotSpace job for " + volumeId
            + " is still running");
      }
      if (target == volume.deltaSpaceBytes()) {
        return Outcome.done(volume);
      }
      if (target < volume.deltaSpaceBytes()) {
        return Outcome.refused(ReturnCode.FAILED, "delta space can only grow: " + volumeId + " has "
            + volume.deltaSpaceBytes() + " bytes, " + target + " requested");
      }
      long growth = target - volume.deltaSpaceBytes();
      if (growth > pool.freeBytes()) {
        return Outcome.refused(ReturnCode.FAILED, "pool " + pool.id() + " has " + pool.freeBytes()
            + " free bytes, growing the delta space needs " + growth);
      }
      // Reserve now so nothing else can take the space; the volume shows it when the job completes.
      tx.put(pool.adjust(0, growth, 0, 0));
      Duration time = core.config().controlOperationTime();
      if (time.isZero()) {
        return Outcome.done(tx.put(volume.withDeltaSpace(target)));
      }
      Job job = jobs.start(tx, "UpdateDeltaSnapshotSpace", List.of(new ElementRef(EntityKind.VOLUME, volumeId)));
      tx.put(new Activity(core.newId("A"), ActivityKind.DELTA_SPACE, volumeId, "UpdateDeltaSnapshotSpace",
          tx.now(), tx.now().plus(time), 0, null, growth, job.id()));
      return Outcome.started(volume, job);
    });
  }

  private static long pendingDelta(Tx tx, String volumeId) {
    long sum = 0;
    for (Activity a : tx.state().<Activity>all(EntityKind.ACTIVITY)) {
      if (a.activityKind() == ActivityKind.DELTA_SPACE && a.subjectId().equals(volumeId)) {
        sum += a.amount();
      }
    }
    return sum;
  }

  // ---------------------------------------------------------------- reads

  /**
   * The Replication Services operations that a single pair of {@code kind} accepts, in ValueMap order; with a
   * CopyState, only those that may start from it. Operations that act on group synchronizations (AddSyncPair,
   * RemoveSyncPair, Activate / Deactivate Consistency) are left out. An operation that only needs the pair to be
   * idle is listed for every CopyState but Unsynchronized, the state of a running copy.
   */
  public List<ReplicationOperation> supportedOperations(PairKind kind, Optional<CopyState> from) {
    List<ReplicationOperation> result = new ArrayList<>();
    for (ReplicationOperation op : ReplicationOperation.values()) {
      TransitionRules.Rule rule = TransitionRules.of(op);
      if (rule == null || !rule.appliesTo(kind) || op == ReplicationOperation.ACTIVATE_CONSISTENCY
          || op == ReplicationOperation.DEACTIVATE_CONSISTENCY) {
        continue;
      }
      if (from.isEmpty() || rule.allows(kind, from.get().value(), from.get() == CopyState.UNSYNCHRONIZED)) {
        result.add(op);
      }
    }
    return result;
  }

  /** The relationship with {@code id}. */
  public Optional<Synchronization> synchronization(String id) {
    return core.read(() -> Optional.ofNullable(core.state().pair(id)));
  }

  /** All relationships. */
  public List<Synchronization> synchronizations() {
    return core.read(() -> new ArrayList<>(core.state().<Synchronization>all(EntityKind.SYNCHRONIZATION)));
  }

  /** Number of relationships. */
  public int synchronizationCount() {
    return core.read(() -> core.state().count(EntityKind.SYNCHRONIZATION));
  }

  /** Activities in progress (copies, control transitions, delta-space growth). */
  public List<Activity> activities() {
    return core.read(() -> new ArrayList<>(core.state().<Activity>all(EntityKind.ACTIVITY)));
  }
}
