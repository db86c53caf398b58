package org.cimforge.array.model;

/** The two kinds of replica sets the Copy Services methods manage. */
public enum GroupKind {
  /** A ConsistencySet whose members are volumes (MemberType 0). */
  CONSISTENCY_SET,
  /** A SynchronizedSet whose members are pairs (StorageSynchronized associations). */
  SYNCHRONIZED_SET
}
