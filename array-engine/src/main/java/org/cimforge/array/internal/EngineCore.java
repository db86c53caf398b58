package org.cimforge.array.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cimforge.array.EngineConfig;
import org.cimforge.array.Outcome;
import org.cimforge.array.event.Created;
import org.cimforge.array.event.Deleted;
import org.cimforge.array.event.EngineEvent;
import org.cimforge.array.event.EngineListener;
import org.cimforge.array.event.Modified;
import org.cimforge.array.model.Entity;
import org.cimforge.array.store.Store;
import org.cimforge.array.store.StoreException;

/**
 * The engine's spine: one lock around all state, the transaction runner (validate, change, persist, publish), the
 * id counter, and the catch-up step that lets time-driven work (copies, job retention, PPRC cycles) reach the
 * clock's present before any operation looks at the state.
 */
public final class EngineCore implements AutoCloseable {

  /** Work that depends on time; runs inside the catch-up transaction. */
  @FunctionalInterface
  public interface CatchUp {
    void run(Tx tx, Instant now);
  }

  private static final System.Logger LOG = System.getLogger(EngineCore.class.getName());

  private final ReentrantLock lock = new ReentrantLock();
  private final EngineState state = new EngineState();
  private final EngineConfig config;
  private final Store store;
  private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
  private final List<CatchUp> catchUps = new ArrayList<>();
  private long nextId;
  private long eventSequence;
  private ScheduledExecutorService ticker;
  private volatile boolean closed;

  public EngineCore(EngineConfig config, Store store) {
    this.config = config;
    this.store = store;
    Store.Snapshot loaded = store.load();
    loaded.entities().forEach(state::put);
    this.nextId = loaded.nextId();
  }

  public EngineConfig config() {
    return config;
  }

  public EngineState state() {
    return state;
  }

  /** True while some thread holds the engine's lock. */
  public boolean busy() {
    return lock.isLocked();
  }

  /** The engine-clock instant now. */
  public Instant now() {
    return config.clock().now();
  }

  /** Adds time-driven work, run in registration order on every catch-up. */
  public void addCatchUp(CatchUp step) {
    catchUps.add(step);
  }

  /** Starts the wall-clock ticker or hooks the manual clock, once everything is registered. */
  public void startTime() {
    if (config.clock().isWallClock()) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "array-engine-ticker");
        t.setDaemon(true);
        return t;
      });
      long period = Math.max(1, config.tickInterval().toMillis());
      ticker.scheduleAtFixedRate(this::tickQuietly, period, period, TimeUnit.MILLISECONDS);
    } else {
      config.clock().onAdvance(this::tick);
    }
  }

  /** Subscribes to committed changes. */
  public void addListener(EngineListener listener) {
    listeners.add(listener);
  }

  /** Unsubscribes. */
  public void removeListener(EngineListener listener) {
    listeners.remove(listener);
  }

  /** A fresh id such as {@code V17}; ids are never reused, even across restarts. */
  public String newId(String prefix) {
    return prefix + nextId++;
  }

  /**
   * Runs an operation: catch up with the clock, apply {@code body} in a transaction, and commit it if the outcome
   * is a success. A refused outcome or an exception rolls every change back, so refusals never change state.
   */
  public <T> Outcome<T> write(Function<Tx, Outcome<T>> body) {
    lock.lock();
    try {
      ensureOpen();
      catchUpLocked();
      Tx tx = new Tx(state, now());
      long idMark = nextId;
      Outcome<T> result;
      try {
        result = body.apply(tx);
      } catch (RuntimeException e) {
        tx.rollback();
        nextId = idMark;
        throw e;
      }
      if (!result.succeeded()) {
        tx.rollback();
        nextId = idMark;
        return result;
      }
      commit(tx, idMark);
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** Reads under the lock after catching up with the clock. */
  public <T> T read(Supplier<T> body) {
    lock.lock();
    try {
      ensureOpen();
      catchUpLocked();
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code body} in a transaction without catching up first (used at open for crash recovery). */
  public void writeRaw(java.util.function.Consumer<Tx> body) {
    lock.lock();
    try {
      Tx tx = new Tx(state, now());
      long idMark = nextId;
      body.accept(tx);
      commit(tx, idMark);
    } finally {
      lock.unlock();
    }
  }

  /** Brings time-driven work up to the clock's present. */
  public void tick() {
    lock.lock();
    try {
      if (!closed) {
        catchUpLocked();
      }
    } finally {
      lock.unlock();
    }
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "array engine tick failed", e);
    }
  }

  private void catchUpLocked() {
    if (catchUps.isEmpty()) {
      return;
    }
    Instant now = now();
    Tx tx = new Tx(state, now);
    long idMark = nextId;
    try {
      for (CatchUp step : catchUps) {
        step.run(tx, now);
      }
    } catch (RuntimeException e) {
      tx.rollback();
      nextId = idMark;
      throw e;
    }
    if (!tx.isEmpty()) {
      commit(tx, idMark);
    }
  }

  private void commit(Tx tx, long idMark) {
    if (tx.isEmpty() && nextId == idMark) {
      return;
    }
    List<Entity> puts = new ArrayList<>();
    List<Store.Key> deletes = new ArrayList<>();
    List<EngineEvent> events = new ArrayList<>();
    for (Map.Entry<Store.Key, Entity> e : tx.touched().entrySet()) {
      Entity before = e.getValue();
      Entity after = state.get(e.getKey().kind(), e.getKey().id());
      if (after != null) {
        puts.add(after);
      } else if (before != null) {
        deletes.add(e.getKey());
      }
      if (before == null && after != null) {
        events.add(new Created(0, tx.now(), after));
      } else if (before != null && after == null) {
        events.add(new Deleted(0, tx.now(), before));
      } else if (before != null && !before.equals(after)) {
        events.add(new Modified(0, tx.now(), before, after));
      }
    }
    try {
      store.commit(puts, deletes, nextId);
    } catch (StoreException e) {
      tx.rollback();
      nextId = idMark;
      throw e;
    }
    publish(events);
  }

  private void publish(List<EngineEvent> events) {
    for (EngineEvent raw : events) {
      long seq = ++eventSequence;
      EngineEvent event;
      if (raw instanceof Created c) {
        event = new Created(seq, c.time(), c.after());
      } else if (raw instanceof Modified m) {
        event = new Modified(seq, m.time(), m.before(), m.after());
      } else {
        event = new Deleted(seq, raw.time(), raw.before());
      }
      for (EngineListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          // A faulty listener must not undo a committed change or starve the other listeners.
          LOG.log(System.Logger.Level.WARNING, "engine listener failed on " + event, e);
        }
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the array engine is closed");
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (ticker != null) {
        ticker.shutdownNow();
      }
      store.close();
    } finally {
      lock.unlock();
    }
  }
}
