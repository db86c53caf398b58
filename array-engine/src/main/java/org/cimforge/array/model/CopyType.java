package org.cimforge.array.model;

/** Copy Services CopyType of a StorageSynchronized pair (also the CreateReplica/AttachReplica CopyType parameter). */
public enum CopyType implements ValueMapped {
  ASYNC(2, "Async"),
  SYNC(3, "Sync"),
  UNSYNC_ASSOC(4, "UnSyncAssoc"),
  UNSYNC_UNASSOC(5, "UnSyncUnAssoc");

  private final int value;
  private final String label;

  CopyType(int value, String label) {
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
  public static java.util.Optional<CopyType> fromValue(int value) {
    return ValueMapped.lookup(CopyType.class, value);
  }
}
