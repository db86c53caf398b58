package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.GroupKind;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.SyncState;
import org.cimforge.array.model.Synchronization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicaSetsTest {

  private final Lab lab = new Lab();
  private final ReplicaSets sets = lab.engine.sets();

  @AfterEach
  void close() {
    lab.close();
  }

  @Test
  void groupFractureIsAllOrNothingAndSharesOneJob() {
    String set = sets.createSet(GroupKind.SYNCHRONIZED_SET, "db", CopyType.SYNC).orThrow().id();
    Synchronization m1 = lab.create(CopyType.SYNC);
    Synchronization m2 = lab.create(CopyType.SYNC);
    lab.settle();
    assertThat(sets.modifySynchronizedSet(set, 2, m1.id()).returnCode()).isZero();
    assertThat(sets.modifySynchronizedSet(set, 2, m1.id()).returnCode()).isEqualTo(8);
    assertThat(sets.modifySynchronizedSet(set, 3, m2.id()).returnCode()).isEqualTo(7);
    assertThat(sets.modifySynchronizedSet(set, 2, lab.create(CopyType.ASYNC).id()).returnCode()).isEqualTo(5);
    sets.modifySynchronizedSet(set, 2, m2.id()).orThrow();

    lab.cs(org.cimforge.array.model.CopyServicesOperation.FRACTURE, m2.id()).orThrow();
    lab.settle();
    var refused = sets.modifySynchronizedSet(set, 5, null);
    assertThat(refused.returnCode()).isEqualTo(4);
    assertThat(refused.reason()).contains(m2.id());
    assertThat(lab.pair(m1.id()).syncState()).isEqualTo(SyncState.SYNCHRONIZED);

    var resync = sets.modifySynchronizedSet(set, 6, null);
    assertThat(resync.returnCode()).isEqualTo(4); // m1 is not fractured
    lab.cs(org.cimforge.array.model.CopyServicesOperation.FRACTURE, m1.id()).orThrow();
    lab.settle();
    var both = sets.modifySynchronizedSet(set, 6, null);
    assertThat(both.returnCode()).isEqualTo(4096);
    assertThat(lab.engine.replication().activities()).extracting(a -> a.jobId())
        .containsOnly(both.job().orElseThrow().id());
    lab.clock.advanceSeconds(10);
    assertThat(lab.pair(m1.id()).syncState()).isEqualTo(SyncState.SYNCHRONIZED);
    assertThat(lab.pair(m2.id()).syncState()).isEqualTo(SyncState.SYNCHRONIZED);
    assertThat(lab.engine.jobs().job(both.job().get().id()).orElseThrow().errorCode()).isZero();
  }

  @Test
  void consistencyFlagsSyncPairsAndDeletion() {
    String set = sets.createSet(GroupKind.SYNCHRONIZED_SET, "g", null).orThrow().id();
    Synchronization snap = lab.snapshot();
    ReplicaGroup added = sets.modifyGroupSynchronization(set, ReplicationOperation.ADD_SYNC_PAIR, false,
        List.of(snap.id())).orThrow();
    assertThat(added.members()).containsExactly(snap.id());
    assertThat(lab.rs(ReplicationOperation.ACTIVATE_CONSISTENCY, lab.snapshot().id()).returnCode()).isEqualTo(5);
    assertThat(sets.modifyGroupSynchronization(set, ReplicationOperation.ACTIVATE_CONSISTENCY, false, null)
        .orThrow().consistencyActive()).isTrue();
    assertThat(sets.deleteSet(set).returnCode()).isEqualTo(6);
    assertThat(sets.modifyGroupSynchronization(set, ReplicationOperation.DETACH, false, null).returnCode()).isZero();
    assertThat(sets.set(set).orElseThrow().members()).isEmpty();
    assertThat(sets.deleteSet(set).returnCode()).isZero();

    String volumes = sets.createSet(GroupKind.CONSISTENCY_SET, "vols", null).orThrow().id();
    assertThat(sets.modifyConsistencySet(volumes, 2, lab.volume(10).id()).returnCode()).isZero();
    assertThat(sets.modifySynchronizedSet(volumes, 2, snap.id()).returnCode()).isEqualTo(6);
    String pairs = sets.createSet(GroupKind.SYNCHRONIZED_SET, "pairs", null).orThrow().id();
    assertThat(sets.modifyConsistencySet(pairs, 2, lab.volume(10).id()).reason()).startsWith("Wrong Member Type");
  }
}
