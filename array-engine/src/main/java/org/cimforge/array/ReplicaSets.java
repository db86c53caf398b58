package org.cimforge.array;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.cimforge.array.internal.EngineCore;
import org.cimforge.array.internal.Jobs;
import org.cimforge.array.internal.PairOperations;
import org.cimforge.array.internal.Tx;
import org.cimforge.array.model.Activity;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.ElementRef;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.GroupKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.ReturnCode;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * ConsistencySets (of volumes) and SynchronizedSets (of pairs), and operations applied to every pair of a set at
 * once. A group operation is all-or-nothing: every member is checked first, and one refusal (naming the member)
 * leaves every pair untouched. Members that need time share one job.
 */
public final class ReplicaSets {

  /** ModifyConsistencySet: Wrong Member Type. */
  public static final int WRONG_MEMBER_TYPE = 6;
  /** ModifySynchronizedSet: Operation not supported. */
  public static final int OPERATION_NOT_SUPPORTED = 6;
  /** DeleteConsistencySet / DeleteSynchronizedSet: set is not empty. */
  public static final int SET_NOT_EMPTY = 6;

  private final EngineCore core;
  private final PairOperations operations;
  private final Jobs jobs;

  ReplicaSets(EngineCore core, PairOperations operations, Jobs jobs) {
    this.core = core;
    this.operations = operations;
    this.jobs = jobs;
  }

  /** CreateConsistencySet / CreateSynchronizedSet; {@code copyType} may be null (any copy type). */
  public Outcome<ReplicaGroup> createSet(GroupKind kind, String name, CopyType copyType) {
    return core.write(tx -> {
      if (kind == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SetType: consistency set or synchronized set");
      }
      String id = core.newId("G");
      return Outcome.done(tx.put(new ReplicaGroup(id, name == null ? id : name, kind, copyType, List.of(), false)));
    });
  }

  /** DeleteConsistencySet / DeleteSynchronizedSet: only an empty set can be deleted. */
  public Outcome<ReplicaGroup> deleteSet(String setId) {
    return core.write(tx -> {
      ReplicaGroup set = tx.state().group(setId);
      if (set == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Set: no set '" + setId + "'");
      }
      if (!set.members().isEmpty()) {
        return Outcome.refused(SET_NOT_EMPTY, "Set: " + setId + " is not empty (" + set.members().size()
            + " members); remove them first");
      }
      tx.remove(set);
      return Outcome.done(set);
    });
  }

