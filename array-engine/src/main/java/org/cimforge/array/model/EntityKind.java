package org.cimforge.array.model;

/** The kinds of objects the engine keeps, each persisted and published under its own kind. */
public enum EntityKind {
  SYSTEM(StorageSystem.class),
  POOL(StoragePool.class),
  VOLUME(Volume.class),
  SYNCHRONIZATION(Synchronization.class),
  GROUP(ReplicaGroup.class),
  JOB(Job.class),
  ACTIVITY(Activity.class),
  PPRC_SESSION(PprcSession.class);

  private final Class<? extends Entity> type;

  EntityKind(Class<? extends Entity> type) {
    this.type = type;
  }

  /** The record class that holds objects of this kind. */
  public Class<? extends Entity> type() {
    return type;
  }
}
