package org.cimforge.array.model;

/**
 * A storage volume (StorageVolume). Size is {@code blockSize * numberOfBlocks}; {@code allocatedBytes} is what it
 * takes from its pool (the full size when thick, a first extent when thin, nothing for a snapshot, whose
 * copy-on-write data lives in {@code deltaSpaceBytes} reserved in the pool instead).
 */
public record Volume(
    String id,
    String systemId,
    String poolId,
    String name,
    long blockSize,
    long numberOfBlocks,
    long consumableBlocks,
    Provisioning provisioning,
    long allocatedBytes,
    VolumeKind volumeKind,
    String snapshotOf,
    long deltaSpaceBytes,
    String lss) implements Entity {

  @Override
  public EntityKind kind() {
    return EntityKind.VOLUME;
  }

  /** The volume's size in bytes. */
  public long sizeBytes() {
    return blockSize * numberOfBlocks;
  }

  /** True for a virtual copy backed by delta space. */
  public boolean isSnapshot() {
    return volumeKind == VolumeKind.SNAPSHOT;
  }

  /** A copy with a new size (in blocks) and allocation. */
  public Volume resized(long newBlocks, long newAllocatedBytes) {
    return new Volume(id, systemId, poolId, name, blockSize, newBlocks, newBlocks, provisioning, newAllocatedBytes,
        volumeKind, snapshotOf, deltaSpaceBytes, lss);
  }

  /** A copy with different delta (snapshot) space. */
  public Volume withDeltaSpace(long bytes) {
    return new Volume(id, systemId, poolId, name, blockSize, numberOfBlocks, consumableBlocks, provisioning,
        allocatedBytes, volumeKind, snapshotOf, bytes, lss);
  }

  /** A copy turned into an ordinary thick volume (a snapshot whose data was fully copied). */
  public Volume asFullCopy() {
    return new Volume(id, systemId, poolId, name, blockSize, numberOfBlocks, consumableBlocks, Provisioning.THICK,
        sizeBytes(), VolumeKind.STANDARD, null, 0, lss);
  }
}
