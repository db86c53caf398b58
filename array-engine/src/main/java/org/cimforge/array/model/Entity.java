package org.cimforge.array.model;

/** An immutable snapshot of one engine object; a change replaces the whole record. */
public sealed interface Entity
    permits StorageSystem, StoragePool, Volume, Synchronization, ReplicaGroup, Job, Activity, PprcSession {

  /** The engine-wide unique identifier of the object. */
  String id();

  /** The kind the object is stored and published under. */
  EntityKind kind();
}
