package org.cimforge.array.model;

/**
 * A storage pool. Capacity is conserved: {@code totalBytes = freeBytes + consumedBytes + reservedBytes}, where
 * consumed is what volumes have allocated and reserved is delta (snapshot) space. Thin volumes additionally
 * subscribe their virtual size, bounded by {@code totalBytes * maxSubscriptionRatio}.
 */
public record StoragePool(
    String id,
    String systemId,
    String name,
    long totalBytes,
    long extentBytes,
    long consumedBytes,
    long reservedBytes,
    long subscribedBytes,
    double maxSubscriptionRatio,
    int volumeCount) implements Entity {

  @Override
  public EntityKind kind() {
    return EntityKind.POOL;
  }

  /** Bytes neither allocated to volumes nor reserved as delta space (RemainingManagedSpace). */
  public long freeBytes() {
    return totalBytes - consumedBytes - reservedBytes;
  }

  /** A copy with its accounting moved by the given deltas. */
  public StoragePool adjust(long consumedDelta, long reservedDelta, long subscribedDelta, int volumeDelta) {
    return new StoragePool(id, systemId, name, totalBytes, extentBytes, consumedBytes + consumedDelta,
        reservedBytes + reservedDelta, subscribedBytes + subscribedDelta, maxSubscriptionRatio,
        volumeCount + volumeDelta);
  }

  /** A copy with a new total size and name. */
  public StoragePool resize(String newName, long newTotalBytes) {
    return new StoragePool(id, systemId, newName, newTotalBytes, extentBytes, consumedBytes, reservedBytes,
        subscribedBytes, maxSubscriptionRatio, volumeCount);
  }
}
