package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.Mode;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.ProgressStatus;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.SyncType;
import org.cimforge.array.model.Synchronization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition tables of copy-services.md §6.2 and §6.4, row by row: from a start state reached through real
 * operations, apply one operation and check the return code, the intermediate state while its job runs, and the
 * final state (or that the association is gone). A sweep then tries every operation in every start state and
 * checks that each refusal uses a documented code and leaves the pair exactly as it was.
 */
class TransitionTableTest {

  static final int GONE = -1;
  static final int NONE = -2;

  /** Named start states; each builds a fresh pair and returns its id. */
  static final Map<String, Function<Lab, String>> START = new LinkedHashMap<>();

  static {
    START.put("sync mirror synchronized", lab -> settled(lab, lab.create(CopyType.SYNC)));
    START.put("async mirror synchronized", lab -> settled(lab, lab.create(CopyType.ASYNC)));
    START.put("mirror copying", lab -> lab.create(CopyType.SYNC).id());
    START.put("mirror fractured", lab -> after(lab, "sync mirror synchronized", CopyServicesOperation.FRACTURE));
    START.put("mirror prepared", lab -> after(lab, "mirror fractured", CopyServicesOperation.PREPARE));
    START.put("mirror quiesced", lab -> after(lab, "sync mirror synchronized", CopyServicesOperation.QUIESCE));
    START.put("mirror split", lab -> afterRs(lab, "sync mirror synchronized", ReplicationOperation.SPLIT));
    START.put("mirror suspended", lab -> afterRs(lab, "sync mirror synchronized", ReplicationOperation.SUSPEND));
    START.put("mirror failed over", lab -> afterRs(lab, "sync mirror synchronized", ReplicationOperation.FAILOVER));
    START.put("mirror inactive", lab -> afterRs(lab, "sync mirror synchronized", ReplicationOperation.DEACTIVATE));
    START.put("mirror aborted", lab -> afterRs(lab, "mirror copying", ReplicationOperation.ABORT));
    START.put("snapshot ready", lab -> lab.snapshot().id());
    START.put("snapshot quiesced", lab -> after(lab, "snapshot ready", CopyServicesOperation.QUIESCE));
    START.put("snapshot inactive", lab -> lab.createElement(SyncType.SNAPSHOT, CopyState.INACTIVE).id());
    START.put("clone copying", lab -> lab.create(CopyType.UNSYNC_ASSOC).id());
    START.put("clone frozen", lab -> settled(lab, lab.create(CopyType.UNSYNC_ASSOC)));
    START.put("clone initialized", lab -> lab.createElement(SyncType.CLONE, CopyState.INITIALIZED).id());
    START.put("clone background copy", lab -> {
      String id = START.get("clone frozen").apply(lab);
      lab.cs(CopyServicesOperation.START_COPY, id).orThrow();
      return id;
    });
    START.put("clone fractured", lab -> afterRs(lab, "clone frozen", ReplicationOperation.FRACTURE));
    START.put("clone aborted", lab -> afterRs(lab, "clone copying", ReplicationOperation.ABORT));
    START.put("mirror restored", lab -> afterRs(lab, "mirror fractured", ReplicationOperation.RESTORE_FROM_REPLICA));
    START.put("transient copying", lab -> lab.create(CopyType.UNSYNC_UNASSOC).id());
  }

  private static String settled(Lab lab, Synchronization s) {
    lab.settle();
    return s.id();
  }

  private static String after(Lab lab, String start, CopyServicesOperation op) {
    String id = START.get(start).apply(lab);
    lab.cs(op, id).orThrow();
    lab.settle();
    return id;
  }

  private static String afterRs(Lab lab, String start, ReplicationOperation op) {
    String id = START.get(start).apply(lab);
    lab.rs(op, id).orThrow();
    lab.settle();
    return id;
  }

  // ------------------------------------------------------------------ §6.2 Copy Services (SyncState numbers)

