package org.cimforge.array.model;

/** Copy Services ReplicaType: how the replica's data relates to its source. */
public enum ReplicaType implements ValueMapped {
  NOT_SPECIFIED(0, "Not Specified"),
  FULL_COPY(2, "Full Copy"),
  BEFORE_DELTA(3, "Before Delta"),
  AFTER_DELTA(4, "After Delta"),
  LOG(5, "Log");

  private final int value;
  private final String label;

  ReplicaType(int value, String label) {
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
  public static java.util.Optional<ReplicaType> fromValue(int value) {
    return ValueMapped.lookup(ReplicaType.class, value);
  }
}
