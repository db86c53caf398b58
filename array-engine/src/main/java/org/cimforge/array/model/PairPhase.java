package org.cimforge.array.model;

/**
 * The engine's single internal state of a pair. Both public views are derived from it (with the pair's kind), so
 * the Copy Services SyncState and the Replication Services CopyState/ProgressStatus can never disagree.
 */
public enum PairPhase {
  //             SyncState                        CopyState                  ProgressStatus                  busy
  INITIALIZED(SyncState.INITIALIZED, CopyState.INITIALIZED, ProgressStatus.COMPLETED, false),
  PREPARING(SyncState.PREPARE_IN_PROGRESS, CopyState.INITIALIZED, ProgressStatus.PREPARING, true),
  PREPARED(SyncState.PREPARED, CopyState.PREPARED, ProgressStatus.COMPLETED, false),
  SYNCHRONIZING(SyncState.RESYNC_IN_PROGRESS, CopyState.UNSYNCHRONIZED, ProgressStatus.SYNCHRONIZING, true),
  RESYNCING(SyncState.RESYNC_IN_PROGRESS, CopyState.UNSYNCHRONIZED, ProgressStatus.RESYNCING, true),
  COPYING(SyncState.COPY_IN_PROGRESS, CopyState.UNSYNCHRONIZED, ProgressStatus.RESYNCING, true),
  /** Mirror in sync, snapshot ready (Idle), clone complete (Frozen): see {@link #syncState(PairKind)}. */
  SYNCHRONIZED(SyncState.SYNCHRONIZED, CopyState.SYNCHRONIZED, ProgressStatus.COMPLETED, false),
  FRACTURING(SyncState.FRACTURE_IN_PROGRESS, CopyState.SYNCHRONIZED, ProgressStatus.FRACTURING, true),
  FRACTURED(SyncState.FRACTURED, CopyState.FRACTURED, ProgressStatus.COMPLETED, false),
  SPLITTING(SyncState.FRACTURE_IN_PROGRESS, CopyState.SYNCHRONIZED, ProgressStatus.SPLITTING, true),
  SPLIT(SyncState.FRACTURED, CopyState.SPLIT, ProgressStatus.COMPLETED, false),
  QUIESCING(SyncState.QUIESCE_IN_PROGRESS, CopyState.SYNCHRONIZED, ProgressStatus.SUSPENDING, true),
  QUIESCED(SyncState.QUIESCED, CopyState.SUSPENDED, ProgressStatus.DORMANT, false),
  SUSPENDING(SyncState.QUIESCE_IN_PROGRESS, CopyState.SYNCHRONIZED, ProgressStatus.SUSPENDING, true),
  SUSPENDED(SyncState.QUIESCED, CopyState.SUSPENDED, ProgressStatus.DORMANT, false),
  RESTORING(SyncState.RESTORE_IN_PROGRESS, CopyState.SYNCHRONIZED, ProgressStatus.RESTORING, true),
  /** Source renewed from the replica by ModifyReplicaSynchronization (CopyState 18 Restored). */
  RESTORED(SyncState.SYNCHRONIZED, CopyState.RESTORED, ProgressStatus.COMPLETED, false),
  ABORTING(SyncState.RESYNC_IN_PROGRESS, CopyState.UNSYNCHRONIZED, ProgressStatus.ABORTING, true),
  ABORTED(SyncState.IDLE, CopyState.ABORTED, ProgressStatus.REQUIRES_RESYNC, false),
  INACTIVE(SyncState.INITIALIZED, CopyState.INACTIVE, ProgressStatus.COMPLETED, false),
  FAILING_OVER(SyncState.FRACTURE_IN_PROGRESS, CopyState.SYNCHRONIZED, ProgressStatus.FAILING_OVER, true),
  FAILEDOVER(SyncState.FRACTURED, CopyState.FAILEDOVER, ProgressStatus.COMPLETED, false),
  FAILING_BACK(SyncState.RESYNC_IN_PROGRESS, CopyState.FAILEDOVER, ProgressStatus.FAILING_BACK, true),
  BROKEN(SyncState.BROKEN, CopyState.BROKEN, ProgressStatus.NOT_APPLICABLE, false);

  private final SyncState syncState;
  private final CopyState copyState;
  private final ProgressStatus progressStatus;
  private final boolean inProgress;

  PairPhase(SyncState syncState, CopyState copyState, ProgressStatus progressStatus, boolean inProgress) {
    this.syncState = syncState;
    this.copyState = copyState;
    this.progressStatus = progressStatus;
    this.inProgress = inProgress;
  }

  /** The Copy Services SyncState; a finished point-in-time copy reads Idle (snapshot) or Frozen (full copy). */
  public SyncState syncState(PairKind kind) {
    if (this == SYNCHRONIZED || this == RESTORED) {
      return switch (kind) {
        case MIRROR -> SyncState.SYNCHRONIZED;
        case SNAPSHOT -> SyncState.IDLE;
        case CLONE, TRANSIENT_CLONE -> SyncState.FROZEN;
      };
    }
    if (this == ABORTED && kind == PairKind.MIRROR) {
      // Idle belongs to point-in-time replicas; an aborted mirror is split from its source until resynced.
      return SyncState.FRACTURED;
    }
    return syncState;
  }

  /** The Replication Services CopyState. */
  public CopyState copyState() {
    return copyState;
  }

  /** The Replication Services ProgressStatus. */
  public ProgressStatus progressStatus() {
    return progressStatus;
  }

  /** True while an operation on the pair is still running (an activity, usually with a job, is attached). */
  public boolean inProgress() {
    return inProgress;
  }
}