  static Stream<Arguments> copyServicesRows() {
    return Stream.of(
        row("sync mirror synchronized", CopyServicesOperation.DETACH, 0, NONE, GONE),
        row("mirror fractured", CopyServicesOperation.DETACH, 0, NONE, GONE),
        row("snapshot ready", CopyServicesOperation.DETACH, 0, NONE, GONE),
        row("clone frozen", CopyServicesOperation.DETACH, 0, NONE, GONE),
        row("sync mirror synchronized", CopyServicesOperation.FRACTURE, 4096, 7, 13),
        row("mirror fractured", CopyServicesOperation.RESYNC_REPLICA, 4096, 5, 6),
        row("mirror prepared", CopyServicesOperation.RESYNC_REPLICA, 4096, 5, 6),
        row("snapshot ready", CopyServicesOperation.RESYNC_REPLICA, 4096, 5, 11),
        row("clone frozen", CopyServicesOperation.RESYNC_REPLICA, 4096, 5, 14),
        row("mirror fractured", CopyServicesOperation.RESTORE_FROM_REPLICA, 4096, 10, 6),
        row("snapshot ready", CopyServicesOperation.RESTORE_FROM_REPLICA, 4096, 10, 11),
        row("mirror fractured", CopyServicesOperation.PREPARE, 4096, 3, 4),
        row("clone initialized", CopyServicesOperation.PREPARE, 4096, 3, 4),
        row("mirror prepared", CopyServicesOperation.UNPREPARE, 0, NONE, 13),
        row("sync mirror synchronized", CopyServicesOperation.QUIESCE, 4096, 8, 9),
        row("snapshot ready", CopyServicesOperation.QUIESCE, 4096, 8, 9),
        row("mirror quiesced", CopyServicesOperation.UNQUIESCE, 0, NONE, 6),
        row("snapshot quiesced", CopyServicesOperation.UNQUIESCE, 0, NONE, 11),
        row("async mirror synchronized", CopyServicesOperation.RESET_TO_SYNC, 0, NONE, 6),
        row("sync mirror synchronized", CopyServicesOperation.RESET_TO_ASYNC, 0, NONE, 6),
        row("snapshot ready", CopyServicesOperation.START_COPY, 4096, 15, 14),
        row("clone frozen", CopyServicesOperation.START_COPY, 4096, 15, 14),
        row("clone background copy", CopyServicesOperation.STOP_COPY, 0, NONE, 11),
        row("clone copying", CopyServicesOperation.STOP_COPY, 0, NONE, 11),
        row("transient copying", CopyServicesOperation.STOP_COPY, 0, NONE, GONE),
        // Illegal: wrong pair kind (5), wrong state (4), busy (6).
        row("snapshot ready", CopyServicesOperation.FRACTURE, 5, NONE, 11),
        row("sync mirror synchronized", CopyServicesOperation.START_COPY, 5, NONE, 6),
        row("sync mirror synchronized", CopyServicesOperation.RESET_TO_SYNC, 5, NONE, 6),
        row("async mirror synchronized", CopyServicesOperation.RESET_TO_ASYNC, 5, NONE, 6),
        row("mirror fractured", CopyServicesOperation.FRACTURE, 4, NONE, 13),
        row("sync mirror synchronized", CopyServicesOperation.RESYNC_REPLICA, 4, NONE, 6),
        row("sync mirror synchronized", CopyServicesOperation.RESTORE_FROM_REPLICA, 4, NONE, 6),
        row("sync mirror synchronized", CopyServicesOperation.UNPREPARE, 4, NONE, 6),
        row("sync mirror synchronized", CopyServicesOperation.UNQUIESCE, 4, NONE, 6),
        row("mirror fractured", CopyServicesOperation.QUIESCE, 4, NONE, 13),
        row("snapshot ready", CopyServicesOperation.STOP_COPY, 4, NONE, 11),
        // (busy rows: after settling, the running copy has finished normally)
        row("mirror copying", CopyServicesOperation.DETACH, 6, NONE, 6),
        row("mirror copying", CopyServicesOperation.FRACTURE, 6, NONE, 6),
        row("clone copying", CopyServicesOperation.RESYNC_REPLICA, 6, NONE, 14));
  }

  private static Arguments row(String start, Object op, int code, int intermediate, int end) {
    return Arguments.of(start, op, code, intermediate, end);
  }

