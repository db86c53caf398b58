package org.cimforge.array.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimforge.array.Outcome;
import org.cimforge.array.model.Activity;
import org.cimforge.array.model.ActivityKind;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.ElementRef;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.JobState;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.PairPhase;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * Moves pairs through time: starts a transition (immediately, or as an activity with a job when it takes time),
 * completes activities when the clock reaches their end, keeps PercentSynced and job progress current, stops work
 * that another operation interrupts, and fails whatever a crash cut short.
 */
public final class PairMachine {

  /** Pass as shared job id to run an activity without any job. */
  public static final String NO_JOB = "";

  private final EngineCore core;
  private final Jobs jobs;

  public PairMachine(EngineCore core, Jobs jobs) {
    this.core = core;
    this.jobs = jobs;
  }

  /** How long moving {@code bytes} takes at the configured copy rate (at least 1 ms for non-zero work). */
  public Duration copyTime(long bytes) {
    if (bytes <= 0) {
      return Duration.ZERO;
    }
    long millis = (long) Math.ceil(bytes * 1000.0 / core.config().copyRateBytesPerSecond());
    return Duration.ofMillis(Math.max(1, millis));
  }

  /**
   * Starts a transition of {@code pair}: through {@code intermediate} to {@code target}. COPY work lasts
   * {@code bytes} at the copy rate, CONTROL work lasts the configured control time. With zero duration the pair
   * lands in {@code target} at once (return code 0); otherwise an activity and a job carry it (4096). Pass a
   * {@code sharedJobId} to attach the activity to an existing (group) job instead of starting a new one, or
   * {@link #NO_JOB} when the caller reports completion itself and wants no job.
   */
  public Outcome<Synchronization> transition(Tx tx, Synchronization pair, String jobName, PairPhase intermediate,
      PairPhase target, ActivityKind kind, long bytes, int startPercent, String sharedJobId) {
    Duration duration = kind == ActivityKind.COPY ? copyTime(bytes) : core.config().controlOperationTime();
    Synchronization before = pair.toBuilder().phaseBefore(pair.phase()).build();
    if (duration.isZero()) {
      return Outcome.done(finish(tx, before, target, kind, tx.now()));
    }
    Job job = sharedJobId == null ? jobs.start(tx, jobName, affected(pair))
        : NO_JOB.equals(sharedJobId) ? null : tx.state().job(sharedJobId);
    Activity activity = tx.put(new Activity(core.newId("A"), kind, pair.id(), jobName, tx.now(),
        tx.now().plus(duration), kind == ActivityKind.COPY ? startPercent : 0, target, bytes,
        job == null ? null : job.id()));
    Synchronization moving = tx.put(before.toBuilder().phase(intermediate).activityId(activity.id())
        .requestedCopyState(target.copyState())
        .percentSynced(kind == ActivityKind.COPY ? startPercent : pair.percentSynced()).build());
    return job == null || sharedJobId != null ? Outcome.done(moving) : Outcome.started(moving, job);
  }

  /** Elements a pair job affects: the target volume first (clients take the first volume), then the pair. */
  public static List<ElementRef> affected(Synchronization pair) {
    return List.of(new ElementRef(EntityKind.VOLUME, pair.targetId()),
        new ElementRef(EntityKind.SYNCHRONIZATION, pair.id()));
  }

  /** Lands a pair in {@code target}; returns the new pair or null when it went away (finished UnSyncUnAssoc). */
  public Synchronization finish(Tx tx, Synchronization pair, PairPhase target, ActivityKind kind, Instant at) {
    Synchronization.Builder b = pair.toBuilder().phase(target).activityId(null)
        .requestedCopyState(CopyState.NOT_APPLICABLE);
    if (kind == ActivityKind.COPY) {
      b.percentSynced(100);
    }
    if (target == PairPhase.SYNCHRONIZED && pair.phase() != PairPhase.RESTORING) {
      // A new point in time: the mirror is in sync, the clone complete, or the snapshot re-taken.
      b.percentSynced(100).whenSynced(at);
      if (pair.pairKind() == PairKind.SNAPSHOT) {
        b.whenActivated(at);
      }
      if (pair.pairKind() == PairKind.TRANSIENT_CLONE) {
        // UnSyncUnAssoc: the association exists only while copying; the target is now an independent volume.
        removePair(tx, pair);
        return null;
      }
    }
    return tx.put(b.build());
  }

  /** Removes a pair and takes it out of its set. */
  public void removePair(Tx tx, Synchronization pair) {
    Synchronization current = tx.state().pair(pair.id());
    if (current == null) {
      return;
    }
    if (current.groupId() != null) {
      ReplicaGroup group = tx.state().group(current.groupId());
      if (group != null) {
        List<String> members = new ArrayList<>(group.members());
        members.remove(current.id());
        tx.put(group.withMembers(members));
      }
    }
    tx.remove(current);
  }

