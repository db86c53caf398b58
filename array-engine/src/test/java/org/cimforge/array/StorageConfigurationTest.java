package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.array.Lab.GIB;
import static org.cimforge.array.Lab.MIB;

import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.Provisioning;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.Volume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageConfigurationTest {

  private final Lab lab = new Lab();
  private final StorageConfiguration storage = lab.engine.storage();

  @AfterEach
  void close() {
    lab.close();
  }

  @Test
  void theEngineIsBusyOnlyWhileAnOperationHoldsIt() throws Exception {
    assertThat(lab.engine.busy()).isFalse();
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    lab.engine.addListener(event -> {
      inside.countDown();
      try {
        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread writer = new Thread(() -> storage.createVolume(VolumeRequest.thick(lab.poolId, "held", MIB)));
    writer.start();
    try {
      assertThat(inside.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(lab.engine.busy()).as("a listener runs while the commit holds the engine").isTrue();
    } finally {
      release.countDown();
      writer.join(10_000);
    }
    assertThat(lab.engine.busy()).isFalse();
  }

  @Test
  void createsThickVolumeRoundedToExtentsAndChargesThePool() {
    Outcome<Volume> out = storage.createVolume(VolumeRequest.thick(lab.poolId, "data", 10 * MIB + 1));
    assertThat(out.returnCode()).isZero();
    Volume v = out.orThrow();
    assertThat(v.sizeBytes()).isEqualTo(11 * MIB);
    assertThat(v.blockSize()).isEqualTo(512);
    assertThat(v.numberOfBlocks()).isEqualTo(11 * MIB / 512);
    assertThat(v.consumableBlocks()).isEqualTo(v.numberOfBlocks());
    assertThat(v.name()).isEqualTo("data");
    assertThat(lab.pool().consumedBytes()).isEqualTo(11 * MIB);
    assertThat(lab.pool().freeBytes()).isEqualTo(10 * GIB - 11 * MIB);
  }

  @Test
  void tooLargeVolumeIsRefusedWith4097AndTheNearestSize() {
    lab.volume(1024);
    Outcome<Volume> out = storage.createVolume(VolumeRequest.thick(lab.poolId, null, 20 * GIB));
    assertThat(out.returnCode()).isEqualTo(4097);
    Outcome.Refused<Volume> refused = (Outcome.Refused<Volume>) out;
    assertThat(refused.nearestSize()).isEqualTo(9 * GIB);
    assertThat(refused.reason()).contains("Size");
    assertThat(lab.pool().consumedBytes()).isEqualTo(GIB);
    assertThat(storage.volumeCount()).isEqualTo(1);
  }

  @Test
  void thinVolumesAllocateOneExtentAndAreBoundedBySubscription() {
    Volume thin = storage.createVolume(VolumeRequest.thin(lab.poolId, null, 30 * GIB)).orThrow();
    assertThat(thin.allocatedBytes()).isEqualTo(MIB);
    assertThat(lab.pool().subscribedBytes()).isEqualTo(30 * GIB);
    Outcome<Volume> over = storage.createVolume(VolumeRequest.thin(lab.poolId, null, 20 * GIB));
    assertThat(over.returnCode()).isEqualTo(4097);
    assertThat(((Outcome.Refused<Volume>) over).nearestSize()).isEqualTo(10 * GIB);
  }

  @Test
  void invalidArgumentsAreRefusedWith5NamingTheParameter() {
    assertThat(storage.createVolume(VolumeRequest.thick("nope", null, MIB)).reason()).startsWith("InPool");
    assertThat(storage.createVolume(new VolumeRequest(lab.poolId, null, MIB, 520, Provisioning.THICK, null))
        .reason()).startsWith("BlockSize");
    Outcome<Volume> zero = storage.createVolume(VolumeRequest.thick(lab.poolId, null, 0));
    assertThat(zero.returnCode()).isEqualTo(5);
    assertThat(zero.reason()).startsWith("Size");
    assertThat(storage.deleteVolume("V999").returnCode()).isEqualTo(5);
    assertThat(storage.createSystem("x", GIB, "21O5.FA120").reason()).startsWith("ESSID");
    assertThat(lab.events).hasSize(3); // system, pool (+ system update) from the lab setup only
  }

  @Test
  void volumesGrowButDoNotShrink() {
    Volume v = lab.volume(10);
    Volume grown = storage.modifyVolume(v.id(), null, 20 * MIB).orThrow();
    assertThat(grown.sizeBytes()).isEqualTo(20 * MIB);
    assertThat(lab.pool().consumedBytes()).isEqualTo(20 * MIB);
    Outcome<Volume> shrink = storage.modifyVolume(v.id(), null, 5 * MIB);
    assertThat(shrink.returnCode()).isEqualTo(4097);
    assertThat(((Outcome.Refused<Volume>) shrink).nearestSize()).isEqualTo(20 * MIB);
    Outcome<Volume> huge = storage.modifyVolume(v.id(), null, 50 * GIB);
    assertThat(((Outcome.Refused<Volume>) huge).nearestSize()).isEqualTo(10 * GIB);
  }

  @Test
  void sourceWithReplicasIsInUseButTargetCanGo() {
    var snap = lab.snapshot();
    Outcome<Volume> busy = storage.deleteVolume(snap.sourceId());
    assertThat(busy.returnCode()).isEqualTo(6);
    assertThat(busy.reason()).contains(snap.id());
    assertThat(storage.modifyVolume(snap.sourceId(), null, 200 * MIB).returnCode()).isEqualTo(6);
    assertThat(storage.deleteVolume(snap.targetId()).returnCode()).isZero();
    assertThat(lab.pair(snap.id())).isNull();
    assertThat(storage.deleteVolume(snap.sourceId()).returnCode()).isZero();
    assertThat(lab.pool().freeBytes()).isEqualTo(10 * GIB);
    lab.assertInvariants();
  }

  @Test
  void poolsResizeWithinTheSystemAndOnlyEmptyPoolsAreDeleted() {
    lab.volume(2048);
    Outcome<StoragePool> shrink = storage.modifyPool(lab.poolId, null, GIB);
    assertThat(shrink.returnCode()).isEqualTo(4097);
    assertThat(((Outcome.Refused<StoragePool>) shrink).nearestSize()).isEqualTo(2 * GIB);
    Outcome<StoragePool> grow = storage.modifyPool(lab.poolId, null, 100 * GIB);
    assertThat(((Outcome.Refused<StoragePool>) grow).nearestSize()).isEqualTo(64 * GIB);
    assertThat(storage.modifyPool(lab.poolId, "bigger", 20 * GIB).orThrow().totalBytes()).isEqualTo(20 * GIB);
    assertThat(storage.deletePool(lab.poolId).returnCode()).isEqualTo(6);
    StoragePool empty = storage.createPool(lab.systemId, "empty", GIB, 0, 0).orThrow();
    assertThat(storage.deletePool(empty.id()).orThrow().unallocatedBytes()).isEqualTo(44 * GIB);
  }

  @Test
  void transientCloneTargetIsAPlainVolumeAfterTheCopy() {
    var pair = lab.create(CopyType.UNSYNC_UNASSOC);
    lab.settle();
    assertThat(lab.pair(pair.id())).isNull();
    assertThat(storage.deleteVolume(pair.sourceId()).returnCode()).isZero();
    assertThat(storage.deleteVolume(pair.targetId()).returnCode()).isZero();
  }
}
