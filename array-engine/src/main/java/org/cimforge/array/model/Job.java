package org.cimforge.array.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An engine job (what a runtime shows as CIM_ConcreteJob): state, progress, the elements it affected or produced,
 * and, once finished, the method's return value and an error code that is 0 exactly when it succeeded.
 */
public record Job(
    String id,
    String name,
    JobState state,
    List<OperationalStatus> operationalStatus,
    int percentComplete,
    Instant timeSubmitted,
    Instant startTime,
    Instant timeOfLastStateChange,
    Instant finishedAt,
    int errorCode,
    String errorDescription,
    List<ElementRef> affectedElements,
    boolean deleteOnCompletion,
    Duration timeBeforeRemoval,
    Integer returnValue) implements Entity {

  public Job {
    operationalStatus = List.copyOf(operationalStatus);
    affectedElements = List.copyOf(affectedElements);
  }

  @Override
  public EntityKind kind() {
    return EntityKind.JOB;
  }

  /** True once the job can no longer change (completed, failed, terminated or killed). */
  public boolean isFinished() {
    return finishedAt != null;
  }

  /** A copy with new progress. */
  public Job withPercent(int percent) {
    return new Job(id, name, state, operationalStatus, percent, timeSubmitted, startTime, timeOfLastStateChange,
        finishedAt, errorCode, errorDescription, affectedElements, deleteOnCompletion, timeBeforeRemoval,
        returnValue);
  }

  /** A finished copy. */
  public Job finish(Instant at, JobState finalState, List<OperationalStatus> status, int percent, int error,
      String description, int methodReturn) {
    return new Job(id, name, finalState, status, percent, timeSubmitted, startTime, at, at, error, description,
        affectedElements, deleteOnCompletion, timeBeforeRemoval, methodReturn);
  }

  /** A copy with new retention settings (changing them restarts the removal timer from {@code now}). */
  public Job withRetention(boolean delete, Duration keep, Instant now) {
    return new Job(id, name, state, operationalStatus, percentComplete, timeSubmitted, startTime,
        timeOfLastStateChange, finishedAt == null ? null : now, errorCode, errorDescription, affectedElements,
        delete, keep, returnValue);
  }
}
