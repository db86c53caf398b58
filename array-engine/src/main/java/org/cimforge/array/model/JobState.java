package org.cimforge.array.model;

/** CIM_ConcreteJob JobState of an engine job. */
public enum JobState implements ValueMapped {
  NEW(2, "New"),
  STARTING(3, "Starting"),
  RUNNING(4, "Running"),
  SUSPENDED(5, "Suspended"),
  SHUTTING_DOWN(6, "Shutting Down"),
  COMPLETED(7, "Completed"),
  TERMINATED(8, "Terminated"),
  KILLED(9, "Killed"),
  EXCEPTION(10, "Exception"),
  SERVICE(11, "Service"),
  QUERY_PENDING(12, "Query Pending");

  private final int value;
  private final String label;

  JobState(int value, String label) {
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
  public static java.util.Optional<JobState> fromValue(int value) {
    return ValueMapped.lookup(JobState.class, value);
  }
}
