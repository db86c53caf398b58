package org.cimforge.array.model;

/** Method return codes the engine reports, with the numbers the CIM method ValueMaps give them. */
public enum ReturnCode implements ValueMapped {
  COMPLETED(0, "Job Completed with No Error"),
  NOT_SUPPORTED(1, "Not Supported"),
  UNKNOWN(2, "Unknown"),
  TIMEOUT(3, "Timeout"),
  FAILED(4, "Failed"),
  INVALID_PARAMETER(5, "Invalid Parameter"),
  IN_USE(6, "In Use"),
  SET_NOT_A_MEMBER(7, "StorageSynchronized not in the Set"),
  SET_ALREADY_MEMBER(8, "StorageSynchronized already in a Set"),
  JOB_STARTED(0x1000, "Method Parameters Checked - Job Started"),
  SIZE_NOT_SUPPORTED(4097, "Size Not Supported"),
  INVALID_STATE_TRANSITION(4097, "Invalid State Transition"),
  TIMEOUT_PARAMETER_NOT_SUPPORTED(4098, "Use of Timeout Parameter Not Supported"),
  VOLUME_DOES_NOT_EXIST(32768, "Volume does not exist");

  private final int value;
  private final String label;

  ReturnCode(int value, String label) {
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
  public static java.util.Optional<ReturnCode> fromValue(int value) {
    return ValueMapped.lookup(ReturnCode.class, value);
  }
}
