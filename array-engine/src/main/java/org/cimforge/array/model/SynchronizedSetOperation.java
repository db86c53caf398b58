package org.cimforge.array.model;

/** Operation parameter of ModifySynchronizedSet (and ModifyConsistencySet, which uses only Add and Remove). */
public enum SynchronizedSetOperation implements ValueMapped {
  ADD(2, "Add"),
  REMOVE(3, "Remove"),
  DELETE_SYNCHRONIZATIONS(4, "Delete Synchronizations"),
  FRACTURE_REPLICAS(5, "Fracture Replicas"),
  RESYNC_REPLICAS(6, "Resync Replicas"),
  RESTORE_FROM_REPLICAS(7, "Restore From Replicas"),
  PREPARE_ALL(8, "Prepare All");

  private final int value;
  private final String label;

  SynchronizedSetOperation(int value, String label) {
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
  public static java.util.Optional<SynchronizedSetOperation> fromValue(int value) {
    return ValueMapped.lookup(SynchronizedSetOperation.class, value);
  }
}
