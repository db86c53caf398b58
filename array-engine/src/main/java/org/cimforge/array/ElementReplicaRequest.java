package org.cimforge.array;

import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.Mode;
import org.cimforge.array.model.SyncType;

/**
 * Arguments of Replication Services CreateElementReplica, with enumerated parameters as raw ValueMap numbers.
 *
 * @param sourceId SourceElement (required)
 * @param elementName ElementName of a new target
 * @param syncType SyncType number (6 Mirror, 7 Snapshot, 8 Clone; 9 TokenizedClone is not supported)
 * @param mode Mode number (2 Synchronous, 3 Asynchronous, 4 Adaptive); null lets the engine choose
 * @param targetElementId existing target; must be null when a target pool is given
 * @param targetPoolId TargetPool; null means the source's pool
 * @param waitForCopyState CopyState number the method (or its job) must reach before completing; null means the
 *     natural end state (Synchronized)
 */
public record ElementReplicaRequest(String sourceId, String elementName, Integer syncType, Integer mode,
    String targetElementId, String targetPoolId, Integer waitForCopyState) {

  /** A new target of the given type in the source's pool, waiting for the natural end state. */
  public static ElementReplicaRequest of(String sourceId, SyncType syncType) {
    return new ElementReplicaRequest(sourceId, null, syncType.value(), null, null, null, null);
  }

  /** The same request with a mode. */
  public ElementReplicaRequest mode(Mode m) {
    return new ElementReplicaRequest(sourceId, elementName, syncType, m.value(), targetElementId, targetPoolId,
        waitForCopyState);
  }

  /** The same request completing when the pair reaches {@code state}. */
  public ElementReplicaRequest waitFor(CopyState state) {
    return new ElementReplicaRequest(sourceId, elementName, syncType, mode, targetElementId, targetPoolId,
        state.value());
  }

  /** The same request using an existing target volume. */
  public ElementReplicaRequest toTarget(String targetId) {
    return new ElementReplicaRequest(sourceId, elementName, syncType, mode, targetId, targetPoolId,
        waitForCopyState);
  }

  /** The same request with the target placed in another pool. */
  public ElementReplicaRequest inPool(String poolId) {
    return new ElementReplicaRequest(sourceId, elementName, syncType, mode, targetElementId, poolId,
        waitForCopyState);
  }
}
