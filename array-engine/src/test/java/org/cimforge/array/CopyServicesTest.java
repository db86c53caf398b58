package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.array.Lab.MIB;

import java.time.Duration;
import org.cimforge.array.event.Created;
import org.cimforge.array.event.Deleted;
import org.cimforge.array.event.Modified;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.JobRequest;
import org.cimforge.array.model.JobState;
import org.cimforge.array.model.OperationalStatus;
import org.cimforge.array.model.ProgressStatus;
import org.cimforge.array.model.ReplicaType;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.SyncState;
import org.cimforge.array.model.SyncType;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CopyServicesTest {

  private final Lab lab = new Lab();
  private final ReplicationServices replication = lab.engine.replication();

  @AfterEach
  void close() {
    lab.close();
  }

  @Test
  void snapshotIsReadyAtOnceWithDeltaSpaceAndNoJob() {
    Volume source = lab.volume(100);
    Outcome<Replica> out = replication.createReplica(ReplicaRequest.snapshot(source.id()));
    assertThat(out.returnCode()).isZero();
    assertThat(out.job()).isEmpty();
    Replica replica = out.orThrow();
    Synchronization s = replica.synchronization();
    assertThat(s.copyType()).isEqualTo(CopyType.UNSYNC_ASSOC);
    assertThat(s.replicaType()).isEqualTo(ReplicaType.AFTER_DELTA);
    assertThat(s.syncType()).isEqualTo(SyncType.SNAPSHOT);
    assertThat(s.syncState()).isEqualTo(SyncState.IDLE);
    assertThat(s.copyState()).isEqualTo(CopyState.SYNCHRONIZED);
    assertThat(s.progressStatus()).isEqualTo(ProgressStatus.COMPLETED);
    assertThat(s.whenSynced()).isEqualTo(lab.clock.now());
    assertThat(s.syncMaintained()).isFalse();
    assertThat(replica.target().isSnapshot()).isTrue();
    assertThat(replica.target().allocatedBytes()).isZero();
    assertThat(replica.target().deltaSpaceBytes()).isEqualTo(10 * MIB);
    assertThat(lab.pool().reservedBytes()).isEqualTo(10 * MIB);
    lab.assertInvariants();
  }

  @Test
  void updateDeltaSnapshotSpaceReturnsTheSeedCodes() {
    Synchronization snap = lab.snapshot();
    Outcome<Volume> notSnapshot = replication.updateDeltaSnapshotSpace(snap.sourceId(), 20 * MIB);
    assertThat(notSnapshot.returnCode()).isEqualTo(32768);
    assertThat(replication.updateDeltaSnapshotSpace("V404", 20 * MIB).returnCode()).isEqualTo(32768);
    assertThat(replication.updateDeltaSnapshotSpace(snap.targetId(), MIB).returnCode()).isEqualTo(4);
    assertThat(replication.updateDeltaSnapshotSpace(snap.targetId(), 100 * Lab.GIB).returnCode()).isEqualTo(4);
    assertThat(replication.updateDeltaSnapshotSpace(snap.targetId(), 10 * MIB).returnCode()).isZero();

    Outcome<Volume> grow = replication.updateDeltaSnapshotSpace(snap.targetId(), 30 * MIB);
    assertThat(grow.returnCode()).isEqualTo(0x1000);
    Job job = grow.job().orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.RUNNING);
    assertThat(lab.pool().reservedBytes()).isEqualTo(30 * MIB);
    assertThat(lab.volume(snap.targetId()).deltaSpaceBytes()).isEqualTo(10 * MIB);
    lab.assertInvariants();
    lab.clock.advanceSeconds(2);
    assertThat(lab.volume(snap.targetId()).deltaSpaceBytes()).isEqualTo(30 * MIB);
    Job done = lab.engine.jobs().job(job.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.COMPLETED);
    assertThat(done.operationalStatus()).containsExactly(OperationalStatus.OK, OperationalStatus.COMPLETED);
    assertThat(done.errorCode()).isZero();
    lab.assertInvariants();
  }

  @Test
  void cloneCopiesInTheBackgroundAndWhenSyncedStaysNullUntilDone() {
    Volume source = lab.volume(100);
    Outcome<Replica> out = replication.createReplica(ReplicaRequest.of(source.id(), CopyType.UNSYNC_ASSOC));
    assertThat(out.returnCode()).isEqualTo(4096);
    Synchronization s = out.orThrow().synchronization();
    Job job = out.job().orElseThrow();
    assertThat(job.affectedElements().get(0).id()).isEqualTo(out.orThrow().target().id());
    assertThat(s.syncState()).isEqualTo(SyncState.RESYNC_IN_PROGRESS);
    assertThat(s.whenSynced()).isNull();
    assertThat(s.requestedCopyState()).isEqualTo(CopyState.SYNCHRONIZED);

    lab.clock.advanceSeconds(40);
    Synchronization mid = lab.pair(s.id());
    assertThat(mid.percentSynced()).isEqualTo(40);
    assertThat(mid.copyState()).isEqualTo(CopyState.UNSYNCHRONIZED);
    assertThat(mid.whenSynced()).isNull();
    assertThat(lab.engine.jobs().job(job.id()).orElseThrow().percentComplete()).isEqualTo(40);

    lab.clock.advanceSeconds(60);
    Synchronization done = lab.pair(s.id());
    assertThat(done.syncState()).isEqualTo(SyncState.FROZEN);
    assertThat(done.copyState()).isEqualTo(CopyState.SYNCHRONIZED);
    assertThat(done.percentSynced()).isEqualTo(100);
    assertThat(done.whenSynced()).isEqualTo(s.whenEstablished().plusSeconds(100));
    assertThat(done.requestedCopyState()).isEqualTo(CopyState.NOT_APPLICABLE);
    assertThat(lab.engine.jobs().job(job.id()).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
  }

  @Test
  void unSyncUnAssocRelationshipExistsOnlyWhileCopying() {
    Synchronization s = lab.create(CopyType.UNSYNC_UNASSOC);
    assertThat(lab.pair(s.id())).isNotNull();
    lab.clock.advanceSeconds(99);
    assertThat(lab.pair(s.id()).percentSynced()).isEqualTo(99);
    lab.clock.advanceSeconds(1);
    assertThat(lab.pair(s.id())).isNull();
    assertThat(lab.volume(s.targetId())).isNotNull();
    assertThat(lab.events).filteredOn(e -> e instanceof Deleted && e.kind() == EntityKind.SYNCHRONIZATION)
        .hasSize(1);
  }

  @Test
  void eventsCarryBeforeAndAfterForEveryStateChange() {
    lab.events.clear();
    Synchronization s = lab.create(CopyType.SYNC);
    assertThat(lab.events).filteredOn(e -> e instanceof Created && e.kind() == EntityKind.SYNCHRONIZATION)
        .hasSize(1);
    lab.settle();
    Modified synced = (Modified) lab.events.stream()
        .filter(e -> e instanceof Modified m && m.kind() == EntityKind.SYNCHRONIZATION
            && ((Synchronization) m.after()).syncState() == SyncState.SYNCHRONIZED)
        .findFirst().orElseThrow();
    assertThat(((Synchronization) synced.before()).syncState()).isEqualTo(SyncState.RESYNC_IN_PROGRESS);
    assertThat(((Synchronization) synced.after()).syncMaintained()).isTrue();
    assertThat(lab.events).extracting(e -> e.sequence()).isSorted().doesNotHaveDuplicates();
    assertThat(s.id()).isEqualTo(synced.id());
  }

  @Test
  void terminatingACloneJobAbortsTheCopyAndTheTransientAssociationGoes() {
    Volume source = lab.volume(100);
    Outcome<Replica> clone = replication.createReplica(ReplicaRequest.of(source.id(), CopyType.UNSYNC_ASSOC));
    Outcome<Replica> transientCopy =
        replication.createReplica(ReplicaRequest.of(source.id(), CopyType.UNSYNC_UNASSOC));
    lab.clock.advanceSeconds(30);
    String cloneJob = clone.job().orElseThrow().id();
    assertThat(lab.engine.jobs().requestStateChange(cloneJob, JobRequest.SUSPEND).returnCode()).isEqualTo(4097);
    Job stopped = lab.engine.jobs().requestStateChange(cloneJob, JobRequest.TERMINATE).orThrow();
    assertThat(stopped.state()).isEqualTo(JobState.TERMINATED);
    assertThat(stopped.errorCode()).isNotZero();
    Synchronization aborted = lab.pair(clone.orThrow().synchronization().id());
    assertThat(aborted.copyState()).isEqualTo(CopyState.ABORTED);
    assertThat(aborted.percentSynced()).isEqualTo(30);
    assertThat(lab.engine.jobs().requestStateChange(cloneJob, 4).returnCode()).isEqualTo(4097);

    lab.engine.jobs().requestStateChange(transientCopy.job().orElseThrow().id(), JobRequest.KILL).orThrow();
    assertThat(lab.pair(transientCopy.orThrow().synchronization().id())).isNull();

    // Resync restarts the aborted copy from where it stopped.
    Outcome<Synchronization> resync = lab.rs(ReplicationOperation.RESYNC_REPLICA, aborted.id());
    assertThat(resync.returnCode()).isEqualTo(4096);
    lab.clock.advanceSeconds(70);
    assertThat(lab.pair(aborted.id()).copyState()).isEqualTo(CopyState.SYNCHRONIZED);
  }

  @Test
  void finishedJobsAreKeptForTheirRetentionThenRemoved() {
    Outcome<Replica> clone = replication.createReplica(ReplicaRequest.of(lab.volume(10).id(), CopyType.SYNC));
    String jobId = clone.job().orElseThrow().id();
    assertThat(lab.engine.jobs().deleteJob(jobId).returnCode()).isEqualTo(4);
    lab.clock.advanceSeconds(10);
    assertThat(lab.engine.jobs().job(jobId).orElseThrow().isFinished()).isTrue();
    lab.clock.advance(Duration.ofMinutes(4));
    assertThat(lab.engine.jobs().job(jobId)).isPresent();
    lab.clock.advance(Duration.ofMinutes(1));
    assertThat(lab.engine.jobs().job(jobId)).isEmpty();
  }

  @Test
  void createRefusalsNameTheParameterAndChangeNothing() {
    Volume source = lab.volume(100);
    Volume other = lab.volume(50);
    int before = lab.engine.storage().volumeCount();
    assertThat(replication.createReplica(new ReplicaRequest(source.id(), null, null, null, null, null)).reason())
        .startsWith("CopyType");
    assertThat(replication.createReplica(new ReplicaRequest(source.id(), null, 7, null, null, null)).returnCode())
        .isEqualTo(5);
    assertThat(replication.createReplica(new ReplicaRequest(source.id(), null, 0x8001, null, null, null))
        .returnCode()).isEqualTo(1);
    assertThat(replication.createReplica(new ReplicaRequest(source.id(), null, 4, 3, null, null)).returnCode())
        .isEqualTo(1);
    assertThat(replication.createReplica(ReplicaRequest.of("V0", CopyType.SYNC)).reason())
        .startsWith("SourceElement");
    assertThat(replication.createReplica(ReplicaRequest.of(source.id(), CopyType.SYNC).toTarget(other.id()))
        .reason()).startsWith("TargetElement");
    assertThat(replication.createReplica(ReplicaRequest.of(source.id(), CopyType.SYNC).toTarget(other.id())
        .inPool(lab.poolId)).reason()).startsWith("TargetPool");
    assertThat(replication.createElementReplica(ElementReplicaRequest.of(source.id(), SyncType.TOKENIZED_CLONE))
        .returnCode()).isEqualTo(1);
    assertThat(replication.createElementReplica(ElementReplicaRequest.of(source.id(), SyncType.SNAPSHOT)
        .waitFor(CopyState.UNSYNCHRONIZED)).reason()).startsWith("WaitForCopyState");
    assertThat(replication.modifyReplicaSynchronization(99, "S1", false).returnCode()).isEqualTo(5);
    assertThat(replication.modifySynchronization(0x9000, "S1").returnCode()).isEqualTo(1);
    assertThat(replication.modifySynchronization(2, "S404").returnCode()).isEqualTo(4);
    assertThat(lab.engine.storage().volumeCount()).isEqualTo(before);
    assertThat(replication.synchronizations()).isEmpty();
  }

  @Test
  void attachReplicaUsesAnExistingTargetAndATargetCannotBeReused() {
    Volume source = lab.volume(100);
    Volume target = lab.volume(100);
    Outcome<Replica> attach = replication.createReplica(ReplicaRequest.of(source.id(), CopyType.SYNC)
        .toTarget(target.id()));
    assertThat(attach.returnCode()).isEqualTo(4096);
    assertThat(attach.orThrow().target().id()).isEqualTo(target.id());
    Outcome<Replica> again = replication.createReplica(ReplicaRequest.of(lab.volume(100).id(), CopyType.SYNC)
        .toTarget(target.id()));
    assertThat(again.returnCode()).isEqualTo(6);
    Outcome<Replica> chained = replication.createReplica(ReplicaRequest.of(target.id(), CopyType.SYNC));
    assertThat(chained.returnCode()).isEqualTo(6);
  }

  @Test
  void waitForCopyStateDecidesWhenCreateElementReplicaReturns() {
    Volume source = lab.volume(100);
    Outcome<Replica> unsynced = replication.createElementReplica(ElementReplicaRequest.of(source.id(),
        SyncType.CLONE).waitFor(CopyState.UNSYNCHRONIZED));
    assertThat(unsynced.returnCode()).isZero();
    assertThat(unsynced.orThrow().synchronization().copyState()).isEqualTo(CopyState.UNSYNCHRONIZED);
    Outcome<Replica> synced = replication.createElementReplica(ElementReplicaRequest.of(source.id(),
        SyncType.CLONE).waitFor(CopyState.SYNCHRONIZED));
    assertThat(synced.returnCode()).isEqualTo(4096);
    Outcome<Replica> inactive = replication.createElementReplica(ElementReplicaRequest.of(source.id(),
        SyncType.SNAPSHOT).waitFor(CopyState.INACTIVE));
    assertThat(inactive.orThrow().synchronization().copyState()).isEqualTo(CopyState.INACTIVE);
    Synchronization activated = lab.rs(ReplicationOperation.ACTIVATE, inactive.orThrow().synchronization().id())
        .orThrow();
    assertThat(activated.copyState()).isEqualTo(CopyState.SYNCHRONIZED);
    assertThat(activated.whenActivated()).isEqualTo(lab.clock.now());
    lab.settle();
    assertThat(lab.pair(unsynced.orThrow().synchronization().id()).copyState()).isEqualTo(CopyState.SYNCHRONIZED);
  }
}
