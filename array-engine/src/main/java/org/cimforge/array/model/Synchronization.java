package org.cimforge.array.model;

import java.time.Instant;

/**
 * A replication pair (one StorageSynchronized association): source ({@code SystemElement}) and target
 * ({@code SyncedElement}) volume ids plus both the Copy Services and the Replication Services view of its state.
 * {@code whenSynced} stays null until the pair first reaches its synchronized point in time.
 */
public record Synchronization(
    String id,
    String sourceId,
    String targetId,
    SyncType syncType,
    CopyType copyType,
    ReplicaType replicaType,
    Mode mode,
    PairPhase phase,
    PairPhase phaseBefore,
    CopyState requestedCopyState,
    int percentSynced,
    Instant whenEstablished,
    Instant whenActivated,
    Instant whenSynced,
    Instant whenDeactivated,
    Instant whenSuspended,
    String groupId,
    String activityId) implements Entity {

  @Override
  public EntityKind kind() {
    return EntityKind.SYNCHRONIZATION;
  }

  /** The engine's classification of the pair. */
  public PairKind pairKind() {
    return switch (syncType) {
      case MIRROR -> PairKind.MIRROR;
      case SNAPSHOT -> PairKind.SNAPSHOT;
      default -> copyType == CopyType.UNSYNC_UNASSOC ? PairKind.TRANSIENT_CLONE : PairKind.CLONE;
    };
  }

  /** Copy Services SyncState. */
  public SyncState syncState() {
    return phase.syncState(pairKind());
  }

  /** Replication Services CopyState. */
  public CopyState copyState() {
    return phase.copyState();
  }

  /** Replication Services ProgressStatus. */
  public ProgressStatus progressStatus() {
    return phase.progressStatus();
  }

  /** SyncMaintained: true only while a mirror is kept synchronized. */
  public boolean syncMaintained() {
    return pairKind() == PairKind.MIRROR && phase == PairPhase.SYNCHRONIZED;
  }

  /** A mutable copy for building the next version of this pair. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Step-by-step construction of a changed pair; every field starts at the original's value. */
  public static final class Builder {
    private String id;
    private String sourceId;
    private String targetId;
    private SyncType syncType;
    private CopyType copyType;
    private ReplicaType replicaType;
    private Mode mode;
    private PairPhase phase;
    private PairPhase phaseBefore;
    private CopyState requestedCopyState;
    private int percentSynced;
    private Instant whenEstablished;
    private Instant whenActivated;
    private Instant whenSynced;
    private Instant whenDeactivated;
    private Instant whenSuspended;
    private String groupId;
    private String activityId;

    private Builder(Synchronization s) {
      id = s.id;
      sourceId = s.sourceId;
      targetId = s.targetId;
      syncType = s.syncType;
      copyType = s.copyType;
      replicaType = s.replicaType;
      mode = s.mode;
      phase = s.phase;
      phaseBefore = s.phaseBefore;
      requestedCopyState = s.requestedCopyState;
      percentSynced = s.percentSynced;
      whenEstablished = s.whenEstablished;
      whenActivated = s.whenActivated;
      whenSynced = s.whenSynced;
      whenDeactivated = s.whenDeactivated;
      whenSuspended = s.whenSuspended;
      groupId = s.groupId;
      activityId = s.activityId;
    }

    public Builder id(String v) { id = v; return this; }
    public Builder sourceId(String v) { sourceId = v; return this; }
    public Builder targetId(String v) { targetId = v; return this; }
    public Builder syncType(SyncType v) { syncType = v; return this; }
    public Builder copyType(CopyType v) { copyType = v; return this; }
    public Builder replicaType(ReplicaType v) { replicaType = v; return this; }
    public Builder mode(Mode v) { mode = v; return this; }
    public Builder phase(PairPhase v) { phase = v; return this; }
    public Builder phaseBefore(PairPhase v) { phaseBefore = v; return this; }
    public Builder requestedCopyState(CopyState v) { requestedCopyState = v; return this; }
    public Builder percentSynced(int v) { percentSynced = v; return this; }
    public Builder whenActivated(Instant v) { whenActivated = v; return this; }
    public Builder whenSynced(Instant v) { whenSynced = v; return this; }
    public Builder whenDeactivated(Instant v) { whenDeactivated = v; return this; }
    public Builder whenSuspended(Instant v) { whenSuspended = v; return this; }
    public Builder groupId(String v) { groupId = v; return this; }
    public Builder activityId(String v) { activityId = v; return this; }

    /** The finished pair. */
    public Synchronization build() {
      return new Synchronization(id, sourceId, targetId, syncType, copyType, replicaType, mode, phase, phaseBefore,
          requestedCopyState, percentSynced, whenEstablished, whenActivated, whenSynced, whenDeactivated,
          whenSuspended, groupId, activityId);
    }
  }
}