  @ParameterizedTest(name = "{0}: {1} -> rc {2}, via {3}, ends {4}")
  @MethodSource("copyServicesRows")
  void copyServicesTransition(String start, CopyServicesOperation op, int code, int intermediate, int end) {
    try (Lab lab = new Lab()) {
      String id = START.get(start).apply(lab);
      Synchronization before = lab.pair(id);
      Outcome<Synchronization> out = lab.cs(op, id);
      assertThat(out.returnCode()).as(out.reason()).isEqualTo(code);
      if (code == 4 || code == 5 || code == 6) {
        assertThat(out.reason()).isNotBlank();
        assertThat(lab.pair(id)).isEqualTo(before);
      }
      if (intermediate != NONE) {
        assertThat(lab.pair(id).syncState().value()).isEqualTo(intermediate);
        assertThat(out.job()).isPresent();
      }
      lab.settle();
      if (end == GONE) {
        assertThat(lab.pair(id)).isNull();
      } else {
        assertThat(lab.pair(id).syncState().value()).isEqualTo(end);
      }
      lab.assertInvariants();
    }
  }

  // ------------------------------------------------------------------ §6.4 Replication Services (CopyState numbers)

  static Stream<Arguments> replicationRows() {
    return Stream.of(
        row("mirror copying", ReplicationOperation.ABORT, 4096, 3, 12),
        row("clone copying", ReplicationOperation.ABORT, 4096, 3, 12),
        row("transient copying", ReplicationOperation.ABORT, 0, NONE, GONE),
        row("snapshot inactive", ReplicationOperation.ACTIVATE, 0, NONE, 4),
        row("clone initialized", ReplicationOperation.ACTIVATE, 4096, 3, 4),
        row("mirror inactive", ReplicationOperation.ACTIVATE, 4096, 3, 4),
        row("snapshot ready", ReplicationOperation.DEACTIVATE, 0, NONE, 8),
        row("sync mirror synchronized", ReplicationOperation.DEACTIVATE, 0, NONE, 8),
        row("clone frozen", ReplicationOperation.DETACH, 0, NONE, GONE),
        row("snapshot ready", ReplicationOperation.DISSOLVE, 0, NONE, GONE),
        row("sync mirror synchronized", ReplicationOperation.FAILOVER, 4096, 4, 10),
        row("mirror fractured", ReplicationOperation.FAILOVER, 4096, 4, 10),
        row("mirror failed over", ReplicationOperation.FAILBACK, 4096, 10, 4),
        row("sync mirror synchronized", ReplicationOperation.FRACTURE, 4096, 4, 6),
        row("clone frozen", ReplicationOperation.FRACTURE, 4096, 4, 6),
        row("mirror restored", ReplicationOperation.FRACTURE, 4096, 4, 6),
        row("mirror fractured", ReplicationOperation.RESYNC_REPLICA, 4096, 3, 4),
        row("mirror split", ReplicationOperation.RESYNC_REPLICA, 4096, 3, 4),
        row("mirror aborted", ReplicationOperation.RESYNC_REPLICA, 4096, 3, 4),
        row("clone aborted", ReplicationOperation.RESYNC_REPLICA, 4096, 3, 4),
        row("snapshot ready", ReplicationOperation.RESYNC_REPLICA, 4096, 3, 4),
        row("mirror fractured", ReplicationOperation.RESTORE_FROM_REPLICA, 4096, 4, 18),
        row("clone fractured", ReplicationOperation.RESTORE_FROM_REPLICA, 4096, 4, 18),
        row("snapshot ready", ReplicationOperation.RESTORE_FROM_REPLICA, 4096, 4, 18),
        row("mirror suspended", ReplicationOperation.RESUME, 4096, 3, 4),
        row("sync mirror synchronized", ReplicationOperation.RESET_TO_ASYNC, 0, NONE, 4),
        row("sync mirror synchronized", ReplicationOperation.RESET_TO_ADAPTIVE, 0, NONE, 4),
        row("sync mirror synchronized", ReplicationOperation.RESET_TO_ACTIVE, 0, NONE, 4),
        row("snapshot ready", ReplicationOperation.RETURN_TO_RESOURCE_POOL, 0, NONE, GONE),
        row("sync mirror synchronized", ReplicationOperation.SPLIT, 4096, 4, 7),
        row("clone frozen", ReplicationOperation.SPLIT, 4096, 4, 7),
        row("sync mirror synchronized", ReplicationOperation.SUSPEND, 4096, 4, 9),
        row("clone copying", ReplicationOperation.SUSPEND, 4096, 4, 9),
        row("mirror inactive", ReplicationOperation.PREPARE, 4096, 2, 11),
        row("mirror fractured", ReplicationOperation.PREPARE, 4096, 2, 11),
        row("snapshot ready", ReplicationOperation.RESET_REPLICA, 0, NONE, 4),
        // Illegal: not for this SyncType (5), wrong CopyState (4), another operation running (6).
        row("snapshot ready", ReplicationOperation.FRACTURE, 5, NONE, 4),
        row("snapshot ready", ReplicationOperation.FAILOVER, 5, NONE, 4),
        row("clone frozen", ReplicationOperation.RETURN_TO_RESOURCE_POOL, 5, NONE, 4),
        row("sync mirror synchronized", ReplicationOperation.ADD_SYNC_PAIR, 5, NONE, 4),
        row("sync mirror synchronized", ReplicationOperation.ACTIVATE_CONSISTENCY, 5, NONE, 4),
        row("sync mirror synchronized", ReplicationOperation.ABORT, 4, NONE, 4),
        row("sync mirror synchronized", ReplicationOperation.FAILBACK, 4, NONE, 4),
        row("sync mirror synchronized", ReplicationOperation.RESUME, 4, NONE, 4),
        row("mirror fractured", ReplicationOperation.SPLIT, 4, NONE, 6),
        row("snapshot inactive", ReplicationOperation.RESTORE_FROM_REPLICA, 4, NONE, 8),
        row("mirror copying", ReplicationOperation.DETACH, 6, NONE, 4),
        row("mirror copying", ReplicationOperation.FAILOVER, 6, NONE, 4));
  }

