package org.cimforge.array.model;

/** ManageSession Operation (the seed lists Open, Close without a ValueMap, so values are their indexes). */
public enum SessionOperation implements ValueMapped {
  OPEN(0, "Open"),
  CLOSE(1, "Close");

  private final int value;
  private final String label;

  SessionOperation(int value, String label) {
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
  public static java.util.Optional<SessionOperation> fromValue(int value) {
    return ValueMapped.lookup(SessionOperation.class, value);
  }
}
