package org.cimforge.array.model;

/** Replication Services SyncType of a pair. */
public enum SyncType implements ValueMapped {
  MIRROR(6, "Mirror"),
  SNAPSHOT(7, "Snapshot"),
  CLONE(8, "Clone"),
  TOKENIZED_CLONE(9, "TokenizedClone");

  private final int value;
  private final String label;

  SyncType(int value, String label) {
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
  public static java.util.Optional<SyncType> fromValue(int value) {
    return ValueMapped.lookup(SyncType.class, value);
  }
}
