package org.cimforge.array.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cimforge.array.model.Entity;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.store.Store;

/**
 * One engine transaction: every change goes through it so that the store receives exactly the final version of
 * each touched object, listeners get one event per object, and a failed commit can restore the previous state.
 */
public final class Tx {

  private final EngineState state;
  private final Instant now;
  /** First-seen version of every touched object (null value: it did not exist). Insertion order = event order. */
  private final Map<Store.Key, Entity> before = new LinkedHashMap<>();

  Tx(EngineState state, Instant now) {
    this.state = state;
    this.now = now;
  }

  /** The engine-clock instant the transaction runs at. */
  public Instant now() {
    return now;
  }

  /** Read access to the state as changed so far. */
  public EngineState state() {
    return state;
  }

  /** Creates or replaces an object. */
  public <E extends Entity> E put(E entity) {
    remember(entity.kind(), entity.id());
    state.put(entity);
    return entity;
  }

  /** Removes an object. */
  public void remove(Entity entity) {
    remember(entity.kind(), entity.id());
    state.remove(entity.kind(), entity.id());
  }

  private void remember(EntityKind kind, String id) {
    Store.Key key = new Store.Key(kind, id);
    if (!before.containsKey(key)) {
      before.put(key, state.get(kind, id));
    }
  }

  /** True when nothing was touched. */
  public boolean isEmpty() {
    return before.isEmpty();
  }

  /** The touched keys with their original versions. */
  Map<Store.Key, Entity> touched() {
    return before;
  }

  /** Puts back every original version; used when the store refused the commit or the operation was refused. */
  void rollback() {
    List<Map.Entry<Store.Key, Entity>> entries = new ArrayList<>(before.entrySet());
    for (Map.Entry<Store.Key, Entity> e : entries) {
      if (e.getValue() == null) {
        state.remove(e.getKey().kind(), e.getKey().id());
      } else {
        state.put(e.getValue());
      }
    }
    before.clear();
  }
}
