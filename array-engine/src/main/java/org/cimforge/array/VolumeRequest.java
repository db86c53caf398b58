package org.cimforge.array;

import org.cimforge.array.model.Provisioning;

/**
 * Arguments of a volume creation (CreateOrModifyElementFromStoragePool with ElementType StorageVolume).
 *
 * @param poolId the pool to take space from (InPool)
 * @param name ElementName; null lets the engine choose
 * @param sizeBytes requested size; rounded up to whole pool extents, the achieved size is the volume's size
 * @param blockSize 512 or 4096
 * @param provisioning thick or thin
 * @param lss optional ESS logical subsystem number (1-4 hex digits) for copy sessions; null means none
 */
public record VolumeRequest(String poolId, String name, long sizeBytes, long blockSize, Provisioning provisioning,
    String lss) {

  /** A thick volume with 512-byte blocks. */
  public static VolumeRequest thick(String poolId, String name, long sizeBytes) {
    return new VolumeRequest(poolId, name, sizeBytes, 512, Provisioning.THICK, null);
  }

  /** A thin volume with 512-byte blocks. */
  public static VolumeRequest thin(String poolId, String name, long sizeBytes) {
    return new VolumeRequest(poolId, name, sizeBytes, 512, Provisioning.THIN, null);
  }

  /** The same request placed in an ESS logical subsystem. */
  public VolumeRequest inLss(String lssNumber) {
    return new VolumeRequest(poolId, name, sizeBytes, blockSize, provisioning, lssNumber);
  }
}
