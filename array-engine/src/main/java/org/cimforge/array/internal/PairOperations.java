package org.cimforge.array.internal;

import org.cimforge.array.Outcome;
import org.cimforge.array.model.Activity;
import org.cimforge.array.model.ActivityKind;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.JobState;
import org.cimforge.array.model.Mode;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.PairPhase;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.ReplicaType;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.ReturnCode;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.SyncType;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * Applies ModifySynchronization and ModifyReplicaSynchronization operations to one pair. Every operation first
 * passes {@link #check}: 5 Invalid Parameter when it does not apply to the pair's kind, 6 In Use while another
 * operation on the pair runs, 4 Failed when the pair's current state does not allow it. Only then does it change
 * anything.
 */
public final class PairOperations {

  private final EngineCore core;
  private final PairMachine machine;
  private final Capacity capacity;

  public PairOperations(EngineCore core, PairMachine machine, Capacity capacity) {
    this.core = core;
    this.machine = machine;
    this.capacity = capacity;
  }

  /** Refusal for {@code op} on {@code pair}, or null when it may proceed. */
  public Outcome<Synchronization> check(CopyServicesOperation op, Synchronization pair) {
    TransitionRules.Rule rule = TransitionRules.of(op);
    PairKind kind = pair.pairKind();
    if (rule.appliesTo(kind)) {
      if (op == CopyServicesOperation.RESET_TO_SYNC && pair.copyType() != CopyType.ASYNC
          || op == CopyServicesOperation.RESET_TO_ASYNC && pair.copyType() != CopyType.SYNC) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + op.label()
            + " does not apply to a pair with CopyType " + pair.copyType().label());
      }
    }
    return check(rule, op.label(), pair, pair.syncState().value(), "SyncState " + pair.syncState().label(), false);
  }

  /** Refusal for {@code op} on {@code pair}, or null when it may proceed. */
  public Outcome<Synchronization> check(ReplicationOperation op, Synchronization pair, boolean force) {
    TransitionRules.Rule rule = TransitionRules.of(op);
    if (rule == null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + op.label()
          + " acts on a group synchronization; use the group operations with SyncPair");
    }
    boolean forceable = force && (op == ReplicationOperation.DETACH || op == ReplicationOperation.DISSOLVE);
    return check(rule, op.label(), pair, pair.copyState().value(), "CopyState " + pair.copyState().label(),
        forceable);
  }

  private Outcome<Synchronization> check(TransitionRules.Rule rule, String opLabel, Synchronization pair,
      int state, String stateText, boolean forceable) {
    PairKind kind = pair.pairKind();
    if (!rule.appliesTo(kind)) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + opLabel + " does not apply to "
          + describe(pair));
    }
    boolean busy = pair.phase().inProgress();
    if (busy && !forceable) {
      boolean copying = isCopying(pair);
      if (!(rule.mayInterruptCopy() && copying)) {
        return Outcome.refused(ReturnCode.IN_USE, "Synchronization: " + pair.id() + " is busy ("
            + pair.progressStatus().label() + ", job " + jobOf(pair) + "); retry when it completes"
            + (opIsDetachLike(opLabel) ? " or pass Force" : ""));
      }
    }
    if (!forceable && !rule.allows(kind, state, busy)) {
      return Outcome.refused(ReturnCode.FAILED, opLabel + " is not allowed for " + describe(pair) + " in "
          + stateText);
    }
    return null;
  }

  private static boolean opIsDetachLike(String label) {
    return label.equals("Detach") || label.equals("Dissolve");
  }

  private boolean isCopying(Synchronization pair) {
    Activity activity = core.state().activity(pair.activityId());
    return activity != null && activity.activityKind() == ActivityKind.COPY;
  }

  private String jobOf(Synchronization pair) {
    Activity activity = core.state().activity(pair.activityId());
    return activity == null ? "none" : activity.jobId();
  }

  private static String describe(Synchronization pair) {
    return "pair " + pair.id() + " (SyncType " + pair.syncType().label() + ", CopyType " + pair.copyType().label()
        + ", ReplicaType " + pair.replicaType().label() + ")";
  }

  /** Applies a checked Copy Services operation. */
  public Outcome<Synchronization> apply(Tx tx, CopyServicesOperation op, Synchronization pair, String sharedJob) {
    String job = "ModifySynchronization(" + op.label() + ")";
    PairKind kind = pair.pairKind();
    switch (op) {
      case DETACH:
        machine.removePair(tx, pair);
        return Outcome.done(null);
      case FRACTURE:
        return control(tx, pair, job, PairPhase.FRACTURING, PairPhase.FRACTURED, sharedJob);
      case RESYNC_REPLICA:
        if (kind == PairKind.SNAPSHOT) {
          return control(tx, pair, job, PairPhase.RESYNCING, PairPhase.SYNCHRONIZED, sharedJob);
        }
        return resyncCopy(tx, pair, job, PairPhase.RESYNCING, PairPhase.SYNCHRONIZED, sharedJob);
      case RESTORE_FROM_REPLICA:
        return deltaCopy(tx, pair, job, PairPhase.RESTORING, PairPhase.SYNCHRONIZED, sharedJob);
      case PREPARE:
        return control(tx, pair, job, PairPhase.PREPARING, PairPhase.PREPARED, sharedJob);
      case UNPREPARE:
      case UNQUIESCE:
        return backToPrevious(tx, pair, job, sharedJob);
      case QUIESCE:
        return control(tx, pair, job, PairPhase.QUIESCING, PairPhase.QUIESCED, sharedJob);
      case RESET_TO_SYNC:
        return Outcome.done(tx.put(pair.toBuilder().copyType(CopyType.SYNC).mode(Mode.SYNCHRONOUS).build()));
      case RESET_TO_ASYNC:
        return Outcome.done(tx.put(pair.toBuilder().copyType(CopyType.ASYNC).mode(Mode.ASYNCHRONOUS).build()));
      case START_COPY:
        return startCopy(tx, pair, job, sharedJob);
      case STOP_COPY:
        int percent = machine.interrupt(tx, pair, "stopped by ModifySynchronization(Stop Copy)",
            JobState.TERMINATED, JobErrors.INTERRUPTED);
        if (kind == PairKind.TRANSIENT_CLONE) {
          machine.removePair(tx, pair);
          return Outcome.done(null);
        }
        return Outcome.done(tx.put(pair.toBuilder().phaseBefore(pair.phase()).phase(PairPhase.ABORTED)
            .activityId(null).percentSynced(percent).requestedCopyState(CopyState.NOT_APPLICABLE).build()));
      default:
        throw new IllegalStateException("unhandled " + op);
    }
  }

  /** Applies a checked Replication Services operation. */
  public Outcome<Synchronization> apply(Tx tx, ReplicationOperation op, Synchronization pair, boolean force,
      String sharedJob) {
    String job = "ModifyReplicaSynchronization(" + op.label() + ")";
    PairKind kind = pair.pairKind();
    switch (op) {
      case ABORT: {
        int percent = machine.interrupt(tx, pair, "aborted by ModifyReplicaSynchronization(Abort)",
            JobState.TERMINATED, JobErrors.INTERRUPTED);
        if (kind == PairKind.TRANSIENT_CLONE) {
          machine.removePair(tx, pair);
          return Outcome.done(null);
        }
        Synchronization stopped = pair.toBuilder().activityId(null).percentSynced(percent).build();
        return control(tx, stopped, job, PairPhase.ABORTING, PairPhase.ABORTED, sharedJob);
      }
      case ACTIVATE_CONSISTENCY:
      case DEACTIVATE_CONSISTENCY: {
        ReplicaGroup group = tx.state().group(pair.groupId());
        if (group == null) {
          return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Synchronization: pair " + pair.id()
              + " is not in a group; consistency applies to groups");
        }
        tx.put(group.withConsistency(op == ReplicationOperation.ACTIVATE_CONSISTENCY));
        return Outcome.done(pair);
      }
      case ACTIVATE:
        if (kind == PairKind.SNAPSHOT) {
          // The point in time is taken at activation.
          return Outcome.done(tx.put(pair.toBuilder().phaseBefore(pair.phase()).phase(PairPhase.SYNCHRONIZED)
              .percentSynced(100).whenActivated(tx.now()).whenSynced(tx.now()).build()));
        }
        return copy(tx, pair, job, PairPhase.SYNCHRONIZING, PairPhase.SYNCHRONIZED,
            remaining(pair), pair.percentSynced(), sharedJob);
      case DEACTIVATE:
        return Outcome.done(tx.put(pair.toBuilder().phaseBefore(pair.phase()).phase(PairPhase.INACTIVE)
            .whenDeactivated(tx.now()).build()));
      case DETACH:
      case DISSOLVE:
        if (pair.phase().inProgress()) {
          machine.interrupt(tx, pair, "stopped by ModifyReplicaSynchronization(" + op.label() + ", Force)",
              JobState.TERMINATED, JobErrors.INTERRUPTED);
        }
        machine.removePair(tx, tx.state().pair(pair.id()));
        return Outcome.done(null);
      case FAILOVER:
        return control(tx, pair, job, PairPhase.FAILING_OVER, PairPhase.FAILEDOVER, sharedJob);
      case FAILBACK:
        return deltaCopy(tx, pair, job, PairPhase.FAILING_BACK, PairPhase.SYNCHRONIZED, sharedJob);
      case FRACTURE:
        return control(tx, pair, job, PairPhase.FRACTURING, PairPhase.FRACTURED, sharedJob);
      case RESYNC_REPLICA:
        if (kind == PairKind.SNAPSHOT) {
          return control(tx, pair, job, PairPhase.RESYNCING, PairPhase.SYNCHRONIZED, sharedJob);
        }
        return resyncCopy(tx, pair, job, PairPhase.RESYNCING, PairPhase.SYNCHRONIZED, sharedJob);
      case RESTORE_FROM_REPLICA:
        return deltaCopy(tx, pair, job, PairPhase.RESTORING, PairPhase.RESTORED, sharedJob);
      case RESUME:
        return resyncCopy(tx, pair, job, PairPhase.SYNCHRONIZING, PairPhase.SYNCHRONIZED, sharedJob);
      case RESET_TO_SYNC:
        return Outcome.done(tx.put(pair.toBuilder().mode(Mode.SYNCHRONOUS).copyType(CopyType.SYNC).build()));
      case RESET_TO_ASYNC:
        return Outcome.done(tx.put(pair.toBuilder().mode(Mode.ASYNCHRONOUS).copyType(CopyType.ASYNC).build()));
      case RESET_TO_ADAPTIVE:
        return Outcome.done(tx.put(pair.toBuilder().mode(Mode.ADAPTIVE).build()));
      case RESET_TO_ACTIVE:
        return Outcome.done(tx.put(pair.toBuilder().mode(Mode.ACTIVE).build()));
      case RETURN_TO_RESOURCE_POOL: {
        Volume target = tx.state().volume(pair.targetId());
        machine.removePair(tx, pair);
        Outcome<Synchronization> blocker = Capacity.deletionBlocker(tx, target);
        if (blocker != null) {
          return blocker;
        }
        capacity.deleteVolume(tx, target, machine);
        return Outcome.done(null);
      }
      case REVERSE_ROLES: {
        machine.removePair(tx, pair);
        PairPhase phase = pair.phase() == PairPhase.FAILEDOVER ? PairPhase.FRACTURED : pair.phase();
        Synchronization reversed = pair.toBuilder().id(core.newId("S")).sourceId(pair.targetId())
            .targetId(pair.sourceId()).phase(phase).phaseBefore(pair.phase()).groupId(null).build();
        return Outcome.done(tx.put(reversed));
      }
      case SPLIT:
        return control(tx, pair, job, PairPhase.SPLITTING, PairPhase.SPLIT, sharedJob);
      case SUSPEND: {
        Synchronization current = pair;
        if (pair.phase().inProgress()) {
          int percent = machine.interrupt(tx, pair, "suspended by ModifyReplicaSynchronization(Suspend)",
              JobState.TERMINATED, JobErrors.INTERRUPTED);
          current = pair.toBuilder().activityId(null).percentSynced(percent).build();
        }
        current = current.toBuilder().whenSuspended(tx.now()).build();
        return control(tx, current, job, PairPhase.SUSPENDING, PairPhase.SUSPENDED, sharedJob);
      }
      case UNPREPARE:
        return backToPrevious(tx, pair, job, sharedJob);
      case PREPARE:
        return control(tx, pair, job, PairPhase.PREPARING, PairPhase.PREPARED, sharedJob);
      case RESET_REPLICA:
        // Back to the snapshot's original point in time: WhenSynced keeps that time.
        return Outcome.done(tx.put(pair.toBuilder().phaseBefore(pair.phase()).phase(PairPhase.SYNCHRONIZED)
            .percentSynced(100).build()));
      default:
        throw new IllegalStateException("unhandled " + op);
    }
  }

  private Outcome<Synchronization> control(Tx tx, Synchronization pair, String job, PairPhase via, PairPhase to,
      String sharedJob) {
    return machine.transition(tx, pair, job, via, to, ActivityKind.CONTROL, 0, 0, sharedJob);
  }

  private Outcome<Synchronization> copy(Tx tx, Synchronization pair, String job, PairPhase via, PairPhase to,
      long bytes, int startPercent, String sharedJob) {
    return machine.transition(tx, pair, job, via, to, ActivityKind.COPY, bytes, startPercent, sharedJob);
  }

  /** Incremental copy of the tracked changes (resync after fracture, restore, failback). */
  private Outcome<Synchronization> deltaCopy(Tx tx, Synchronization pair, String job, PairPhase via, PairPhase to,
      String sharedJob) {
    long size = sourceSize(tx, pair);
    long delta = Math.max(1, (long) (size * core.config().resyncFraction()));
    int start = (int) Math.floor(100 * (1 - core.config().resyncFraction()));
    return copy(tx, pair, job, via, to, delta, Math.min(99, start), sharedJob);
  }

  /** Resync or resume: the rest of an unfinished initial copy, or the tracked changes once it was complete. */
  private Outcome<Synchronization> resyncCopy(Tx tx, Synchronization pair, String job, PairPhase via,
      PairPhase to, String sharedJob) {
    if (pair.whenSynced() == null || pair.percentSynced() < 100 && pair.phase() != PairPhase.FRACTURED) {
      return copy(tx, pair, job, via, to, remaining(pair), pair.percentSynced(), sharedJob);
    }
    return deltaCopy(tx, pair, job, via, to, sharedJob);
  }

  private long remaining(Synchronization pair) {
    long size = sourceSize(core.state().volume(pair.sourceId()));
    return Math.max(1, size * (100 - Math.min(100, pair.percentSynced())) / 100);
  }

  private static long sourceSize(Tx tx, Synchronization pair) {
    return sourceSize(tx.state().volume(pair.sourceId()));
  }

  private static long sourceSize(Volume source) {
    return source == null ? 0 : source.sizeBytes();
  }

  /** Unprepare / Unquiesce: back to the state before Prepare / Quiesce; an interrupted copy carries on. */
  private Outcome<Synchronization> backToPrevious(Tx tx, Synchronization pair, String job, String sharedJob) {
    PairPhase previous = pair.phaseBefore() == null ? PairPhase.INITIALIZED : pair.phaseBefore();
    if (previous.inProgress()) {
      return copy(tx, pair, job, PairPhase.SYNCHRONIZING, PairPhase.SYNCHRONIZED, remaining(pair),
          pair.percentSynced(), sharedJob);
    }
    return Outcome.done(tx.put(pair.toBuilder().phase(previous).phaseBefore(pair.phase()).build()));
  }

  /** Start Copy: a full background copy; a snapshot becomes a full (physical) copy with its own space. */
  private Outcome<Synchronization> startCopy(Tx tx, Synchronization pair, String job, String sharedJob) {
    Synchronization current = pair;
    if (pair.pairKind() == PairKind.SNAPSHOT) {
      Volume target = tx.state().volume(pair.targetId());
      StoragePool pool = tx.state().pool(target.poolId());
      long need = target.sizeBytes() - target.deltaSpaceBytes();
      if (need > pool.freeBytes()) {
        return Outcome.refused(ReturnCode.FAILED, "Start Copy needs " + need + " free bytes in pool " + pool.id()
            + " to turn snapshot " + target.id() + " into a full copy; " + pool.freeBytes() + " are free");
      }
      tx.put(pool.adjust(target.sizeBytes(), -target.deltaSpaceBytes(), 0, 0));
      tx.put(target.asFullCopy());
      current = pair.toBuilder().syncType(SyncType.CLONE).replicaType(ReplicaType.FULL_COPY).percentSynced(0)
          .build();
    }
    return copy(tx, current.toBuilder().percentSynced(0).build(), job, PairPhase.COPYING, PairPhase.SYNCHRONIZED,
        sourceSize(tx, current), 0, sharedJob);
  }
}
