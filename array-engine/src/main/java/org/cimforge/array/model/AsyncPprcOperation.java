package org.cimforge.array.model;

/** ManageAsyncPPRC Operation (the seed lists the values without a ValueMap, so values are their indexes). */
public enum AsyncPprcOperation implements ValueMapped {
  START(0, "Start"),
  PAUSE(1, "Pause"),
  RESUME(2, "Resume"),
  TERMINATE(3, "Terminate"),
  FORCE_TERMINATE(4, "ForceTerminate");

  private final int value;
  private final String label;

  AsyncPprcOperation(int value, String label) {
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
  public static java.util.Optional<AsyncPprcOperation> fromValue(int value) {
    return ValueMapped.lookup(AsyncPprcOperation.class, value);
  }
}
