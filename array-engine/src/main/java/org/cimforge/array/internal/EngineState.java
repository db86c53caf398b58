package org.cimforge.array.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cimforge.array.model.Activity;
import org.cimforge.array.model.Entity;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.PprcSession;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * All current objects, by kind and id, plus the secondary indexes the rules need in O(1) or O(log n): pairs per
 * volume, sessions per volume, the group of each member, and activities ordered by end time. Only
 * {@link #put} and {@link #remove} change it, and they keep the indexes in step. Not thread-safe: the engine lock
 * guards it.
 */
public final class EngineState {

  private final Map<EntityKind, Map<String, Entity>> byKind = new EnumMap<>(EntityKind.class);
  private final Map<String, List<String>> pairsByVolume = new HashMap<>();
  private final Map<String, List<String>> sessionsByVolume = new HashMap<>();
  private final Map<String, String> groupByMember = new HashMap<>();
  private final TreeSet<Activity> activitiesByEnd =
      new TreeSet<>(Comparator.comparing(Activity::endsAt).thenComparing(Activity::id));

  public EngineState() {
    for (EntityKind kind : EntityKind.values()) {
      // Volumes dominate; a plain HashMap keeps them compact. Others keep creation order for stable listings.
      byKind.put(kind, kind == EntityKind.VOLUME ? new HashMap<>() : new java.util.LinkedHashMap<>());
    }
  }

  /** The object of {@code kind} with {@code id}, or null. */
  public Entity get(EntityKind kind, String id) {
    return id == null ? null : byKind.get(kind).get(id);
  }

  /** All objects of {@code kind} (live view; copy before leaving the lock). */
  @SuppressWarnings("unchecked")
  public <E extends Entity> Collection<E> all(EntityKind kind) {
    return (Collection<E>) byKind.get(kind).values();
  }

  /** Number of objects of {@code kind}. */
  public int count(EntityKind kind) {
    return byKind.get(kind).size();
  }

  public StorageSystem system(String id) {
    return (StorageSystem) get(EntityKind.SYSTEM, id);
  }

  public StoragePool pool(String id) {
    return (StoragePool) get(EntityKind.POOL, id);
  }

  public Volume volume(String id) {
    return (Volume) get(EntityKind.VOLUME, id);
  }

  public Synchronization pair(String id) {
    return (Synchronization) get(EntityKind.SYNCHRONIZATION, id);
  }

  public ReplicaGroup group(String id) {
    return (ReplicaGroup) get(EntityKind.GROUP, id);
  }

  public Job job(String id) {
    return (Job) get(EntityKind.JOB, id);
  }

  public Activity activity(String id) {
    return (Activity) get(EntityKind.ACTIVITY, id);
  }

  public PprcSession session(String id) {
    return (PprcSession) get(EntityKind.PPRC_SESSION, id);
  }

  /** Ids of the pairs in which the volume is source or target. */
  public List<String> pairsOf(String volumeId) {
    return pairsByVolume.getOrDefault(volumeId, List.of());
  }

  /** Ids of the sessions that hold the volume. */
  public List<String> sessionsOf(String volumeId) {
    return sessionsByVolume.getOrDefault(volumeId, List.of());
  }

  /** The set (group) a volume or pair belongs to, or null. */
  public String groupOf(String memberId) {
    return groupByMember.get(memberId);
  }

  /** The activity that ends first, or null. */
  public Activity firstActivity() {
    return activitiesByEnd.isEmpty() ? null : activitiesByEnd.first();
  }

  /** Inserts or replaces an object. */
  public void put(Entity entity) {
    Entity old = byKind.get(entity.kind()).put(entity.id(), entity);
    if (old != null) {
      unindex(old);
    }
    index(entity);
  }

  /** Removes an object if present. */
  public void remove(EntityKind kind, String id) {
    Entity old = byKind.get(kind).remove(id);
    if (old != null) {
      unindex(old);
    }
  }

  private void index(Entity entity) {
    if (entity instanceof Synchronization s) {
      link(pairsByVolume, s.sourceId(), s.id());
      link(pairsByVolume, s.targetId(), s.id());
    } else if (entity instanceof PprcSession p) {
      p.volumeIds().forEach(v -> link(sessionsByVolume, v, p.id()));
    } else if (entity instanceof ReplicaGroup g) {
      g.members().forEach(m -> groupByMember.put(m, g.id()));
    } else if (entity instanceof Activity a) {
      activitiesByEnd.add(a);
    }
  }

  private void unindex(Entity entity) {
    if (entity instanceof Synchronization s) {
      unlink(pairsByVolume, s.sourceId(), s.id());
      unlink(pairsByVolume, s.targetId(), s.id());
    } else if (entity instanceof PprcSession p) {
      p.volumeIds().forEach(v -> unlink(sessionsByVolume, v, p.id()));
    } else if (entity instanceof ReplicaGroup g) {
      g.members().forEach(m -> groupByMember.remove(m, g.id()));
    } else if (entity instanceof Activity a) {
      activitiesByEnd.remove(a);
    }
  }

  private static void link(Map<String, List<String>> index, String key, String value) {
    index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(value);
  }

  private static void unlink(Map<String, List<String>> index, String key, String value) {
    List<String> values = index.get(key);
    if (values != null) {
      values.remove(value);
      if (values.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
