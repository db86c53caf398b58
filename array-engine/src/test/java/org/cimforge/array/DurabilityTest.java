package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cimforge.array.internal.JobErrors;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.JobState;
import org.cimforge.array.model.OperationalStatus;
import org.cimforge.array.model.SyncState;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurabilityTest {

  @TempDir
  Path dataDir;

  /** Both settings promise kill -9 safety (README, "Durability model"); fsyncEachCommit only adds power loss. */
  @ParameterizedTest(name = "fsyncEachCommit={0}")
  @ValueSource(booleans = {false, true})
  @Timeout(60)
  void everyAcknowledgedOperationSurvivesSigkillAndNothingIsHalfApplied(boolean fsync) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashVictim.class.getName(), dataDir.toString(), fsync ? "fsync" : "normal")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String jobId = null;
    String cloneId = null;
    List<String[]> acks = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] parts = line.split(" ");
        if (parts[0].equals("JOB")) {
          jobId = parts[1];
          cloneId = parts[2];
        } else {
          acks.add(parts);
          if (acks.size() == 400) {
            // SIGKILL in the middle of the batch: the child is busy creating the next volume.
            child.toHandle().destroyForcibly(); // the handle sends SIGKILL without closing our pipe
          }
        }
        // Lines still in the pipe after the kill were acknowledged before it: keep reading to EOF so
        // the count below compares against every acknowledgement, not only the ones read in time.
      }
    }
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(acks).hasSizeGreaterThanOrEqualTo(400);

    try (Lab lab = new Lab(dataDir)) {
      for (String[] ack : acks) {
        Volume v = lab.volume(ack[2]);
        assertThat(v).as("acknowledged volume " + ack[2]).isNotNull();
        assertThat(v.name()).isEqualTo("v-" + ack[1]);
        if (ack.length == 4) {
          Synchronization snap = lab.pair(ack[3]);
          assertThat(snap).as("acknowledged snapshot " + ack[3]).isNotNull();
          assertThat(snap.sourceId()).isEqualTo(v.id());
          assertThat(lab.volume(snap.targetId()).isSnapshot()).isTrue();
        }
      }
      // At most the one in-flight operation may have committed after the last ACK, and whole if at all.
      int expectedVolumes = 2 + acks.size() + (int) acks.stream().filter(a -> a.length == 4).count();
      assertThat(lab.engine.storage().volumeCount()).isBetween(expectedVolumes, expectedVolumes + 2);
      lab.assertInvariants();
      for (Synchronization s : lab.engine.replication().synchronizations()) {
        if (s.copyType() == CopyType.UNSYNC_ASSOC && !s.id().equals(cloneId)) {
          assertThat(lab.volume(s.targetId()).deltaSpaceBytes()).isPositive();
        }
      }

      // The clone job was cut short by the kill: it comes back failed, with a reason, and its pair Broken.
      Job job = lab.engine.jobs().job(jobId).orElseThrow();
      assertThat(job.state()).isEqualTo(JobState.EXCEPTION);
      assertThat(job.operationalStatus()).contains(OperationalStatus.ERROR, OperationalStatus.COMPLETED);
      assertThat(job.errorCode()).isEqualTo(JobErrors.ENGINE_RESTART);
      assertThat(job.errorDescription()).contains("stopped while this job was running");
      Synchronization clone = lab.pair(cloneId);
      assertThat(clone.syncState()).isEqualTo(SyncState.BROKEN);
      assertThat(clone.copyState()).isEqualTo(CopyState.BROKEN);
      assertThat(lab.engine.replication().activities()).isEmpty();

      // The reopened engine keeps working and its ids do not collide with the old ones.
      Volume fresh = lab.volume(10);
      assertThat(acks.stream().map(a -> a[2])).doesNotContain(fresh.id());
    }
  }

  @Test
  void stateSurvivesAnOrderlyRestartToo() {
    String pairId;
    try (Lab lab = new Lab(dataDir)) {
      pairId = lab.create(CopyType.SYNC).id();
      lab.settle();
    }
    try (Lab lab = new Lab(dataDir)) {
      Synchronization mirror = lab.pair(pairId);
      assertThat(mirror.syncState()).isEqualTo(SyncState.SYNCHRONIZED);
      assertThat(mirror.whenSynced()).isNotNull();
      lab.assertInvariants();
    }
  }
}
