package org.cimforge.array.model;

/** ManageSessionVolume Operation (the seed lists Add, Remove without a ValueMap, so values are their indexes). */
public enum SessionVolumeOperation implements ValueMapped {
  ADD(0, "Add"),
  REMOVE(1, "Remove");

  private final int value;
  private final String label;

  SessionVolumeOperation(int value, String label) {
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
  public static java.util.Optional<SessionVolumeOperation> fromValue(int value) {
    return ValueMapped.lookup(SessionVolumeOperation.class, value);
  }
}
