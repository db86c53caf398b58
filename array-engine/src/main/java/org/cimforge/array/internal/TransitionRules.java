package org.cimforge.array.internal;

import static org.cimforge.array.model.PairKind.CLONE;
import static org.cimforge.array.model.PairKind.MIRROR;
import static org.cimforge.array.model.PairKind.SNAPSHOT;
import static org.cimforge.array.model.PairKind.TRANSIENT_CLONE;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.ReplicationOperation;

/**
 * The precondition tables of copy-services.md §6.2 (Copy Services, in SyncState numbers) and §6.4 (Replication
 * Services, in CopyState numbers): for each operation, the pair kinds it applies to and the states it may start
 * from. What the operation then does lives in {@link PairOperations}.
 */
public final class TransitionRules {

  /** Marker set: any state in which no operation is running. */
  public static final Set<Integer> ANY_STABLE = Set.of(-1);

  /**
   * The rule of one operation.
   *
   * @param allowedFrom per applicable pair kind, the state numbers the operation may start from
   * @param mayInterruptCopy true if the operation is meant for a pair whose copy is still running
   */
  public record Rule(Map<PairKind, Set<Integer>> allowedFrom, boolean mayInterruptCopy) {

    /** True if the operation is defined for this kind of pair at all. */
    public boolean appliesTo(PairKind kind) {
      return allowedFrom.containsKey(kind);
    }

    /** True if the operation may start from {@code state} (a SyncState or CopyState number) of a {@code kind} pair. */
    public boolean allows(PairKind kind, int state, boolean busy) {
      Set<Integer> from = allowedFrom.get(kind);
      if (from == null) {
        return false;
      }
      return from == ANY_STABLE ? !busy : from.contains(state);
    }
  }

  private static final Map<CopyServicesOperation, Rule> COPY_SERVICES = new EnumMap<>(CopyServicesOperation.class);
  private static final Map<ReplicationOperation, Rule> REPLICATION = new EnumMap<>(ReplicationOperation.class);

