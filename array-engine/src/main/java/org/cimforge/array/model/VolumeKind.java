package org.cimforge.array.model;

/** What backs a volume's data. */
public enum VolumeKind {
  /** An ordinary volume whose blocks live in its pool. */
  STANDARD,
  /** A virtual copy (After Delta) that keeps only copy-on-write deltas in reserved delta space. */
  SNAPSHOT
}
