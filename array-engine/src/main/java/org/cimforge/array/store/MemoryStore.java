package org.cimforge.array.store;

import java.util.Collection;
import java.util.List;
import org.cimforge.array.model.Entity;

/** The store used without a data directory: nothing is written, the engine's own maps are the only copy. */
public final class MemoryStore implements Store {

  @Override
  public Snapshot load() {
    return new Snapshot(List.of(), 1);
  }

  @Override
  public void commit(Collection<Entity> puts, Collection<Key> deletes, long nextId) {
    // Nothing to do: the in-memory maps already hold the committed state.
  }

  @Override
  public void close() {
  }
}
