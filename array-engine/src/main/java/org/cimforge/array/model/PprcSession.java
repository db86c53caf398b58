package org.cimforge.array.model;

import java.time.Instant;
import java.util.List;

/**
 * An ESS copy session (number 1-255 of one type) opened on one LSS, with its volumes and, for asynchronous PPRC,
 * the consistency-group formation state and counters. {@code masterLss} names the master LSS while async PPRC is
 * (or was) managed for this session number.
 */
public record PprcSession(
    String id,
    String essId,
    String lssId,
    String ssid,
    int number,
    SessionType sessionType,
    List<String> volumeIds,
    AsyncPprcState asyncState,
    String masterLss,
    Integer consistencyGroupInterval,
    Integer maxCoordinationTime,
    Integer maxConsistencyGroupDrain,
    Instant asyncStartedAt,
    Instant nextGroupAt,
    Instant lastGroupAt,
    long successfulGroups,
    long failedGroups,
    long outOfSyncTracks,
    Instant outOfSyncAsOf) implements Entity {

  public PprcSession {
    volumeIds = List.copyOf(volumeIds);
  }

  @Override
  public EntityKind kind() {
    return EntityKind.PPRC_SESSION;
  }

  /** The LSS the session lives on, in {@code ESSID:LSSID:SSID} form. */
  public String lss() {
    return essId + ":" + lssId + ":" + ssid;
  }

  /** A copy with another volume list. */
  public PprcSession withVolumes(List<String> ids) {
    return new PprcSession(id, essId, lssId, ssid, number, sessionType, ids, asyncState, masterLss,
        consistencyGroupInterval, maxCoordinationTime, maxConsistencyGroupDrain, asyncStartedAt, nextGroupAt,
        lastGroupAt, successfulGroups, failedGroups, outOfSyncTracks, outOfSyncAsOf);
  }

  /** A copy with new async PPRC state and parameters. */
  public PprcSession withAsync(AsyncPprcState state, String master, Integer interval, Integer coordination,
      Integer drain, Instant startedAt, Instant next) {
    return new PprcSession(id, essId, lssId, ssid, number, sessionType, volumeIds, state, master, interval,
        coordination, drain, startedAt, next, lastGroupAt, successfulGroups, failedGroups, outOfSyncTracks,
        outOfSyncAsOf);
  }

  /** A copy with new consistency-group counters. */
  public PprcSession withGroups(Instant next, Instant last, long ok, long failed, long oos, Instant oosAsOf) {
    return new PprcSession(id, essId, lssId, ssid, number, sessionType, volumeIds, asyncState, masterLss,
        consistencyGroupInterval, maxCoordinationTime, maxConsistencyGroupDrain, asyncStartedAt, next, last, ok,
        failed, oos, oosAsOf);
  }
}
