package org.cimforge.array.model;

/** Copy Services SyncState of a pair, the pre-1.5 view of its state. */
public enum SyncState implements ValueMapped {
  UNKNOWN(0, "Unknown"),
  INITIALIZED(2, "Initialized"),
  PREPARE_IN_PROGRESS(3, "PrepareInProgress"),
  PREPARED(4, "Prepared"),
  RESYNC_IN_PROGRESS(5, "ResyncInProgress"),
  SYNCHRONIZED(6, "Synchronized"),
  FRACTURE_IN_PROGRESS(7, "Fracture In Progress"),
  QUIESCE_IN_PROGRESS(8, "QuiesceInProgress"),
  QUIESCED(9, "Quiesced"),
  RESTORE_IN_PROGRESS(10, "Restore In Progress"),
  IDLE(11, "Idle"),
  BROKEN(12, "Broken"),
  FRACTURED(13, "Fractured"),
  FROZEN(14, "Frozen"),
  COPY_IN_PROGRESS(15, "Copy In Progress");

  private final int value;
  private final String label;

  SyncState(int value, String label) {
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
  public static java.util.Optional<SyncState> fromValue(int value) {
    return ValueMapped.lookup(SyncState.class, value);
  }
}
