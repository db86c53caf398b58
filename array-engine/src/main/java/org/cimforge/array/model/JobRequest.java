package org.cimforge.array.model;

/** RequestedState parameter of CIM_ConcreteJob.RequestStateChange. */
public enum JobRequest implements ValueMapped {
  START(2, "Start"),
  SUSPEND(3, "Suspend"),
  TERMINATE(4, "Terminate"),
  KILL(5, "Kill"),
  SERVICE(6, "Service");

  private final int value;
  private final String label;

  JobRequest(int value, String label) {
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
  public static java.util.Optional<JobRequest> fromValue(int value) {
    return ValueMapped.lookup(JobRequest.class, value);
  }
}
