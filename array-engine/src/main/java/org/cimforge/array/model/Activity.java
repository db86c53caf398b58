package org.cimforge.array.model;

import java.time.Instant;

/**
 * Work in progress on the engine clock: a copy, a control transition or a delta-space change. It runs from
 * {@code startedAt} to {@code endsAt}; when due, the engine applies its completion and finishes its job.
 */
public record Activity(
    String id,
    ActivityKind activityKind,
    String subjectId,
    String operation,
    Instant startedAt,
    Instant endsAt,
    int startPercent,
    PairPhase targetPhase,
    long amount,
    String jobId) implements Entity {

  @Override
  public EntityKind kind() {
    return EntityKind.ACTIVITY;
  }

  /** Progress in percent at {@code now}, counting the part done before this activity began. */
  public int percentAt(Instant now) {
    long total = endsAt.toEpochMilli() - startedAt.toEpochMilli();
    if (total <= 0 || !now.isBefore(endsAt)) {
      return 100;
    }
    long done = Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli());
    return (int) Math.min(99, startPercent + (100 - startPercent) * done / total);
  }
}
