package org.cimforge.array.event;

import java.time.Instant;
import org.cimforge.array.model.Entity;
import org.cimforge.array.model.EntityKind;

/**
 * One committed change of an engine object, published in commit order so a runtime can turn it into a
 * CIM_InstCreation, CIM_InstModification (with the previous instance) or CIM_InstDeletion indication.
 */
public sealed interface EngineEvent permits Created, Modified, Deleted {

  /** Strictly increasing across the engine's lifetime in this process. */
  long sequence();

  /** Engine-clock time of the change. */
  Instant time();

  /** The object as it is after the change (null for a deletion). */
  Entity after();

  /** The object as it was before the change (null for a creation). */
  Entity before();

  /** The kind of the changed object. */
  default EntityKind kind() {
    return after() != null ? after().kind() : before().kind();
  }

  /** The id of the changed object. */
  default String id() {
    return after() != null ? after().id() : before().id();
  }
}
