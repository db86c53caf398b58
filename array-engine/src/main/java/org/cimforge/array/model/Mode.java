package org.cimforge.array.model;

/** Replication Services Mode of a pair (synchronous, asynchronous, ...). */
public enum Mode implements ValueMapped {
  UNKNOWN(0, "Unknown"),
  SYNCHRONOUS(2, "Synchronous"),
  ASYNCHRONOUS(3, "Asynchronous"),
  ADAPTIVE(4, "Adaptive"),
  ACTIVE(5, "Active");

  private final int value;
  private final String label;

  Mode(int value, String label) {
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
  public static java.util.Optional<Mode> fromValue(int value) {
    return ValueMapped.lookup(Mode.class, value);
  }
}
