package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.clock.ManualClock;
import org.cimforge.array.event.EngineEvent;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.SyncType;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * A small simulated array on a manual clock for tests: one system, one 10 GiB pool, 1 MiB/s copies (a 100 MiB
 * full copy takes 100 s), 2 s control operations, and a recorder of every event.
 */
final class Lab implements AutoCloseable {

  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;

  final ManualClock clock = new ManualClock();
  final ArrayEngine engine;
  final String systemId;
  final String poolId;
  final List<EngineEvent> events = new ArrayList<>();

  Lab() {
    this(null);
  }

  Lab(Path dataDirectory) {
    this(EngineConfig.defaults().withDataDirectory(dataDirectory), true);
  }

  private Lab(EngineConfig base, boolean setup) {
    EngineConfig config = base.withClock(clock).withCopyRate(MIB)
        .withControlOperationTime(Duration.ofSeconds(2));
    engine = ArrayEngine.open(config);
    engine.addListener(events::add);
    if (setup && engine.storage().systems().isEmpty()) {
      systemId = engine.storage().createSystem("lab", 64 * GIB, "2105.FA120").orThrow().id();
      poolId = engine.storage().createPool(systemId, "pool", 10 * GIB, 0, 0).orThrow().id();
    } else {
      systemId = engine.storage().systems().get(0).id();
      poolId = engine.storage().pools().get(0).id();
    }
  }

  StoragePool pool() {
    return engine.storage().pool(poolId).orElseThrow();
  }

  Volume volume(long sizeMib) {
    return engine.storage().createVolume(VolumeRequest.thick(poolId, null, sizeMib * MIB)).orThrow();
  }

  Volume volume(String id) {
    return engine.storage().volume(id).orElse(null);
  }

  Synchronization pair(String id) {
    return engine.replication().synchronization(id).orElse(null);
  }

  /** A Copy Services pair of the given copy type from a fresh 100 MiB volume; not advanced in time. */
  Synchronization create(CopyType type) {
    Volume source = volume(100);
    return engine.replication().createReplica(ReplicaRequest.of(source.id(), type)).orThrow().synchronization();
  }

  Synchronization snapshot() {
    Volume source = volume(100);
    return engine.replication().createReplica(ReplicaRequest.snapshot(source.id())).orThrow().synchronization();
  }

  Synchronization createElement(SyncType type, CopyState wait) {
    Volume source = volume(100);
    ElementReplicaRequest request = ElementReplicaRequest.of(source.id(), type);
    if (wait != null) {
      request = request.waitFor(wait);
    }
    return engine.replication().createElementReplica(request).orThrow().synchronization();
  }

  /** Lets every running activity finish. */
  void settle() {
    clock.advance(Duration.ofHours(1));
  }

  Outcome<Synchronization> cs(CopyServicesOperation op, String pairId) {
    return engine.replication().modifySynchronization(op, pairId);
  }

  Outcome<Synchronization> rs(ReplicationOperation op, String pairId) {
    return engine.replication().modifyReplicaSynchronization(op, pairId, false);
  }

  /** Capacity conservation and index consistency, checked from scratch. */
  void assertInvariants() {
    List<Volume> volumes = engine.storage().volumes();
    for (StoragePool pool : engine.storage().pools()) {
      long consumed = 0;
      long reserved = 0;
      long subscribed = 0;
      int count = 0;
      for (Volume v : volumes) {
        if (v.poolId().equals(pool.id())) {
          consumed += v.allocatedBytes();
          reserved += v.deltaSpaceBytes();
          subscribed += v.provisioning() == org.cimforge.array.model.Provisioning.THIN && !v.isSnapshot()
              ? v.sizeBytes() : 0;
          count++;
        }
      }
      for (var a : engine.replication().activities()) {
        if (a.activityKind() == org.cimforge.array.model.ActivityKind.DELTA_SPACE
            && volume(a.subjectId()).poolId().equals(pool.id())) {
          reserved += a.amount();
        }
      }
      assertThat(pool.consumedBytes()).as("consumed of " + pool.id()).isEqualTo(consumed);
      assertThat(pool.reservedBytes()).as("reserved of " + pool.id()).isEqualTo(reserved);
      assertThat(pool.subscribedBytes()).as("subscribed of " + pool.id()).isEqualTo(subscribed);
      assertThat(pool.volumeCount()).isEqualTo(count);
      assertThat(pool.freeBytes()).isBetween(0L, pool.totalBytes());
      assertThat(pool.totalBytes()).isEqualTo(pool.freeBytes() + pool.consumedBytes() + pool.reservedBytes());
    }
    for (Synchronization s : engine.replication().synchronizations()) {
      assertThat(volume(s.sourceId())).as("source of " + s.id()).isNotNull();
      assertThat(volume(s.targetId())).as("target of " + s.id()).isNotNull();
    }
    assertThat(EntityKind.values()).isNotEmpty();
  }

  @Override
  public void close() {
    engine.close();
  }
}