  @ParameterizedTest(name = "{0}: {1} -> rc {2}, via {3}, ends {4}")
  @MethodSource("replicationRows")
  void replicationTransition(String start, ReplicationOperation op, int code, int intermediate, int end) {
    try (Lab lab = new Lab()) {
      String id = START.get(start).apply(lab);
      Synchronization before = lab.pair(id);
      Outcome<Synchronization> out = lab.rs(op, id);
      assertThat(out.returnCode()).as(out.reason()).isEqualTo(code);
      if (code == 4 || code == 5 || code == 6) {
        assertThat(lab.pair(id)).isEqualTo(before);
      }
      if (intermediate != NONE) {
        Synchronization running = lab.pair(id);
        assertThat(running.copyState().value()).isEqualTo(intermediate);
        assertThat(running.progressStatus()).isNotEqualTo(ProgressStatus.COMPLETED);
        assertThat(running.requestedCopyState().value()).isEqualTo(end);
      }
      lab.settle();
      if (end == GONE) {
        assertThat(lab.pair(id)).isNull();
      } else {
        Synchronization after = lab.pair(id);
        assertThat(after.copyState().value()).isEqualTo(end);
        assertThat(after.requestedCopyState()).isEqualTo(CopyState.NOT_APPLICABLE);
      }
      lab.assertInvariants();
    }
  }

  @Test
  void resetOperationsChangeModeAndKeepBothViewsConsistent() {
    try (Lab lab = new Lab()) {
      String id = START.get("sync mirror synchronized").apply(lab);
      Synchronization async = lab.rs(ReplicationOperation.RESET_TO_ASYNC, id).orThrow();
      assertThat(async.mode()).isEqualTo(Mode.ASYNCHRONOUS);
      assertThat(async.copyType()).isEqualTo(CopyType.ASYNC);
      Synchronization sync = lab.cs(CopyServicesOperation.RESET_TO_SYNC, id).orThrow();
      assertThat(sync.mode()).isEqualTo(Mode.SYNCHRONOUS);
      assertThat(sync.copyType()).isEqualTo(CopyType.SYNC);
    }
  }

  @Test
  void reverseRolesReplacesTheAssociationWithASwappedOne() {
    try (Lab lab = new Lab()) {
      String id = START.get("mirror failed over").apply(lab);
      Synchronization old = lab.pair(id);
      Synchronization reversed = lab.rs(ReplicationOperation.REVERSE_ROLES, id).orThrow();
      assertThat(lab.pair(id)).isNull();
      assertThat(reversed.sourceId()).isEqualTo(old.targetId());
      assertThat(reversed.targetId()).isEqualTo(old.sourceId());
      assertThat(reversed.copyState()).isEqualTo(CopyState.FRACTURED);
    }
  }

