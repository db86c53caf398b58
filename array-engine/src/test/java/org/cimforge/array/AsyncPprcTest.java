package org.cimforge.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.cimforge.array.model.AsyncPprcState;
import org.cimforge.array.model.PprcSession;
import org.cimforge.array.model.Volume;
import org.cimforge.array.pprc.LssAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsyncPprcTest {

  static final String LSS = "2105.FA120:15:FF21";
  static final String XDC = "0x40";
  static final int OPEN = 0;
  static final int CLOSE = 1;
  static final int ADD = 0;
  static final int REMOVE = 1;
  static final int START = 0;
  static final int PAUSE = 1;
  static final int RESUME = 2;
  static final int TERMINATE = 3;
  static final int FORCE_TERMINATE = 4;

  private final Lab lab = new Lab();
  private final AsyncPprc pprc = lab.engine.pprc();
  private final Volume a = lss15(100);
  private final Volume b = lss15(100);

  private Volume lss15(long mib) {
    return lab.engine.storage().createVolume(VolumeRequest.thick(lab.poolId, null, mib * Lab.MIB).inLss("15"))
        .orThrow();
  }

  @AfterEach
  void close() {
    lab.close();
  }

  private void openWithVolumes() {
    assertThat(pprc.manageSession(1, XDC, LSS, OPEN).returnCode()).isZero();
    assertThat(pprc.manageSessionVolume(1, XDC, LSS, ADD, List.of(a.id(), b.id())).returnCode()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2105.FA120:15", "2105FA120:15:FF21", "2105.FA12:15:FF21", "2105.FA120:1G:FF21",
      "2105.FA120:12345:FF21", "2105.FA120:15:FF210", "9999.ZZZZZ:15:FF21"})
  void malformedOrUnknownLssIsAnInvalidParameter(String lss) {
    var out = pprc.manageSession(1, XDC, lss, OPEN);
    assertThat(out.returnCode()).isEqualTo(5);
    assertThat(out.reason()).startsWith("LSS");
  }

  @Test
  void lssAddressNormalisesCaseAndWidthAndAllowsAnEmptySsid() {
    assertThat(LssAddress.parse("2105.fa120:5:").toString()).isEqualTo("2105.FA120:05:");
    assertThat(LssAddress.parse("2105.FA120:15:ff21").ssid()).isEqualTo("FF21");
  }

  @Test
  void sessionNumberAndTypeAreValidated() {
    assertThat(pprc.manageSession(0, XDC, LSS, OPEN).reason()).startsWith("SessionNumber");
    assertThat(pprc.manageSession(256, XDC, LSS, OPEN).reason()).startsWith("SessionNumber");
    assertThat(pprc.manageSession(1, "0x50", LSS, OPEN).reason()).startsWith("SessionType");
    assertThat(pprc.manageSession(1, "XDC", LSS, OPEN).reason()).startsWith("SessionType");
    assertThat(pprc.manageSession(1, XDC, LSS, 7).reason()).startsWith("Operation");
    for (String type : List.of("0x40", "0x30", "0x20", "0x10")) {
      assertThat(pprc.manageSession(255, type, "2105.FA120:" + type.substring(2) + ":01", OPEN).returnCode())
          .isZero();
    }
  }

  @Test
  void sessionsAndTheirVolumesFollowTheLssRules() {
    openWithVolumes();
    assertThat(pprc.manageSession(1, XDC, LSS, OPEN).returnCode()).isEqualTo(6);
    Volume elsewhere = lab.volume(10);
    var wrongLss = pprc.manageSessionVolume(1, XDC, LSS, ADD, List.of(elsewhere.id()));
    assertThat(wrongLss.returnCode()).isEqualTo(5);
    assertThat(wrongLss.reason()).startsWith("Volumes");
    assertThat(pprc.manageSessionVolume(1, XDC, LSS, ADD, List.of(a.id())).returnCode()).isEqualTo(6);
    assertThat(pprc.manageSessionVolume(2, XDC, LSS, ADD, List.of(a.id())).returnCode()).isEqualTo(4);
    assertThat(pprc.manageSessionVolume(1, XDC, LSS, ADD, List.of()).reason()).startsWith("Volumes");
    assertThat(lab.engine.storage().deleteVolume(a.id()).returnCode()).isEqualTo(6);
    assertThat(pprc.manageSession(1, XDC, LSS, CLOSE).returnCode()).isEqualTo(6);
    assertThat(pprc.manageSessionVolume(1, XDC, LSS, REMOVE, List.of(a.id(), b.id())).returnCode()).isZero();
    assertThat(pprc.manageSession(1, "0x20", LSS, CLOSE).returnCode()).isEqualTo(5);
    assertThat(pprc.manageSession(1, XDC, LSS, CLOSE).returnCode()).isZero();
    assertThat(pprc.manageSession(1, XDC, LSS, CLOSE).returnCode()).isEqualTo(4);
    assertThat(lab.engine.storage().deleteVolume(a.id()).returnCode()).isZero();
  }

  @Test
  void startRequiresAllThreeParameters() {
    openWithVolumes();
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, null, 50, 4).reason())
        .startsWith("ConsistencyGroupInterval");
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, null, 4).reason()).startsWith("MaxXDCCoordinationTime");
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, null).reason())
        .startsWith("MaxConsistencyGroupDrain");
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 70_000, 4).returnCode()).isEqualTo(5);
    assertThat(pprc.manageAsyncPprc(1, "0x30", LSS, START, 10, 50, 4).returnCode()).isEqualTo(5);
    assertThat(pprc.sessions().get(0).asyncState()).isEqualTo(AsyncPprcState.NOT_STARTED);
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).returnCode()).isZero();
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).returnCode()).isEqualTo(6);
  }

  @Test
  void startOnAnEmptyOrMissingSessionFails() {
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).returnCode()).isEqualTo(4);
    pprc.manageSession(1, XDC, LSS, OPEN).orThrow();
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).returnCode()).isEqualTo(4);
  }

  @Test
  void pauseAndTerminateIgnoreTheTuningParametersAndResumeKeepsOrReplacesThem() {
    openWithVolumes();
    pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).orThrow();
    // Ignored for Pause: even out-of-range values do not matter.
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, PAUSE, -1, 99_999, null).returnCode()).isZero();
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, PAUSE, null, null, null).returnCode()).isEqualTo(4);
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, RESUME, null, null, null).returnCode()).isZero();
    PprcSession kept = pprc.sessions().get(0);
    assertThat(kept.consistencyGroupInterval()).isEqualTo(10);
    assertThat(kept.maxCoordinationTime()).isEqualTo(50);
    assertThat(kept.maxConsistencyGroupDrain()).isEqualTo(4);
    pprc.manageAsyncPprc(1, XDC, LSS, PAUSE, null, null, null).orThrow();
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, RESUME, 30, null, 70_000).returnCode()).isEqualTo(5);
    pprc.manageAsyncPprc(1, XDC, LSS, RESUME, 30, null, null).orThrow();
    assertThat(pprc.sessions().get(0).consistencyGroupInterval()).isEqualTo(30);
    assertThat(pprc.sessions().get(0).maxCoordinationTime()).isEqualTo(50);
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, RESUME, null, null, null).returnCode()).isEqualTo(4);
    lab.clock.advance(Duration.ofSeconds(5));
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, TERMINATE, -5, -5, -5).returnCode()).isZero();
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, TERMINATE, null, null, null).returnCode()).isEqualTo(4);
    assertThat(pprc.sessions().get(0).asyncState()).isEqualTo(AsyncPprcState.TERMINATED);
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).returnCode()).isZero();
  }

  @Test
  void consistencyGroupsFormOverSimulatedTimeAndFailWhenTheDrainLimitIsTooTight() {
    openWithVolumes();
    pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).orThrow();
    lab.clock.advance(Duration.ofSeconds(61));
    AsyncPprc.IncrementStatus status = pprc.queryXdcIncrementStatus(1, XDC, LSS).orThrow();
    assertThat(status.state()).isEqualTo(AsyncPprcState.RUNNING);
    assertThat(status.successfulGroups()).isEqualTo(6);
    assertThat(status.failedGroups()).isZero();
    assertThat(status.flashCopyIncrement()).isEqualTo(6);
    assertThat(status.percentSuccessful()).isEqualTo(100);

    AsyncPprc.OutOfSyncStatus oos = pprc.queryXdcOutOfSyncStatus(1, XDC, LSS).orThrow();
    assertThat(oos.tracksByVolume().keySet()).containsExactly(a.id(), b.id());
    assertThat(oos.tracksByVolume().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(oos.totalTracks());
    assertThat(oos.totalTracks()).isPositive();

    // Drain limit 0 minutes: every group now fails, and out-of-sync tracks keep growing.
    pprc.manageAsyncPprc(1, XDC, LSS, PAUSE, null, null, null).orThrow();
    pprc.manageAsyncPprc(1, XDC, LSS, RESUME, null, null, 0).orThrow();
    long before = oos.totalTracks();
    lab.clock.advance(Duration.ofSeconds(60));
    AsyncPprc.IncrementStatus failing = pprc.queryXdcIncrementStatus(1, XDC, LSS).orThrow();
    assertThat(failing.successfulGroups()).isEqualTo(6);
    assertThat(failing.failedGroups()).isGreaterThanOrEqualTo(5);
    assertThat(pprc.queryXdcOutOfSyncStatus(1, XDC, LSS).orThrow().totalTracks()).isGreaterThan(before);

    AsyncPprc.AsyncStatus async = pprc.queryAsyncPprcStatus(LSS).orThrow().get(0);
    assertThat(async.masterLss()).isEqualTo(LSS);
    assertThat(async.maxConsistencyGroupDrain()).isZero();
    assertThat(async.failedGroups()).isEqualTo(failing.failedGroups());
    assertThat(pprc.queryXdcSessionsAndDevices(1, XDC, LSS).orThrow())
        .singleElement().satisfies(info -> assertThat(info.volumes()).containsExactly(a.id(), b.id()));
  }

  @Test
  void terminateWaitsForAFormingGroupButForceTerminateDoesNot() {
    openWithVolumes();
    pprc.manageAsyncPprc(1, XDC, LSS, START, 10, 50, 4).orThrow();
    pprc.manageAsyncPprc(1, XDC, LSS, PAUSE, null, null, null).orThrow();
    lab.clock.advance(Duration.ofMinutes(10));
    // Resume forms a group at once; draining ten minutes of writes takes a while.
    pprc.manageAsyncPprc(1, XDC, LSS, RESUME, null, null, null).orThrow();
    var refused = pprc.manageAsyncPprc(1, XDC, LSS, TERMINATE, null, null, null);
    assertThat(refused.returnCode()).isEqualTo(6);
    assertThat(refused.reason()).contains("ForceTerminate");
    assertThat(pprc.manageAsyncPprc(1, XDC, LSS, FORCE_TERMINATE, null, null, null).returnCode()).isZero();
    assertThat(pprc.sessions().get(0).asyncState()).isEqualTo(AsyncPprcState.TERMINATED);
  }

  @Test
  void queriesValidateTheirScope() {
    openWithVolumes();
    assertThat(pprc.queryXdcIncrementStatus(1, XDC, "bad").returnCode()).isEqualTo(5);
    assertThat(pprc.queryXdcIncrementStatus(2, XDC, LSS).returnCode()).isEqualTo(4);
    assertThat(pprc.queryAsyncPprcStatus("2105.FA120:16:").orThrow()).isEmpty();
    assertThat(pprc.queryAsyncPprcStatus(LSS).orThrow().get(0).state()).isEqualTo(AsyncPprcState.NOT_STARTED);
  }
}
