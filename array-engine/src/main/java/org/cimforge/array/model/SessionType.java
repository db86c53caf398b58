package org.cimforge.array.model;

/** IBM ESS copy-session type, given on the wire as a hexadecimal string such as 0x40. */
public enum SessionType implements ValueMapped {
  XRC(0x10, "XRC"),
  PPRC(0x20, "PPRC"),
  FLASHCOPY(0x30, "Flash Copy"),
  XDC(0x40, "XDC");

  private final int value;
  private final String label;

  SessionType(int value, String label) {
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
  public static java.util.Optional<SessionType> fromValue(int value) {
    return ValueMapped.lookup(SessionType.class, value);
  }
}
