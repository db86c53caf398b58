package org.cimforge.array.model;

/** Replication Services CopyState of a pair, the 1.5+ view of its state. */
public enum CopyState implements ValueMapped {
  INITIALIZED(2, "Initialized"),
  UNSYNCHRONIZED(3, "Unsynchronized"),
  SYNCHRONIZED(4, "Synchronized"),
  BROKEN(5, "Broken"),
  FRACTURED(6, "Fractured"),
  SPLIT(7, "Split"),
  INACTIVE(8, "Inactive"),
  SUSPENDED(9, "Suspended"),
  FAILEDOVER(10, "Failedover"),
  PREPARED(11, "Prepared"),
  ABORTED(12, "Aborted"),
  SKEWED(13, "Skewed"),
  MIXED(14, "Mixed"),
  NOT_APPLICABLE(15, "Not Applicable"),
  PARTITIONED(16, "Partitioned"),
  INVALID(17, "Invalid"),
  RESTORED(18, "Restored");

  private final int value;
  private final String label;

  CopyState(int value, String label) {
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
  public static java.util.Optional<CopyState> fromValue(int value) {
    return ValueMapped.lookup(CopyState.class, value);
  }
}
