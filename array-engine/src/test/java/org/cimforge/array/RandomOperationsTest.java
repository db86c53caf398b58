package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.GroupKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.PairPhase;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.array.model.SyncType;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-based check with seeded random operation sequences (each seed is reproducible and named in the test's
 * display name): after every step, pool capacity is conserved, no relationship points at a deleted volume, every
 * SyncState is one its copy type can have, and an UnSyncUnAssoc relationship never outlives its copy.
 */
class RandomOperationsTest {

  private static final int SEQUENCES = 60;
  private static final int STEPS = 80;

  /** SyncState numbers each kind of pair may show (copy-services.md §2.3 and §6). */
  private static final Map<PairKind, Set<Integer>> LEGAL = new EnumMap<>(PairKind.class);

  static {
    LEGAL.put(PairKind.MIRROR, Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13));
    LEGAL.put(PairKind.SNAPSHOT, Set.of(2, 3, 4, 5, 8, 9, 10, 11, 12));
    LEGAL.put(PairKind.CLONE, Set.of(2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15));
    LEGAL.put(PairKind.TRANSIENT_CLONE, Set.of(5, 8, 9, 12));
  }

  @TestFactory
  Stream<DynamicTest> invariantsHoldAfterRandomOperationSequences() {
    return IntStream.rangeClosed(1, SEQUENCES)
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed)));
  }

  private void run(long seed) {
    Random random = new Random(seed);
    List<String> log = new ArrayList<>();
    try (Lab lab = new Lab()) {
      String setId = lab.engine.sets().createSet(GroupKind.SYNCHRONIZED_SET, "set", null).orThrow().id();
      for (int step = 0; step < STEPS; step++) {
        String what = step(lab, random, setId);
        log.add(what);
        try {
          check(lab);
        } catch (AssertionError e) {
          throw new AssertionError("seed " + seed + " failed after steps " + log, e);
        }
      }
      lab.settle();
      check(lab);
      assertThat(lab.engine.replication().activities()).isEmpty();
      assertThat(lab.engine.jobs().jobs()).allMatch(Job::isFinished);
    }
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
  }

  private String step(Lab lab, Random random, String setId) {
    List<Volume> volumes = lab.engine.storage().volumes();
    List<Synchronization> pairs = lab.engine.replication().synchronizations();
    Volume volume = pick(random, volumes);
    Synchronization pair = pick(random, pairs);
    int choice = random.nextInt(16);
    switch (choice) {
      case 0, 1 -> {
        long size = (1 + random.nextInt(200)) * Lab.MIB;
        VolumeRequest request = random.nextBoolean() ? VolumeRequest.thick(lab.poolId, null, size)
            : VolumeRequest.thin(lab.poolId, null, size);
        return "create " + lab.engine.storage().createVolume(request).returnCode();
      }
      case 2 -> {
        return volume == null ? "noop" : "delete " + lab.engine.storage().deleteVolume(volume.id()).returnCode();
      }
      case 3 -> {
        return volume == null ? "noop" : "grow " + lab.engine.storage().modifyVolume(volume.id(), null,
            volume.sizeBytes() + random.nextInt(100) * Lab.MIB).returnCode();
      }
      case 4, 5 -> {
        if (volume == null) {
          return "noop";
        }
        CopyType type = CopyType.values()[random.nextInt(CopyType.values().length)];
        ReplicaRequest request = random.nextInt(3) == 0 ? ReplicaRequest.snapshot(volume.id())
            : ReplicaRequest.of(volume.id(), type);
        return "replica " + lab.engine.replication().createReplica(request).returnCode();
      }
      case 6 -> {
        if (volume == null) {
          return "noop";
        }
        SyncType type = List.of(SyncType.MIRROR, SyncType.SNAPSHOT, SyncType.CLONE).get(random.nextInt(3));
        return "element " + lab.engine.replication().createElementReplica(
            ElementReplicaRequest.of(volume.id(), type)).returnCode();
      }
      case 7, 8 -> {
        if (pair == null) {
          return "noop";
        }
        CopyServicesOperation op = CopyServicesOperation.values()[random.nextInt(
            CopyServicesOperation.values().length)];
        return op + " " + lab.cs(op, pair.id()).returnCode();
      }
      case 9, 10 -> {
        if (pair == null) {
          return "noop";
        }
        ReplicationOperation op = ReplicationOperation.values()[random.nextInt(
            ReplicationOperation.values().length)];
        return op + " " + lab.engine.replication().modifyReplicaSynchronization(op, pair.id(),
            random.nextInt(4) == 0).returnCode();
      }
      case 11 -> {
        Volume snap = volumes.stream().filter(Volume::isSnapshot).findAny().orElse(null);
        return snap == null ? "noop" : "delta " + lab.engine.replication().updateDeltaSnapshotSpace(snap.id(),
            snap.deltaSpaceBytes() + random.nextInt(20) * Lab.MIB).returnCode();
      }
      case 12 -> {
        Job job = pick(random, lab.engine.jobs().jobs());
        return job == null ? "noop" : "terminate " + lab.engine.jobs().requestStateChange(job.id(),
            4 + random.nextInt(2)).returnCode();
      }
      case 13 -> {
        if (pair == null) {
          return "noop";
        }
        int op = 2 + random.nextInt(7);
        return "set " + op + " " + lab.engine.sets().modifySynchronizedSet(setId, op, pair.id()).returnCode();
      }
      default -> {
        lab.clock.advance(Duration.ofSeconds(random.nextInt(90)));
        return "advance";
      }
    }
  }

  private static void check(Lab lab) {
    lab.assertInvariants();
    for (Synchronization s : lab.engine.replication().synchronizations()) {
      assertThat(LEGAL.get(s.pairKind())).as(s.toString()).contains(s.syncState().value());
      if (s.pairKind() == PairKind.TRANSIENT_CLONE) {
        assertThat(s.phase()).as("UnSyncUnAssoc outliving its copy: " + s).isNotEqualTo(PairPhase.SYNCHRONIZED);
        assertThat(s.percentSynced()).isLessThan(100);
      }
      if (s.phase().inProgress()) {
        assertThat(lab.engine.replication().activities()).anyMatch(a -> a.id().equals(s.activityId()));
      }
      if (s.groupId() != null) {
        assertThat(lab.engine.sets().set(s.groupId()).orElseThrow().members()).contains(s.id());
      }
    }
  }
}
