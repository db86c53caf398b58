package org.cimforge.array.model;

/** CIM_ManagedSystemElement OperationalStatus values the engine reports for jobs. */
public enum OperationalStatus implements ValueMapped {
  OK(2, "OK"),
  ERROR(6, "Error"),
  STOPPED(10, "Stopped"),
  ABORTED(14, "Aborted"),
  DORMANT(15, "Dormant"),
  COMPLETED(17, "Completed");

  private final int value;
  private final String label;

  OperationalStatus(int value, String label) {
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
  public static java.util.Optional<OperationalStatus> fromValue(int value) {
    return ValueMapped.lookup(OperationalStatus.class, value);
  }
}
