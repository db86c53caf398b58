package org.cimforge.array.model;

/** The engine's own classification of a pair, which decides which operations apply to it. */
public enum PairKind {
  /** Sync or Async mirror (SyncType Mirror, CopyType Sync/Async). */
  MIRROR,
  /** Virtual point-in-time copy (SyncType Snapshot, CopyType UnSyncAssoc, ReplicaType After Delta). */
  SNAPSHOT,
  /** Full point-in-time copy that stays associated (SyncType Clone, CopyType UnSyncAssoc). */
  CLONE,
  /** Full copy whose association lasts only while copying (SyncType Clone, CopyType UnSyncUnAssoc). */
  TRANSIENT_CLONE
}
