package org.cimforge.array.model;

/** Operation parameter of ReplicationService.ModifyReplicaSynchronization (Replication Services). */
public enum ReplicationOperation implements ValueMapped {
  ABORT(2, "Abort"),
  ACTIVATE_CONSISTENCY(3, "Activate Consistency"),
  ACTIVATE(4, "Activate"),
  ADD_SYNC_PAIR(5, "AddSyncPair"),
  DEACTIVATE_CONSISTENCY(6, "Deactivate Consistency"),
  DEACTIVATE(7, "Deactivate"),
  DETACH(8, "Detach"),
  DISSOLVE(9, "Dissolve"),
  FAILOVER(10, "Failover"),
  FAILBACK(11, "Failback"),
  FRACTURE(12, "Fracture"),
  REMOVE_SYNC_PAIR(13, "RemoveSyncPair"),
  RESYNC_REPLICA(14, "Resync Replica"),
  RESTORE_FROM_REPLICA(15, "Restore from Replica"),
  RESUME(16, "Resume"),
  RESET_TO_SYNC(17, "Reset To Sync"),
  RESET_TO_ASYNC(18, "Reset To Async"),
  RETURN_TO_RESOURCE_POOL(19, "Return To ResourcePool"),
  REVERSE_ROLES(20, "Reverse Roles"),
  SPLIT(21, "Split"),
  SUSPEND(22, "Suspend"),
  UNPREPARE(23, "Unprepare"),
  PREPARE(24, "Prepare"),
  RESET_TO_ADAPTIVE(25, "Reset to Adaptive"),
  RESET_TO_ACTIVE(26, "Reset to Active"),
  RESET_REPLICA(27, "Reset Replica");

  private final int value;
  private final String label;

  ReplicationOperation(int value, String label) {
    this.value = value;
    this.label = label;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String label() {
    return label;
  }

  /** Looks up the constant carrying {@code value}, if any. */
  public static java.util.Optional<ReplicationOperation> fromValue(int value) {
    return ValueMapped.lookup(ReplicationOperation.class, value);
  }
}
