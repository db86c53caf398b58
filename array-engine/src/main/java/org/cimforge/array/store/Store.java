package org.cimforge.array.store;

import java.util.Collection;
import java.util.List;
import org.cimforge.array.model.Entity;
import org.cimforge.array.model.EntityKind;

/** Where the engine's objects are kept between restarts; each commit is all-or-nothing. */
public interface Store extends AutoCloseable {

  /** Everything committed so far, plus the id counter. */
  Snapshot load();

  /**
   * Writes one engine transaction atomically: the new versions of changed objects, the removed objects, and the
   * id counter. Returns only once the change would survive a kill of the process.
   */
  void commit(Collection<Entity> puts, Collection<Key> deletes, long nextId);

  @Override
  void close();

  /** Identifies a stored object. */
  record Key(EntityKind kind, String id) {
  }

  /** What {@link #load()} returns. */
  record Snapshot(List<Entity> entities, long nextId) {
  }
}