  @Test
  void forcedDetachStopsARunningCopy() {
    try (Lab lab = new Lab()) {
      String id = START.get("clone copying").apply(lab);
      assertThat(lab.engine.replication().modifyReplicaSynchronization(ReplicationOperation.DETACH, id, true)
          .returnCode()).isZero();
      assertThat(lab.pair(id)).isNull();
      assertThat(lab.engine.jobs().jobs()).allMatch(j -> j.isFinished());
    }
  }

  /**
   * What supportedOperations lists for a pair's kind and CopyState is exactly what the engine then accepts from that
   * state (0 or a job), among the operations that act on a single pair.
   */
  @Test
  void supportedOperationsFromAStateAreExactlyTheAcceptedOnes() {
    List<String> failures = new ArrayList<>();
    for (String start : START.keySet()) {
      Synchronization pair;
      List<ReplicationOperation> listed;
      try (Lab lab = new Lab()) {
        pair = lab.pair(START.get(start).apply(lab));
        listed = lab.engine.replication().supportedOperations(pair.pairKind(), Optional.of(pair.copyState()));
      }
      for (ReplicationOperation op : ReplicationOperation.values()) {
        if (op == ReplicationOperation.ADD_SYNC_PAIR || op == ReplicationOperation.REMOVE_SYNC_PAIR
            || op == ReplicationOperation.ACTIVATE_CONSISTENCY || op == ReplicationOperation.DEACTIVATE_CONSISTENCY) {
          assertThat(listed).doesNotContain(op);
          continue;
        }
        try (Lab lab = new Lab()) {
          long code = lab.rs(op, START.get(start).apply(lab)).returnCode();
          boolean accepted = code == 0 || code == 4096;
          if (accepted != listed.contains(op)) {
            failures.add(start + ": " + op.label() + " answered " + code + (accepted ? " but is not" : " but is")
                + " listed");
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void supportedOperationsWithoutAStateAreEveryOperationOfTheKind() {
    try (Lab lab = new Lab()) {
      assertThat(lab.engine.replication().supportedOperations(PairKind.SNAPSHOT, Optional.empty()))
          .extracting(ReplicationOperation::value)
          .containsExactly(4, 7, 8, 9, 14, 15, 19, 23, 24, 27);
      assertThat(lab.engine.replication().supportedOperations(PairKind.MIRROR, Optional.empty()))
          .extracting(ReplicationOperation::value)
          .containsExactly(2, 4, 7, 8, 10, 11, 12, 14, 15, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26);
    }
  }

  /** Every operation in every start state: refusals use a documented code and never change the pair. */
  @Test
  void sweepEveryOperationInEveryStartState() {
    List<String> failures = new ArrayList<>();
    for (String start : START.keySet()) {
      for (CopyServicesOperation op : CopyServicesOperation.values()) {
        sweepOne(start, lab -> lab.cs(op, START_ID.get()), op.label(), failures);
      }
      for (ReplicationOperation op : ReplicationOperation.values()) {
        sweepOne(start, lab -> lab.rs(op, START_ID.get()), op.label(), failures);
      }
    }
    assertThat(failures).isEmpty();
  }

  private static final ThreadLocal<String> START_ID = new ThreadLocal<>();

  private static void sweepOne(String start, Function<Lab, Outcome<Synchronization>> action, String op,
      List<String> failures) {
    try (Lab lab = new Lab()) {
      String id = START.get(start).apply(lab);
      START_ID.set(id);
      Synchronization before = lab.pair(id);
      int volumes = lab.engine.storage().volumeCount();
      Outcome<Synchronization> out = action.apply(lab);
      int rc = out.returnCode();
      if (!List.of(0, 4, 5, 6, 4096).contains(rc)) {
        failures.add(start + " / " + op + ": undocumented code " + rc);
      }
      if (!out.succeeded() && (!before.equals(lab.pair(id)) || volumes != lab.engine.storage().volumeCount())) {
        failures.add(start + " / " + op + ": refused with " + rc + " but changed state");
      }
      if (!out.succeeded() && out.reason().isBlank()) {
        failures.add(start + " / " + op + ": refusal without a reason");
      }
      lab.settle();
      lab.assertInvariants();
      Synchronization after = lab.pair(id);
      if (after != null && after.phase().inProgress()) {
        failures.add(start + " / " + op + ": still in progress after settling: " + after.phase());
      }
    }
  }
}
