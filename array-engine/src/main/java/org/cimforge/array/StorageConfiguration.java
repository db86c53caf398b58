package org.cimforge.array;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cimforge.array.internal.Capacity;
import org.cimforge.array.internal.EngineCore;
import org.cimforge.array.internal.PairMachine;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.Provisioning;
import org.cimforge.array.model.ReturnCode;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * Systems, pools and volumes: what StorageConfigurationService's CreateOrModifyStoragePool, DeleteStoragePool,
 * CreateOrModifyElementFromStoragePool and ReturnToStoragePool do. Sizes that cannot be met are refused with 4097
 * Size Not Supported and the nearest size the pool could give.
 */
public final class StorageConfiguration {

  /** Default allocation unit of a pool. */
  public static final long DEFAULT_EXTENT_BYTES = 1L << 20;
  /** Default thin over-subscription limit (subscribed may reach 4 x total). */
  public static final double DEFAULT_SUBSCRIPTION_RATIO = 4.0;

  static final Pattern ESS_ID = Pattern.compile("[0-9]{4}\\.[0-9A-Z]{5}");
  static final Pattern LSS_NUMBER = Pattern.compile("[0-9A-F]{1,4}");

  private final EngineCore core;
  private final Capacity capacity;
  private final PairMachine machine;

  StorageConfiguration(EngineCore core, Capacity capacity, PairMachine machine) {
    this.core = core;
    this.capacity = capacity;
    this.machine = machine;
  }