  static {
    // §6.2, preconditions in SyncState numbers.
    cs(CopyServicesOperation.DETACH, false, all(ANY_STABLE));
    cs(CopyServicesOperation.FRACTURE, false, Map.of(MIRROR, Set.of(6)));
    cs(CopyServicesOperation.RESYNC_REPLICA, false,
        Map.of(MIRROR, Set.of(13, 4), SNAPSHOT, Set.of(11, 14), CLONE, Set.of(11, 14)));
    // The digest lists Idle for UnSyncAssoc; a finished full copy rests in Frozen, so restoring from it is allowed.
    cs(CopyServicesOperation.RESTORE_FROM_REPLICA, false,
        Map.of(MIRROR, Set.of(13), SNAPSHOT, Set.of(11), CLONE, Set.of(11, 14)));
    cs(CopyServicesOperation.PREPARE, false, all(Set.of(2, 13)));
    cs(CopyServicesOperation.UNPREPARE, false, all(Set.of(4)));
    cs(CopyServicesOperation.QUIESCE, false, all(Set.of(6, 11)));
    cs(CopyServicesOperation.UNQUIESCE, false, all(Set.of(9)));
    cs(CopyServicesOperation.RESET_TO_SYNC, false, Map.of(MIRROR, ANY_STABLE));
    cs(CopyServicesOperation.RESET_TO_ASYNC, false, Map.of(MIRROR, ANY_STABLE));
    cs(CopyServicesOperation.START_COPY, false, Map.of(SNAPSHOT, Set.of(11, 14), CLONE, Set.of(11, 14)));
    // Stopping a physical (UnSyncUnAssoc) copy ends it, and its relationship with it.
    cs(CopyServicesOperation.STOP_COPY, true,
        Map.of(SNAPSHOT, Set.of(15, 5), CLONE, Set.of(15, 5), TRANSIENT_CLONE, Set.of(15, 5)));

    // §6.4, preconditions in CopyState numbers.
    rs(ReplicationOperation.ABORT, true, Map.of(CLONE, Set.of(3), TRANSIENT_CLONE, Set.of(3), MIRROR, Set.of(3)));
    rs(ReplicationOperation.ACTIVATE_CONSISTENCY, false, all(ANY_STABLE));
    rs(ReplicationOperation.DEACTIVATE_CONSISTENCY, false, all(ANY_STABLE));
    rs(ReplicationOperation.ACTIVATE, false, all(Set.of(8, 11, 2)));
    rs(ReplicationOperation.DEACTIVATE, false, Map.of(SNAPSHOT, Set.of(4), MIRROR, Set.of(4)));
    rs(ReplicationOperation.DETACH, false, all(ANY_STABLE));
    rs(ReplicationOperation.DISSOLVE, false,
        Map.of(SNAPSHOT, ANY_STABLE, CLONE, ANY_STABLE, TRANSIENT_CLONE, ANY_STABLE));
    rs(ReplicationOperation.FAILOVER, false, Map.of(MIRROR, Set.of(4, 6, 7, 5)));
    rs(ReplicationOperation.FAILBACK, false, Map.of(MIRROR, Set.of(10)));
    // From Restored too: a restore is followed by a fracture (the "Restore operation requires subsequent
    // fracture" feature), which is how the pair leaves the Restored state.
    rs(ReplicationOperation.FRACTURE, false, Map.of(MIRROR, Set.of(4, 18), CLONE, Set.of(4, 18)));
    rs(ReplicationOperation.RESYNC_REPLICA, false, Map.of(MIRROR, Set.of(6, 7, 12, 5), CLONE, Set.of(6, 7, 12, 5),
        TRANSIENT_CLONE, Set.of(6, 7, 12, 5), SNAPSHOT, Set.of(4)));
    rs(ReplicationOperation.RESTORE_FROM_REPLICA, false,
        Map.of(MIRROR, Set.of(6, 7), CLONE, Set.of(6, 7), SNAPSHOT, Set.of(4)));
    rs(ReplicationOperation.RESUME, false, Map.of(MIRROR, Set.of(9), CLONE, Set.of(9), TRANSIENT_CLONE, Set.of(9)));
    rs(ReplicationOperation.RESET_TO_SYNC, false, Map.of(MIRROR, ANY_STABLE));
    rs(ReplicationOperation.RESET_TO_ASYNC, false, Map.of(MIRROR, ANY_STABLE));
    rs(ReplicationOperation.RESET_TO_ADAPTIVE, false, Map.of(MIRROR, ANY_STABLE));
    rs(ReplicationOperation.RESET_TO_ACTIVE, false, Map.of(MIRROR, ANY_STABLE));
    rs(ReplicationOperation.RETURN_TO_RESOURCE_POOL, false, Map.of(SNAPSHOT, ANY_STABLE));
    rs(ReplicationOperation.REVERSE_ROLES, false, Map.of(MIRROR, Set.of(4, 10, 6)));
    rs(ReplicationOperation.SPLIT, false, Map.of(MIRROR, Set.of(4), CLONE, Set.of(4)));
    rs(ReplicationOperation.SUSPEND, true,
        Map.of(MIRROR, Set.of(4, 3), CLONE, Set.of(4, 3), TRANSIENT_CLONE, Set.of(3)));
    rs(ReplicationOperation.UNPREPARE, false, all(Set.of(11)));
    rs(ReplicationOperation.PREPARE, false, all(Set.of(8, 6)));
    rs(ReplicationOperation.RESET_REPLICA, false, Map.of(SNAPSHOT, ANY_STABLE));
    // AddSyncPair / RemoveSyncPair act on groups, never on a single pair: no entry, so a pair gets 5.
  }

  private TransitionRules() {
  }

  private static Map<PairKind, Set<Integer>> all(Set<Integer> from) {
    Map<PairKind, Set<Integer>> map = new EnumMap<>(PairKind.class);
    for (PairKind k : PairKind.values()) {
      map.put(k, from);
    }
    return map;
  }

  private static void cs(CopyServicesOperation op, boolean interrupts, Map<PairKind, Set<Integer>> from) {
    COPY_SERVICES.put(op, new Rule(from, interrupts));
  }

  private static void rs(ReplicationOperation op, boolean interrupts, Map<PairKind, Set<Integer>> from) {
    REPLICATION.put(op, new Rule(from, interrupts));
  }

  /** The rule of a Copy Services operation. */
  public static Rule of(CopyServicesOperation op) {
    return COPY_SERVICES.get(op);
  }

  /** The rule of a Replication Services operation, or null when it only applies to groups. */
  public static Rule of(ReplicationOperation op) {
    return REPLICATION.get(op);
  }
}
