package org.cimforge.array;

import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.ReplicaType;

/**
 * Arguments of Copy Services CreateReplica (and AttachReplica when {@code targetElementId} names an existing
 * volume). Enumerated parameters are raw ValueMap numbers, as a CIM client sends them, so the engine can answer
 * unknown values with 5 Invalid Parameter and vendor-range values with 1 Not Supported.
 *
 * @param sourceId SourceElement (required)
 * @param elementName ElementName of a new target; null lets the engine choose
 * @param copyType CopyType number (2 Async, 3 Sync, 4 UnSyncAssoc, 5 UnSyncUnAssoc)
 * @param replicaType ReplicaType number from the target setting goal; null means Full Copy, 4 After Delta asks for
 *     a snapshot
 * @param targetPoolId TargetPool; null means the source's pool
 * @param targetElementId existing target (AttachReplica); must be null when a target pool is given
 */
public record ReplicaRequest(String sourceId, String elementName, Integer copyType, Integer replicaType,
    String targetPoolId, String targetElementId) {

  /** A new target of the given copy type in the source's pool. */
  public static ReplicaRequest of(String sourceId, CopyType copyType) {
    return new ReplicaRequest(sourceId, null, copyType.value(), null, null, null);
  }

  /** A virtual copy (UnSyncAssoc, After Delta). */
  public static ReplicaRequest snapshot(String sourceId) {
    return new ReplicaRequest(sourceId, null, CopyType.UNSYNC_ASSOC.value(), ReplicaType.AFTER_DELTA.value(), null,
        null);
  }

  /** The same request with the target placed in another pool. */
  public ReplicaRequest inPool(String poolId) {
    return new ReplicaRequest(sourceId, elementName, copyType, replicaType, poolId, targetElementId);
  }

  /** The same request using an existing target volume. */
  public ReplicaRequest toTarget(String targetId) {
    return new ReplicaRequest(sourceId, elementName, copyType, replicaType, targetPoolId, targetId);
  }

  /** The same request with a name for the new target. */
  public ReplicaRequest named(String name) {
    return new ReplicaRequest(sourceId, name, copyType, replicaType, targetPoolId, targetElementId);
  }
}
