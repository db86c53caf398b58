package org.cimforge.array.model;

/**
 * A simulated storage system: raw capacity that pools are carved from, and an optional IBM ESS id
 * (for example {@code 2105.FA120}) so its volumes can take part in ESS copy sessions.
 */
public record StorageSystem(String id, String name, long rawCapacityBytes, long unallocatedBytes, String essId)
    implements Entity {

  @Override
  public EntityKind kind() {
    return EntityKind.SYSTEM;
  }

  /** A copy with different unallocated capacity. */
  public StorageSystem withUnallocatedBytes(long bytes) {
    return new StorageSystem(id, name, rawCapacityBytes, bytes, essId);
  }
}