  /**
   * Stops the activity of a pair because another operation takes over (Abort, Stop Copy, Suspend, forced Detach,
   * job termination). The job ends Terminated (or Killed) with a non-zero ErrorCode. Returns PercentSynced reached.
   */
  public int interrupt(Tx tx, Synchronization pair, String why, JobState jobEnd, int errorCode) {
    Activity activity = tx.state().activity(pair.activityId());
    if (activity == null) {
      return pair.percentSynced();
    }
    int percent = activity.activityKind() == ActivityKind.COPY ? activity.percentAt(tx.now()) : pair.percentSynced();
    tx.remove(activity);
    if (activity.jobId() != null && !jobHasOtherActivities(tx, activity.jobId(), activity.id())) {
      jobs.stop(tx, activity.jobId(), tx.now(), jobEnd, errorCode, why);
    }
    return percent;
  }

  private static boolean jobHasOtherActivities(Tx tx, String jobId, String exceptActivity) {
    for (Activity a : tx.state().<Activity>all(EntityKind.ACTIVITY)) {
      if (jobId.equals(a.jobId()) && !a.id().equals(exceptActivity)) {
        return true;
      }
    }
    return false;
  }

  /** Catch-up step: completes due activities in end-time order, then refreshes progress of running ones. */
  public void catchUp(Tx tx, Instant now) {
    Activity next;
    while ((next = tx.state().firstActivity()) != null && !next.endsAt().isAfter(now)) {
      complete(tx, next);
    }
    if (tx.state().count(EntityKind.ACTIVITY) == 0) {
      return;
    }
    Map<String, int[]> jobProgress = new HashMap<>();
    for (Activity a : new ArrayList<>(tx.state().<Activity>all(EntityKind.ACTIVITY))) {
      int percent = a.percentAt(now);
      if (a.activityKind() == ActivityKind.COPY) {
        Synchronization pair = tx.state().pair(a.subjectId());
        if (pair != null && pair.percentSynced() != percent) {
          tx.put(pair.toBuilder().percentSynced(percent).build());
        }
      }
      if (a.jobId() != null) {
        int[] sum = jobProgress.computeIfAbsent(a.jobId(), k -> new int[2]);
        sum[0] += percent;
        sum[1]++;
      }
    }
    jobProgress.forEach((jobId, sum) -> {
      Job job = tx.state().job(jobId);
      int percent = Math.min(99, sum[0] / sum[1]);
      if (job != null && !job.isFinished() && job.percentComplete() != percent) {
        tx.put(job.withPercent(percent));
      }
    });
  }

  private void complete(Tx tx, Activity activity) {
    tx.remove(activity);
    Instant at = activity.endsAt();
    if (activity.activityKind() == ActivityKind.DELTA_SPACE) {
      Volume volume = tx.state().volume(activity.subjectId());
      if (volume != null) {
        tx.put(volume.withDeltaSpace(volume.deltaSpaceBytes() + activity.amount()));
      }
    } else {
      Synchronization pair = tx.state().pair(activity.subjectId());
      if (pair != null && activity.id().equals(pair.activityId())) {
        finish(tx, pair, activity.targetPhase(), activity.activityKind(), at);
      }
    }
    if (activity.jobId() != null && !jobHasOtherActivities(tx, activity.jobId(), activity.id())) {
      jobs.succeed(tx, activity.jobId(), at);
    }
  }

  /**
   * Crash recovery at open: nothing ran while the engine was down, so every activity found in the store was cut
   * short. Pairs it was moving become Broken, reserved delta space is released, and the jobs end in Exception with
   * an error that says why.
   */
  public void failInterrupted(Tx tx) {
    for (Activity a : new ArrayList<>(tx.state().<Activity>all(EntityKind.ACTIVITY))) {
      tx.remove(a);
      if (a.activityKind() == ActivityKind.DELTA_SPACE) {
        Volume volume = tx.state().volume(a.subjectId());
        if (volume != null) {
          StoragePool pool = tx.state().pool(volume.poolId());
          tx.put(pool.adjust(0, -a.amount(), 0, 0));
        }
      } else {
        Synchronization pair = tx.state().pair(a.subjectId());
        if (pair != null) {
          tx.put(pair.toBuilder().phase(PairPhase.BROKEN).activityId(null)
              .requestedCopyState(CopyState.NOT_APPLICABLE).build());
        }
      }
    }
    for (Job job : new ArrayList<>(tx.state().<Job>all(EntityKind.JOB))) {
      if (!job.isFinished()) {
        jobs.fail(tx, job.id(), tx.now(), JobErrors.ENGINE_RESTART,
            "interrupted: the array engine stopped while this job was running; the affected pair is Broken");
      }
    }
  }
}
