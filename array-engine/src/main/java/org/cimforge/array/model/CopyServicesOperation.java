package org.cimforge.array.model;

/** Operation parameter of StorageConfigurationService.ModifySynchronization (Copy Services). */
public enum CopyServicesOperation implements ValueMapped {
  DETACH(2, "Detach"),
  FRACTURE(3, "Fracture"),
  RESYNC_REPLICA(4, "Resync Replica"),
  RESTORE_FROM_REPLICA(5, "Restore from Replica"),
  PREPARE(6, "Prepare"),
  UNPREPARE(7, "Unprepare"),
  QUIESCE(8, "Quiesce"),
  UNQUIESCE(9, "Unquiesce"),
  RESET_TO_SYNC(10, "Reset To Sync"),
  RESET_TO_ASYNC(11, "Reset To Async"),
  START_COPY(12, "Start Copy"),
  STOP_COPY(13, "Stop Copy");

  private final int value;
  private final String label;

  CopyServicesOperation(int value, String label) {
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
  public static java.util.Optional<CopyServicesOperation> fromValue(int value) {
    return ValueMapped.lookup(CopyServicesOperation.class, value);
  }
}
