package org.cimforge.array.internal;

import java.time.Instant;
import java.util.List;
import org.cimforge.array.model.ElementRef;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.JobState;
import org.cimforge.array.model.OperationalStatus;
import org.cimforge.array.model.ReturnCode;

/** Creates jobs and moves them to their final states with the JobState / OperationalStatus pairs clients expect. */
public final class Jobs {

  private final EngineCore core;

  public Jobs(EngineCore core) {
    this.core = core;
  }

  /** A new running job. */
  public Job start(Tx tx, String name, List<ElementRef> affected) {
    Instant now = tx.now();
    Job job = new Job(core.newId("J"), name, JobState.RUNNING, List.of(OperationalStatus.OK), 0, now, now, now, null,
        0, null, affected, true, core.config().jobRetention(), null);
    return tx.put(job);
  }

  /** Finished without error: Completed, {OK, Completed}, 100 %, ErrorCode 0. */
  public void succeed(Tx tx, String jobId, Instant at) {
    Job job = tx.state().job(jobId);
    if (job != null && !job.isFinished()) {
      tx.put(job.finish(at, JobState.COMPLETED, List.of(OperationalStatus.OK, OperationalStatus.COMPLETED), 100, 0,
          null, ReturnCode.COMPLETED.value()));
    }
  }

  /** Finished with an error: Exception, {Error, Completed}, non-zero ErrorCode and a description. */
  public void fail(Tx tx, String jobId, Instant at, int errorCode, String description) {
    Job job = tx.state().job(jobId);
    if (job != null && !job.isFinished()) {
      tx.put(job.finish(at, JobState.EXCEPTION, List.of(OperationalStatus.ERROR, OperationalStatus.COMPLETED),
          job.percentComplete(), errorCode, description, ReturnCode.FAILED.value()));
    }
  }

  /** Stopped on purpose: Terminated or Killed, {Stopped}, non-zero ErrorCode so pollers do not read success. */
  public void stop(Tx tx, String jobId, Instant at, JobState finalState, int errorCode, String description) {
    Job job = tx.state().job(jobId);
    if (job != null && !job.isFinished()) {
      tx.put(job.finish(at, finalState, List.of(OperationalStatus.STOPPED), job.percentComplete(), errorCode,
          description, ReturnCode.FAILED.value()));
    }
  }
}
