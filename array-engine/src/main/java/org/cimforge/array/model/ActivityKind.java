package org.cimforge.array.model;

/** What an activity does when it finishes. */
public enum ActivityKind {
  /** Moves data for a pair; drives PercentSynced; ends in the activity's target phase. */
  COPY,
  /** A state transition of a pair that takes time but moves no data (fracture, split, quiesce, ...). */
  CONTROL,
  /** Grows a snapshot's delta space to {@code amount} bytes (UpdateDeltaSnapshotSpace). */
  DELTA_SPACE
}
