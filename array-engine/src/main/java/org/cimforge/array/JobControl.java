package org.cimforge.array;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimforge.array.internal.EngineCore;
import org.cimforge.array.internal.JobErrors;
import org.cimforge.array.internal.Jobs;
import org.cimforge.array.internal.PairMachine;
import org.cimforge.array.internal.Tx;
import org.cimforge.array.model.Activity;
import org.cimforge.array.model.ActivityKind;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.JobRequest;
import org.cimforge.array.model.JobState;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.PairPhase;
import org.cimforge.array.model.ReturnCode;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * Engine jobs as CIM_ConcreteJob sees them: lookup, RequestStateChange (Terminate and Kill stop the work; a job
 * never waits in a queue, so Suspend and Start answer 4097 Invalid State Transition), deletion of finished jobs,
 * and retention (finished jobs with DeleteOnCompletion go away TimeBeforeRemoval after they finish).
 */
public final class JobControl {

  private final EngineCore core;
  private final PairMachine machine;
  private final Jobs jobs;

  JobControl(EngineCore core, PairMachine machine, Jobs jobs) {
    this.core = core;
    this.machine = machine;
    this.jobs = jobs;
  }

  /** The job with {@code id}, while it is retained. */
  public Optional<Job> job(String id) {
    return core.read(() -> Optional.ofNullable(core.state().job(id)));
  }

  /** All retained jobs. */
  public List<Job> jobs() {
    return core.read(() -> new ArrayList<>(core.state().<Job>all(EntityKind.JOB)));
  }

  /** CIM_ConcreteJob.RequestStateChange with the raw RequestedState number. */
  public Outcome<Job> requestStateChange(String jobId, int requestedState) {
    Optional<JobRequest> request = JobRequest.fromValue(requestedState);
    if (request.isEmpty()) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "RequestedState: " + requestedState
          + " is not a job state request (2 Start, 3 Suspend, 4 Terminate, 5 Kill, 6 Service)");
    }
    return requestStateChange(jobId, request.get());
  }

  /** CIM_ConcreteJob.RequestStateChange. */
  public Outcome<Job> requestStateChange(String jobId, JobRequest request) {
    return core.write(tx -> {
      Job job = tx.state().job(jobId);
      if (job == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Job: no job '" + jobId + "'");
      }
      if (job.isFinished()) {
        return Outcome.refused(ReturnCode.INVALID_STATE_TRANSITION, "Job: " + jobId + " has already finished ("
            + job.state().label() + ")");
      }
      if (request != JobRequest.TERMINATE && request != JobRequest.KILL) {
        return Outcome.refused(ReturnCode.INVALID_STATE_TRANSITION, "Job: " + jobId + " is running; only"
            + " Terminate and Kill are possible (" + request.label() + " needs a queued or suspended job)");
      }
      JobState end = request == JobRequest.TERMINATE ? JobState.TERMINATED : JobState.KILLED;
      String why = (request == JobRequest.TERMINATE ? "terminated" : "killed") + " at the client's request";
      for (Activity a : new ArrayList<>(tx.state().<Activity>all(EntityKind.ACTIVITY))) {
        if (jobId.equals(a.jobId())) {
          stopActivity(tx, a);
        }
      }
      jobs.stop(tx, jobId, tx.now(), end, JobErrors.TERMINATED_BY_REQUEST, why);
      return Outcome.done(tx.state().job(jobId));
    });
  }

  private void stopActivity(Tx tx, Activity a) {
    if (a.activityKind() == ActivityKind.DELTA_SPACE) {
      tx.remove(a);
      Volume volume = tx.state().volume(a.subjectId());
      tx.put(tx.state().pool(volume.poolId()).adjust(0, -a.amount(), 0, 0));
      return;
    }
    Synchronization pair = tx.state().pair(a.subjectId());
    int percent = a.activityKind() == ActivityKind.COPY ? a.percentAt(tx.now()) : pair.percentSynced();
    tx.remove(a);
    if (pair.pairKind() == PairKind.TRANSIENT_CLONE && a.activityKind() == ActivityKind.COPY) {
      // As on 3PAR: halting a physical copy relinquishes its UnSyncUnAssoc association.
      machine.removePair(tx, pair);
      return;
    }
    Synchronization.Builder b = pair.toBuilder().activityId(null).requestedCopyState(CopyState.NOT_APPLICABLE);
    if (a.activityKind() == ActivityKind.COPY) {
      b.phase(PairPhase.ABORTED).percentSynced(percent);
    } else {
      PairPhase back = pair.phaseBefore() == null ? PairPhase.INITIALIZED : pair.phaseBefore();
      // Reverting to a copy that an earlier operation already stopped leaves the copy aborted.
      b.phase(back.inProgress() ? PairPhase.ABORTED : back);
    }
    tx.put(b.build());
  }

  /** Intrinsic DeleteInstance on a job: only finished jobs can be deleted (4 Failed otherwise). */
  public Outcome<Job> deleteJob(String jobId) {
    return core.write(tx -> {
      Job job = tx.state().job(jobId);
      if (job == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Job: no job '" + jobId + "'");
      }
      if (!job.isFinished()) {
        return Outcome.refused(ReturnCode.FAILED, "Job: " + jobId + " is still running");
      }
      tx.remove(job);
      return Outcome.done(job);
    });
  }

  /** ModifyInstance of DeleteOnCompletion / TimeBeforeRemoval; restarts the removal timer of a finished job. */
  public Outcome<Job> setRetention(String jobId, boolean deleteOnCompletion, Duration timeBeforeRemoval) {
    return core.write(tx -> {
      Job job = tx.state().job(jobId);
      if (job == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Job: no job '" + jobId + "'");
      }
      if (timeBeforeRemoval == null || timeBeforeRemoval.isNegative()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TimeBeforeRemoval: must be a non-negative interval");
      }
      return Outcome.done(tx.put(job.withRetention(deleteOnCompletion, timeBeforeRemoval, tx.now())));
    });
  }

  /** Catch-up step: removes finished jobs whose retention has expired. */
  void removeExpired(Tx tx, Instant now) {
    if (tx.state().count(EntityKind.JOB) == 0) {
      return;
    }
    for (Job job : new ArrayList<>(tx.state().<Job>all(EntityKind.JOB))) {
      if (job.isFinished() && job.deleteOnCompletion()
          && !job.timeOfLastStateChange().plus(job.timeBeforeRemoval()).isAfter(now)) {
        tx.remove(job);
      }
    }
  }
}