  /** Adds a storage system with {@code rawCapacityBytes} to carve pools from; {@code essId} may be null. */
  public Outcome<StorageSystem> createSystem(String name, long rawCapacityBytes, String essId) {
    return core.write(tx -> {
      if (rawCapacityBytes <= 0) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "RawCapacity: must be positive, got " + rawCapacityBytes);
      }
      String ess = essId == null ? null : essId.toUpperCase(Locale.ROOT);
      if (ess != null && !ESS_ID.matcher(ess).matches()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "ESSID: '" + essId
            + "' is not of the form 2105.FA120 (4 digits, a dot, 5 letters or digits)");
      }
      for (StorageSystem other : tx.state().<StorageSystem>all(EntityKind.SYSTEM)) {
        if (ess != null && ess.equals(other.essId())) {
          return Outcome.refused(ReturnCode.IN_USE, "ESSID: " + ess + " is already used by system " + other.id());
        }
      }
      String id = core.newId("SYS");
      return Outcome.done(tx.put(new StorageSystem(id, name == null ? id : name, rawCapacityBytes,
          rawCapacityBytes, ess)));
    });
  }

  /** CreateOrModifyStoragePool (create): a pool of {@code sizeBytes} from the system's unallocated capacity. */
  public Outcome<StoragePool> createPool(String systemId, String name, long sizeBytes, long extentBytes,
      double maxSubscriptionRatio) {
    return core.write(tx -> {
      StorageSystem system = tx.state().system(systemId);
      if (system == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "System: no storage system '" + systemId + "'");
      }
      long extent = extentBytes == 0 ? DEFAULT_EXTENT_BYTES : extentBytes;
      if (extent < 4096 || extent % 4096 != 0) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER,
            "ExtentSize: must be a positive multiple of 4096 bytes, got " + extentBytes);
      }
      double ratio = maxSubscriptionRatio == 0 ? DEFAULT_SUBSCRIPTION_RATIO : maxSubscriptionRatio;
      if (ratio < 1 || Double.isNaN(ratio)) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER,
            "MaxSubscriptionRatio: must be at least 1, got " + maxSubscriptionRatio);
      }
      if (sizeBytes <= 0) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Size: must be positive, got " + sizeBytes);
      }
      long size = Capacity.roundUp(sizeBytes, extent);
      if (size > system.unallocatedBytes()) {
        long nearest = Capacity.roundDown(system.unallocatedBytes(), extent);
        return Outcome.sizeNotSupported("Size: system " + systemId + " has " + system.unallocatedBytes()
            + " unallocated bytes; the largest possible pool is " + nearest, nearest);
      }
      tx.put(system.withUnallocatedBytes(system.unallocatedBytes() - size));
      String id = core.newId("P");
      return Outcome.done(tx.put(new StoragePool(id, systemId, name == null ? id : name, size, extent, 0, 0, 0,
          ratio, 0)));
    });
  }

  /** CreateOrModifyStoragePool (modify): renames and/or resizes; it cannot shrink below what is in use. */
  public Outcome<StoragePool> modifyPool(String poolId, String newName, long newSizeBytes) {
    return core.write(tx -> {
      StoragePool pool = tx.state().pool(poolId);
      if (pool == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Pool: no storage pool '" + poolId + "'");
      }
      StorageSystem system = tx.state().system(pool.systemId());
      long size = newSizeBytes <= 0 ? pool.totalBytes() : Capacity.roundUp(newSizeBytes, pool.extentBytes());
      long used = pool.consumedBytes() + pool.reservedBytes();
      long minThin = (long) Math.ceil(pool.subscribedBytes() / pool.maxSubscriptionRatio());
      long floor = Capacity.roundUp(Math.max(used, minThin), pool.extentBytes());
      if (size < floor) {
        return Outcome.sizeNotSupported("Size: pool " + poolId + " holds " + used
            + " bytes in use; the smallest possible size is " + floor, floor);
      }
      long growth = size - pool.totalBytes();
      if (growth > system.unallocatedBytes()) {
        long nearest = Capacity.roundDown(pool.totalBytes() + system.unallocatedBytes(), pool.extentBytes());
        return Outcome.sizeNotSupported("Size: system " + system.id() + " has " + system.unallocatedBytes()
            + " unallocated bytes; the largest possible size is " + nearest, nearest);
      }
      tx.put(system.withUnallocatedBytes(system.unallocatedBytes() - growth));
      return Outcome.done(tx.put(pool.resize(newName == null ? pool.name() : newName, size)));
    });
  }

  /** DeleteStoragePool: only an empty pool can go; its space returns to the system. */
  public Outcome<StorageSystem> deletePool(String poolId) {
    return core.write(tx -> {
      StoragePool pool = tx.state().pool(poolId);
      if (pool == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Pool: no storage pool '" + poolId + "'");
      }
      if (pool.volumeCount() > 0 || pool.reservedBytes() > 0) {
        return Outcome.refused(ReturnCode.IN_USE, "Pool: " + poolId + " still holds " + pool.volumeCount()
            + " volume(s)");
      }
      StorageSystem system = tx.state().system(pool.systemId());
      tx.remove(pool);
      return Outcome.done(tx.put(system.withUnallocatedBytes(system.unallocatedBytes() + pool.totalBytes())));
    });
  }

  /** CreateOrModifyElementFromStoragePool (create a StorageVolume). */
  public Outcome<Volume> createVolume(VolumeRequest request) {
    return core.write(tx -> {
      StoragePool pool = tx.state().pool(request.poolId());
      if (pool == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "InPool: no storage pool '" + request.poolId() + "'");
      }
      if (request.blockSize() != 512 && request.blockSize() != 4096) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER,
            "BlockSize: only 512 and 4096 are supported, got " + request.blockSize());
      }
      if (request.provisioning() == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Provisioning: thick or thin is required");
      }
      if (request.sizeBytes() <= 0) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Size: must be positive, got " + request.sizeBytes());
      }
      String lss = request.lss() == null ? null : request.lss().toUpperCase(Locale.ROOT);
      if (lss != null && !LSS_NUMBER.matcher(lss).matches()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "LSS: '" + request.lss()
            + "' is not a 1 or 2 byte hexadecimal LSS number");
      }
      long size = Capacity.roundUp(request.sizeBytes(), pool.extentBytes());
      Outcome<Volume> noRoom = Capacity.checkRoom(pool, size, request.provisioning(), 0);
      if (noRoom != null) {
        return noRoom;
      }
      return Outcome.done(capacity.createVolume(tx, pool, request.name(), request.blockSize(), size,
          request.provisioning(), lss == null ? null : normalizeLss(lss)));
    });
  }

  static String normalizeLss(String lss) {
    String upper = lss.toUpperCase(Locale.ROOT);
    return upper.length() % 2 == 1 ? "0" + upper : upper;
  }

  /**
   * CreateOrModifyElementFromStoragePool (modify an existing volume): renames and/or grows it. Volumes in a
   * replica relationship or copy session cannot change size (6 In Use); a smaller size is refused with 4097.
   */
  public Outcome<Volume> modifyVolume(String volumeId, String newName, long newSizeBytes) {
    return core.write(tx -> {
      Volume volume = tx.state().volume(volumeId);
      if (volume == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TheElement: no volume '" + volumeId + "'");
      }
      String name = newName == null ? volume.name() : newName;
      if (newSizeBytes <= 0 || newSizeBytes == volume.sizeBytes()) {
        return Outcome.done(tx.put(rename(volume, name)));
      }
      if (volume.isSnapshot()) {
        return Outcome.refused(ReturnCode.NOT_SUPPORTED, "TheElement: snapshot " + volumeId
            + " follows its source's size and cannot be resized");
      }
      StoragePool pool = tx.state().pool(volume.poolId());
      long size = Capacity.roundUp(newSizeBytes, pool.extentBytes());
      if (size < volume.sizeBytes()) {
        return Outcome.sizeNotSupported("Size: volumes can only grow; " + volumeId + " has "
            + volume.sizeBytes() + " bytes, which is the nearest possible size", volume.sizeBytes());
      }
      if (!tx.state().pairsOf(volumeId).isEmpty() || !tx.state().sessionsOf(volumeId).isEmpty()) {
        return Outcome.refused(ReturnCode.IN_USE, "TheElement: volume " + volumeId
            + " is in a replica relationship or copy session; its size cannot change");
      }
      Outcome<Volume> noRoom = Capacity.checkRoom(pool, size, volume.provisioning(), volume.sizeBytes());
      if (noRoom != null) {
        return noRoom;
      }
      long extraAllocated = volume.provisioning() == Provisioning.THICK ? size - volume.sizeBytes() : 0;
      long extraSubscribed = volume.provisioning() == Provisioning.THIN ? size - volume.sizeBytes() : 0;
      tx.put(pool.adjust(extraAllocated, 0, extraSubscribed, 0));
      Volume grown = rename(volume, name).resized(size / volume.blockSize(), volume.allocatedBytes() + extraAllocated);
      return Outcome.done(tx.put(grown));
    });
  }

  private static Volume rename(Volume v, String name) {
    return new Volume(v.id(), v.systemId(), v.poolId(), name, v.blockSize(), v.numberOfBlocks(),
        v.consumableBlocks(), v.provisioning(), v.allocatedBytes(), v.volumeKind(), v.snapshotOf(),
        v.deltaSpaceBytes(), v.lss());
  }

  /**
   * ReturnToStoragePool: deletes a volume and returns its space. Refused with 6 In Use while it is the source of
   * replicas, the target of a running copy, or in a copy session; relationships where it is the target go too.
   */
  public Outcome<Volume> deleteVolume(String volumeId) {
    return core.write(tx -> {
      Volume volume = tx.state().volume(volumeId);
      if (volume == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "TheElement: no volume '" + volumeId + "'");
      }
      Outcome<Volume> blocker = Capacity.deletionBlocker(tx, volume);
      if (blocker != null) {
        return blocker;
      }
      capacity.deleteVolume(tx, volume, machine);
      return Outcome.done(volume);
    });
  }

  /** The system with {@code id}. */
  public Optional<StorageSystem> system(String id) {
    return core.read(() -> Optional.ofNullable(core.state().system(id)));
  }

  /** All systems. */
  public List<StorageSystem> systems() {
    return core.read(() -> new ArrayList<>(core.state().<StorageSystem>all(EntityKind.SYSTEM)));
  }

  /** The pool with {@code id}. */
  public Optional<StoragePool> pool(String id) {
    return core.read(() -> Optional.ofNullable(core.state().pool(id)));
  }

  /** All pools. */
  public List<StoragePool> pools() {
    return core.read(() -> new ArrayList<>(core.state().<StoragePool>all(EntityKind.POOL)));
  }

  /** The volume with {@code id} (O(1)). */
  public Optional<Volume> volume(String id) {
    return core.read(() -> Optional.ofNullable(core.state().volume(id)));
  }

  /** All volumes (a copy; O(n)). */
  public List<Volume> volumes() {
    return core.read(() -> new ArrayList<>(core.state().<Volume>all(EntityKind.VOLUME)));
  }

  /** Number of volumes. */
  public int volumeCount() {
    return core.read(() -> core.state().count(EntityKind.VOLUME));
  }

  /** The pairs in which the volume takes part (as source or target). */
  public List<Synchronization> relationshipsOf(String volumeId) {
    return core.read(() -> core.state().pairsOf(volumeId).stream().map(core.state()::pair).toList());
  }
}