  /** ModifyConsistencySet: adds or removes a volume. */
  public Outcome<ReplicaGroup> modifyConsistencySet(String setId, int operation, String volumeId) {
    return core.write(tx -> {
      ReplicaGroup set = tx.state().group(setId);
      if (set == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "ConsistencySet: no set '" + setId + "'");
      }
      if (set.groupKind() != GroupKind.CONSISTENCY_SET) {
        return Outcome.refused(WRONG_MEMBER_TYPE, "Wrong Member Type: set " + setId
            + " aggregates synchronizations, not volumes");
      }
      if (operation != 2 && operation != 3) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + operation
            + " is not a ModifyConsistencySet operation (2 Add, 3 Remove)");
      }
      Volume volume = tx.state().volume(volumeId);
      if (volume == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "StorageElement: no volume '" + volumeId + "'");
      }
      return Outcome.done(operation == 2 ? add(tx, set, volumeId) : remove(tx, set, volumeId));
    });
  }

  private ReplicaGroup add(Tx tx, ReplicaGroup set, String member) {
    List<String> members = new ArrayList<>(set.members());
    members.add(member);
    return tx.put(set.withMembers(members));
  }

  private ReplicaGroup remove(Tx tx, ReplicaGroup set, String member) {
    List<String> members = new ArrayList<>(set.members());
    members.remove(member);
    return tx.put(set.withMembers(members));
  }

  /**
   * ModifySynchronizedSet: Add / Remove a pair (codes 8 already in a set, 7 not in the set), or apply Delete
   * Synchronizations, Fracture Replicas, Resync Replicas, Restore From Replicas, Prepare All to every member.
   */
  public Outcome<ReplicaGroup> modifySynchronizedSet(String setId, int operation, String synchronizationId) {
    return core.write(tx -> {
      ReplicaGroup set = tx.state().group(setId);
      if (set == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SynchronizedSet: no set '" + setId + "'");
      }
      if (set.groupKind() != GroupKind.SYNCHRONIZED_SET) {
        return Outcome.refused(OPERATION_NOT_SUPPORTED, "Operation not supported: set " + setId
            + " is a consistency set of volumes");
      }
      switch (operation) {
        case 2, 3 -> {
          Synchronization pair = tx.state().pair(synchronizationId);
          if (pair == null) {
            return Outcome.refused(ReturnCode.INVALID_PARAMETER, "StorageSynchronized: no relationship '"
                + synchronizationId + "'");
          }
          if (operation == 2) {
            if (pair.groupId() != null) {
              return Outcome.refused(ReturnCode.SET_ALREADY_MEMBER, "StorageSynchronized already in a Set: "
                  + pair.id() + " belongs to " + pair.groupId());
            }
            if (set.copyType() != null && set.copyType() != pair.copyType()) {
              return Outcome.refused(ReturnCode.INVALID_PARAMETER, "StorageSynchronized: set " + setId
                  + " holds CopyType " + set.copyType().label() + ", pair has " + pair.copyType().label());
            }
            tx.put(pair.toBuilder().groupId(setId).build());
            return Outcome.done(add(tx, set, pair.id()));
          }
          if (!setId.equals(pair.groupId())) {
            return Outcome.refused(ReturnCode.SET_NOT_A_MEMBER, "StorageSynchronized not in the Set: "
                + pair.id() + " is not a member of " + setId);
          }
          tx.put(pair.toBuilder().groupId(null).build());
          return Outcome.done(remove(tx, set, pair.id()));
        }
        case 4 -> {
          return applyToAll(tx, set, "ModifySynchronizedSet(Delete Synchronizations)", CopyServicesOperation.DETACH);
        }
        case 5, 6, 7, 8 -> {
          CopyServicesOperation op = switch (operation) {
            case 5 -> CopyServicesOperation.FRACTURE;
            case 6 -> CopyServicesOperation.RESYNC_REPLICA;
            case 7 -> CopyServicesOperation.RESTORE_FROM_REPLICA;
            default -> CopyServicesOperation.PREPARE;
          };
          return applyToAll(tx, set, "ModifySynchronizedSet(" + op.label() + ")", op);
        }
        default -> {
          return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + operation
              + " is not a ModifySynchronizedSet operation (2..8)");
        }
      }
    });
  }

  private Outcome<ReplicaGroup> applyToAll(Tx tx, ReplicaGroup set, String jobName, CopyServicesOperation op) {
    return applyEach(tx, set, jobName,
        pair -> operations.check(op, pair),
        (pair, job) -> operations.apply(tx, op, pair, job));
  }

  /**
   * ModifyReplicaSynchronization on a group synchronization: applies {@code op} to every pair in the set (Activate
   * / Deactivate Consistency set the set's flag; AddSyncPair / RemoveSyncPair take {@code syncPairs}).
   */
  public Outcome<ReplicaGroup> modifyGroupSynchronization(String setId, ReplicationOperation op, boolean force,
      List<String> syncPairs) {
    return core.write(tx -> {
      ReplicaGroup set = tx.state().group(setId);
      if (set == null || set.groupKind() != GroupKind.SYNCHRONIZED_SET) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Synchronization: no synchronized set '" + setId + "'");
      }
      switch (op) {
        case ACTIVATE_CONSISTENCY, DEACTIVATE_CONSISTENCY -> {
          return Outcome.done(tx.put(set.withConsistency(op == ReplicationOperation.ACTIVATE_CONSISTENCY)));
        }
        case ADD_SYNC_PAIR, REMOVE_SYNC_PAIR -> {
          if (syncPairs == null || syncPairs.isEmpty()) {
            return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SyncPair: at least one pair is required");
          }
          ReplicaGroup current = set;
          for (String id : syncPairs) {
            Synchronization pair = tx.state().pair(id);
            if (pair == null) {
              return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SyncPair: no relationship '" + id + "'");
            }
            if (op == ReplicationOperation.ADD_SYNC_PAIR) {
              if (pair.groupId() != null) {
                return Outcome.refused(ReturnCode.IN_USE, "SyncPair: " + id + " already belongs to "
                    + pair.groupId());
              }
              tx.put(pair.toBuilder().groupId(setId).build());
              current = add(tx, current, id);
            } else {
              if (!setId.equals(pair.groupId())) {
                return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SyncPair: " + id + " is not in " + setId);
              }
              tx.put(pair.toBuilder().groupId(null).build());
              current = remove(tx, current, id);
            }
          }
          return Outcome.done(current);
        }
        default -> {
          return applyEach(tx, set, "ModifyReplicaSynchronization(" + op.label() + ")",
              pair -> operations.check(op, pair, force),
              (pair, job) -> operations.apply(tx, op, pair, force, job));
        }
      }
    });
  }

  private Outcome<ReplicaGroup> applyEach(Tx tx, ReplicaGroup set, String jobName,
      java.util.function.Function<Synchronization, Outcome<Synchronization>> check,
      BiFunction<Synchronization, String, Outcome<Synchronization>> apply) {
    if (set.members().isEmpty()) {
      return Outcome.refused(ReturnCode.FAILED, "Set: " + set.id() + " has no members");
    }
    List<Synchronization> pairs = new ArrayList<>();
    for (String id : set.members()) {
      Synchronization pair = tx.state().pair(id);
      Outcome<Synchronization> refusal = check.apply(pair);
      if (refusal != null) {
        return Outcome.refused(refusal.returnCode(), "member " + id + ": " + refusal.reason());
      }
      pairs.add(pair);
    }
    List<ElementRef> affected = new ArrayList<>();
    pairs.forEach(p -> affected.add(new ElementRef(EntityKind.SYNCHRONIZATION, p.id())));
    Job job = jobs.start(tx, jobName, affected);
    for (Synchronization pair : pairs) {
      Outcome<Synchronization> result = apply.apply(tx.state().pair(pair.id()), job.id());
      if (!result.succeeded()) {
        return Outcome.refused(result.returnCode(), "member " + pair.id() + ": " + result.reason());
      }
    }
    boolean running = false;
    for (Activity a : tx.state().<Activity>all(EntityKind.ACTIVITY)) {
      running |= job.id().equals(a.jobId());
    }
    ReplicaGroup after = tx.state().group(set.id());
    if (!running) {
      tx.remove(job);
      return Outcome.done(after);
    }
    return Outcome.started(after, job);
  }

  /** The set with {@code id}. */
  public Optional<ReplicaGroup> set(String id) {
    return core.read(() -> Optional.ofNullable(core.state().group(id)));
  }

  /** All sets. */
  public List<ReplicaGroup> sets() {
    return core.read(() -> new ArrayList<>(core.state().<ReplicaGroup>all(EntityKind.GROUP)));
  }
}
