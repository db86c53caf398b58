package org.cimforge.array;

import org.cimforge.array.event.EngineListener;
import org.cimforge.array.internal.Capacity;
import org.cimforge.array.internal.EngineCore;
import org.cimforge.array.internal.Jobs;
import org.cimforge.array.internal.PairMachine;
import org.cimforge.array.internal.PairOperations;
import org.cimforge.array.store.MemoryStore;
import org.cimforge.array.store.SqliteStore;
import org.cimforge.array.store.Store;

/**
 * The simulated storage array: open one with {@link #open(EngineConfig)}, then use its services. All methods are
 * thread-safe; every change is durable (with a data directory) before the call returns, and is published to the
 * listeners as an event.
 */
public final class ArrayEngine implements AutoCloseable {

  private final EngineCore core;
  private final StorageConfiguration storage;
  private final ReplicationServices replication;
  private final ReplicaSets sets;
  private final AsyncPprc pprc;
  private final JobControl jobs;

  private ArrayEngine(EngineConfig config, Store store) {
    core = new EngineCore(config, store);
    Jobs jobFactory = new Jobs(core);
    PairMachine machine = new PairMachine(core, jobFactory);
    Capacity capacity = new Capacity(core);
    PairOperations operations = new PairOperations(core, machine, capacity);
    storage = new StorageConfiguration(core, capacity, machine);
    replication = new ReplicationServices(core, capacity, machine, operations, jobFactory);
    sets = new ReplicaSets(core, operations, jobFactory);
    pprc = new AsyncPprc(core);
    jobs = new JobControl(core, machine, jobFactory);
    // Whatever was running when the engine last stopped did not finish: fail it before anything else runs.
    core.writeRaw(machine::failInterrupted);
    core.writeRaw(pprc::restartClock);
    core.addCatchUp(machine::catchUp);
    core.addCatchUp(pprc::catchUp);
    core.addCatchUp(jobs::removeExpired);
    core.startTime();
  }

  /** Opens an engine: durable in {@code config.dataDirectory()} when it is set, in memory otherwise. */
  public static ArrayEngine open(EngineConfig config) {
    return open(config, storeFor(config));
  }

  /** The store {@link #open(EngineConfig)} uses for {@code config}; tests read its settings back. */
  static Store storeFor(EngineConfig config) {
    return config.dataDirectory() == null ? new MemoryStore()
        : new SqliteStore(config.dataDirectory(), config.fsyncEachCommit());
  }

  /** Opens an engine on a given store: tests wrap the real one in a store that fails on demand. */
  static ArrayEngine open(EngineConfig config, Store store) {
    return new ArrayEngine(config, store);
  }

  /** Systems, pools and volumes. */
  public StorageConfiguration storage() {
    return storage;
  }

  /** Snapshots, clones and mirrors (both method families) and UpdateDeltaSnapshotSpace. */
  public ReplicationServices replication() {
    return replication;
  }

  /** Consistency sets and synchronized sets with their group operations. */
  public ReplicaSets sets() {
    return sets;
  }

  /** IBM ESS copy sessions and asynchronous PPRC. */
  public AsyncPprc pprc() {
    return pprc;
  }

  /** Jobs. */
  public JobControl jobs() {
    return jobs;
  }

  /** The settings the engine runs with. */
  public EngineConfig config() {
    return core.config();
  }

  /**
   * True while an operation, a read or a catch-up holds the engine: a read started now would wait for it. A hint
   * only (the engine may be taken a moment later), for callers that would rather not wait at all.
   */
  public boolean busy() {
    return core.busy();
  }

  /** Subscribes to every committed change. */
  public void addListener(EngineListener listener) {
    core.addListener(listener);
  }

  /** Unsubscribes. */
  public void removeListener(EngineListener listener) {
    core.removeListener(listener);
  }

  /** Brings copies, jobs and sessions up to the clock's present (the wall-clock ticker does this by itself). */
  public void tick() {
    core.tick();
  }

  /** Stops the ticker and closes the store. */
  @Override
  public void close() {
    core.close();
  }
}
