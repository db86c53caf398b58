package org.cimforge.array.model;

/** Replication Services ProgressStatus: what the pair's copy engine is doing right now. */
public enum ProgressStatus implements ValueMapped {
  UNKNOWN(0, "Unknown"),
  COMPLETED(2, "Completed"),
  DORMANT(3, "Dormant"),
  INITIALIZING(4, "Initializing"),
  PREPARING(5, "Preparing"),
  SYNCHRONIZING(6, "Synchronizing"),
  RESYNCING(7, "Resyncing"),
  RESTORING(8, "Restoring"),
  FRACTURING(9, "Fracturing"),
  SPLITTING(10, "Splitting"),
  FAILING_OVER(11, "Failing over"),
  FAILING_BACK(12, "Failing back"),
  ABORTING(13, "Aborting"),
  MIXED(14, "Mixed"),
  NOT_APPLICABLE(15, "Not Applicable"),
  SUSPENDING(16, "Suspending"),
  REQUIRES_FRACTURE(17, "Requires fracture"),
  REQUIRES_RESYNC(18, "Requires resync"),
  REQUIRES_ACTIVATE(19, "Requires activate"),
  PENDING(20, "Pending"),
  DETACHING(21, "Detaching"),
  REQUIRES_DETACH(22, "Requires detach"),
  TERMINATING(23, "Terminating"),
  REQUIRES_SPLIT(24, "Requires split"),
  REQUIRES_RESUME(25, "Requires resume");

  private final int value;
  private final String label;

  ProgressStatus(int value, String label) {
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
  public static java.util.Optional<ProgressStatus> fromValue(int value) {
    return ValueMapped.lookup(ProgressStatus.class, value);
  }
}
