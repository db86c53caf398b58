package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cimforge.array.clock.ManualClock;
import org.cimforge.array.event.EngineEvent;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.Entity;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.array.store.SqliteStore;
import org.cimforge.array.store.Store;
import org.cimforge.array.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise "if the store fails, the in-memory change is rolled back as well": the engine runs on the real
 * SQLite store wrapped in one that refuses commits on demand, and after each refused commit the engine must read
 * exactly as before, publish nothing, keep working once the store recovers, and agree with what the store holds.
 */
class StoreFailureTest {

  /** Passes everything to the real store, except commits while {@link #failing} is set, which throw as a full disk would. */
  static final class FailingStore implements Store {
    private final Store delegate;
    volatile boolean failing;
    int refused;

    FailingStore(Store delegate) {
      this.delegate = delegate;
    }

    @Override
    public Snapshot load() {
      return delegate.load();
    }

    @Override
    public void commit(Collection<Entity> puts, Collection<Key> deletes, long nextId) {
      if (failing) {
        refused++;
        throw new StoreException("cannot commit to the engine store", new IOException("No space left on device"));
      }
      delegate.commit(puts, deletes, nextId);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  @TempDir
  Path dataDir;

  private final ManualClock clock = new ManualClock();
  private final List<EngineEvent> events = new ArrayList<>();
  private FailingStore store;
  private ArrayEngine engine;
  private String poolId;

  @BeforeEach
  void open() {
    EngineConfig config = config();
    store = new FailingStore(new SqliteStore(dataDir, false));
    engine = ArrayEngine.open(config, store);
    engine.addListener(events::add);
    String system = engine.storage().createSystem("lab", 64 * Lab.GIB, null).orThrow().id();
    poolId = engine.storage().createPool(system, "pool", 10 * Lab.GIB, 0, 0).orThrow().id();
  }

  private EngineConfig config() {
    return EngineConfig.defaults().withDataDirectory(dataDir).withClock(clock).withCopyRate(Lab.MIB)
        .withControlOperationTime(Duration.ofSeconds(2));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private StoragePool pool() {
    return engine.storage().pool(poolId).orElseThrow();
  }

  @Test
  void aCreateWhoseCommitFailsLeavesNoTrace() {
    Volume kept = engine.storage().createVolume(VolumeRequest.thick(poolId, "kept", 100 * Lab.MIB)).orThrow();
    StoragePool poolBefore = pool();
    List<Volume> volumesBefore = engine.storage().volumes();
    int eventsBefore = events.size();

    store.failing = true;
    assertThatThrownBy(() -> engine.storage().createVolume(VolumeRequest.thick(poolId, "lost", 200 * Lab.MIB)))
        .isInstanceOf(StoreException.class);
    assertThat(store.refused).isEqualTo(1);

    // Nothing of the refused create is visible: no volume, no capacity taken, no event.
    assertThat(engine.storage().volumes()).isEqualTo(volumesBefore);
    assertThat(pool()).isEqualTo(poolBefore);
    assertThat(events).hasSize(eventsBefore);

    // The engine keeps working once the store does, and the store agrees with memory after a reopen.
    store.failing = false;
    Volume later = engine.storage().createVolume(VolumeRequest.thick(poolId, "later", 200 * Lab.MIB)).orThrow();
    assertThat(later.id()).isNotEqualTo(kept.id());
    assertThat(pool().consumedBytes()).isEqualTo(poolBefore.consumedBytes() + 200 * Lab.MIB);
    assertReopenedEngineReadsTheSame();
  }

  @Test
  void aDeleteWhoseCommitFailsKeepsTheVolume() {
    Volume volume = engine.storage().createVolume(VolumeRequest.thick(poolId, "v", 100 * Lab.MIB)).orThrow();
    StoragePool poolBefore = pool();
    int eventsBefore = events.size();

    store.failing = true;
    assertThatThrownBy(() -> engine.storage().deleteVolume(volume.id())).isInstanceOf(StoreException.class);

    assertThat(engine.storage().volume(volume.id())).contains(volume);
    assertThat(pool()).isEqualTo(poolBefore);
    assertThat(events).hasSize(eventsBefore);
    store.failing = false;
    assertReopenedEngineReadsTheSame();
  }

  @Test
  void aReplicaWhoseCommitFailsLeavesSourcePoolAndRelationshipsAsTheyWere() {
    Volume source = engine.storage().createVolume(VolumeRequest.thick(poolId, "src", 100 * Lab.MIB)).orThrow();
    StoragePool poolBefore = pool();
    List<Synchronization> pairsBefore = engine.replication().synchronizations();
    int volumesBefore = engine.storage().volumeCount();

    // A snapshot touches several objects at once: target volume, pair, pool accounting, source.
    store.failing = true;
    assertThatThrownBy(() -> engine.replication().createReplica(ReplicaRequest.of(source.id(), CopyType.UNSYNC_ASSOC)))
        .isInstanceOf(StoreException.class);

    assertThat(engine.replication().synchronizations()).isEqualTo(pairsBefore);
    assertThat(engine.storage().volumeCount()).isEqualTo(volumesBefore);
    assertThat(engine.storage().volume(source.id())).contains(source);
    assertThat(engine.storage().relationshipsOf(source.id())).isEmpty();
    assertThat(pool()).isEqualTo(poolBefore);
    store.failing = false;
    assertReopenedEngineReadsTheSame();
  }

  /** Closes the engine and opens the data directory afresh: what SQLite holds must equal what memory showed. */
  private void assertReopenedEngineReadsTheSame() {
    List<Volume> volumes = engine.storage().volumes();
    List<StoragePool> pools = engine.storage().pools();
    List<Synchronization> pairs = engine.replication().synchronizations();
    engine.close();
    engine = ArrayEngine.open(config());
    assertThat(engine.storage().volumes()).containsExactlyInAnyOrderElementsOf(volumes);
    assertThat(engine.storage().pools()).containsExactlyInAnyOrderElementsOf(pools);
    assertThat(engine.replication().synchronizations()).containsExactlyInAnyOrderElementsOf(pairs);
  }
}
