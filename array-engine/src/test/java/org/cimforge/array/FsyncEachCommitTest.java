package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cimforge.array.store.MemoryStore;
import org.cimforge.array.store.SqliteStore;
import org.cimforge.array.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code EngineConfig.fsyncEachCommit} promises, as far as a test can see it: the setting reaches SQLite as
 * {@code synchronous=FULL} (fsync of the WAL at every commit), and the default stays {@code NORMAL}. Survival of a
 * power loss itself cannot be shown without cutting the power; survival of kill -9 with either setting is
 * {@link DurabilityTest}'s.
 */
class FsyncEachCommitTest {
  private static final int NORMAL = 1;
  private static final int FULL = 2;

  @TempDir
  Path dataDir;

  @Test
  void defaultCommitsWithSynchronousNormal() {
    EngineConfig config = EngineConfig.defaults().withDataDirectory(dataDir);
    assertThat(config.fsyncEachCommit()).isFalse();
    try (Store store = ArrayEngine.storeFor(config)) {
      assertThat(store).isInstanceOf(SqliteStore.class);
      assertThat(((SqliteStore) store).synchronousLevel()).isEqualTo(NORMAL);
    }
  }

  @Test
  void fsyncEachCommitReachesSqliteAsSynchronousFull() {
    EngineConfig config = EngineConfig.defaults().withDataDirectory(dataDir).withFsyncEachCommit(true);
    try (Store store = ArrayEngine.storeFor(config)) {
      assertThat(((SqliteStore) store).synchronousLevel()).isEqualTo(FULL);
    }
  }

  @Test
  void anEngineWithFsyncKeepsWhatItCommittedAcrossARestart() {
    EngineConfig config = EngineConfig.defaults().withDataDirectory(dataDir).withFsyncEachCommit(true);
    String volumeId;
    try (ArrayEngine engine = ArrayEngine.open(config)) {
      String system = engine.storage().createSystem("s", 8 * Lab.GIB, null).orThrow().id();
      String pool = engine.storage().createPool(system, "p", 4 * Lab.GIB, 0, 0).orThrow().id();
      volumeId = engine.storage().createVolume(VolumeRequest.thick(pool, "v", 64 * Lab.MIB)).orThrow().id();
    }
    try (ArrayEngine engine = ArrayEngine.open(config)) {
      assertThat(engine.storage().volume(volumeId)).hasValueSatisfying(v -> assertThat(v.name()).isEqualTo("v"));
    }
  }

  @Test
  void withoutADataDirectoryNothingIsWrittenWhateverTheSetting() {
    try (Store store = ArrayEngine.storeFor(EngineConfig.defaults().withFsyncEachCommit(true))) {
      assertThat(store).isInstanceOf(MemoryStore.class);
    }
  }
}
