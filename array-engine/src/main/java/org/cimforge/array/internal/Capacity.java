package org.cimforge.array.internal;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.Outcome;
import org.cimforge.array.model.Provisioning;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.ReturnCode;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.array.model.VolumeKind;

/**
 * Pool accounting: every byte a volume allocates or a snapshot reserves moves between the pool's free space and
 * its consumed or reserved totals, so {@code total = free + consumed + reserved} holds after every transaction.
 */
public final class Capacity {

  private final EngineCore core;

  public Capacity(EngineCore core) {
    this.core = core;
  }

  /** Rounds up to a whole number of {@code unit}s. */
  public static long roundUp(long bytes, long unit) {
    return ((bytes + unit - 1) / unit) * unit;
  }

  /** Rounds down to a whole number of {@code unit}s. */
  public static long roundDown(long bytes, long unit) {
    return (bytes / unit) * unit;
  }

  /** What a new volume of {@code size} bytes (already extent-aligned) allocates from its pool. */
  public static long allocationFor(StoragePool pool, long size, Provisioning provisioning) {
    return provisioning == Provisioning.THICK ? size : Math.min(size, pool.extentBytes());
  }

  /**
   * Refusal when {@code pool} cannot host an extra {@code size} bytes (aligned) of the given provisioning, with the
   * nearest size it could host; null when it can.
   */
  public static <T> Outcome<T> checkRoom(StoragePool pool, long size, Provisioning provisioning, long alreadyHeld) {
    long extent = pool.extentBytes();
    if (provisioning == Provisioning.THICK) {
      long extra = size - alreadyHeld;
      if (extra > pool.freeBytes()) {
        long nearest = roundDown(alreadyHeld + pool.freeBytes(), extent);
        return Outcome.sizeNotSupported("Size: pool " + pool.id() + " has " + pool.freeBytes()
            + " bytes free, " + extra + " more are needed; the largest possible size is " + nearest, nearest);
      }
      return null;
    }
    long limit = (long) (pool.totalBytes() * pool.maxSubscriptionRatio());
    long extraSubscribed = size - alreadyHeld;
    long firstExtent = alreadyHeld == 0 ? Math.min(size, extent) : 0;
    if (pool.subscribedBytes() + extraSubscribed > limit || firstExtent > pool.freeBytes()) {
      long room = firstExtent > pool.freeBytes() ? 0 : limit - pool.subscribedBytes();
      long nearest = Math.max(0, roundDown(alreadyHeld + room, extent));
      return Outcome.sizeNotSupported("Size: thin pool " + pool.id() + " would exceed its subscription limit of "
          + limit + " bytes; the largest possible size is " + nearest, nearest);
    }
    return null;
  }

  /** Creates a standard volume and charges its pool. The caller has checked room and arguments. */
  public Volume createVolume(Tx tx, StoragePool pool, String name, long blockSize, long sizeBytes,
      Provisioning provisioning, String lss) {
    long allocated = allocationFor(pool, sizeBytes, provisioning);
    String id = core.newId("V");
    Volume volume = new Volume(id, pool.systemId(), pool.id(), name == null || name.isBlank() ? "volume-" + id : name,
        blockSize, sizeBytes / blockSize, sizeBytes / blockSize, provisioning, allocated, VolumeKind.STANDARD, null, 0,
        lss);
    tx.put(pool.adjust(allocated, 0, provisioning == Provisioning.THIN ? sizeBytes : 0, 1));
    return tx.put(volume);
  }

  /** Creates a snapshot volume of {@code source}, reserving {@code deltaBytes} in {@code pool}. */
  public Volume createSnapshotVolume(Tx tx, StoragePool pool, Volume source, String name, long deltaBytes) {
    String id = core.newId("V");
    Volume volume = new Volume(id, pool.systemId(), pool.id(), name == null || name.isBlank() ? "snap-" + id : name,
        source.blockSize(), source.numberOfBlocks(), source.consumableBlocks(), Provisioning.THIN, 0,
        VolumeKind.SNAPSHOT, source.id(), deltaBytes, source.lss());
    tx.put(pool.adjust(0, deltaBytes, 0, 1));
    return tx.put(volume);
  }

  /**
   * Why a volume cannot be deleted (In Use), or null: it is the source of a replica, is still being copied to,
   * or belongs to a copy session.
   */
  public static <T> Outcome<T> deletionBlocker(Tx tx, Volume volume) {
    for (String pairId : tx.state().pairsOf(volume.id())) {
      Synchronization pair = tx.state().pair(pairId);
      if (pair.sourceId().equals(volume.id())) {
        return Outcome.refused(ReturnCode.IN_USE, "TheElement: volume " + volume.id()
            + " is the source of replica relationship " + pair.id() + "; detach or delete its replicas first");
      }
      if (pair.phase().inProgress()) {
        return Outcome.refused(ReturnCode.IN_USE, "TheElement: volume " + volume.id()
            + " is the target of relationship " + pair.id() + " whose operation is still running");
      }
    }
    for (org.cimforge.array.model.Activity a
        : tx.state().<org.cimforge.array.model.Activity>all(org.cimforge.array.model.EntityKind.ACTIVITY)) {
      if (a.subjectId().equals(volume.id())) {
        return Outcome.refused(ReturnCode.IN_USE, "TheElement: volume " + volume.id() + " has job " + a.jobId()
            + " (" + a.operation() + ") running");
      }
    }
    if (!tx.state().sessionsOf(volume.id()).isEmpty()) {
      return Outcome.refused(ReturnCode.IN_USE, "TheElement: volume " + volume.id() + " belongs to copy session "
          + tx.state().sessionsOf(volume.id()).get(0) + "; remove it from the session first");
    }
    return null;
  }

  /**
   * Deletes a volume that {@link #deletionBlocker} accepted: relationships in which it is the target go away,
   * it leaves its consistency set, and its allocation and delta space return to the pool.
   */
  public void deleteVolume(Tx tx, Volume volume, PairMachine machine) {
    for (String pairId : new ArrayList<>(tx.state().pairsOf(volume.id()))) {
      machine.removePair(tx, tx.state().pair(pairId));
    }
    String groupId = tx.state().groupOf(volume.id());
    if (groupId != null) {
      ReplicaGroup group = tx.state().group(groupId);
      List<String> members = new ArrayList<>(group.members());
      members.remove(volume.id());
      tx.put(group.withMembers(members));
    }
    StoragePool pool = tx.state().pool(volume.poolId());
    long subscribed = volume.provisioning() == Provisioning.THIN && !volume.isSnapshot() ? volume.sizeBytes() : 0;
    tx.put(pool.adjust(-volume.allocatedBytes(), -volume.deltaSpaceBytes(), -subscribed, -1));
    tx.remove(volume);
  }
}
