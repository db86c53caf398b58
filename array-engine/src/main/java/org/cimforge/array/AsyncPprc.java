package org.cimforge.array;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cimforge.array.internal.EngineCore;
import org.cimforge.array.internal.Tx;
import org.cimforge.array.model.AsyncPprcOperation;
import org.cimforge.array.model.AsyncPprcState;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.PprcSession;
import org.cimforge.array.model.ReturnCode;
import org.cimforge.array.model.SessionOperation;
import org.cimforge.array.model.SessionType;
import org.cimforge.array.model.SessionVolumeOperation;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Volume;
import org.cimforge.array.pprc.LssAddress;

/**
 * The IBM ESS IBMTSESS_AsyncPPRCService methods: copy sessions on an LSS (ManageSession, ManageSessionVolume),
 * asynchronous PPRC across all sessions with one number on an ESS (ManageAsyncPPRC), and the four queries.
 * Consistency groups form on the engine clock: every ConsistencyGroupInterval the master coordinates the LSSs and
 * drains the out-of-sync tracks that host writes left; a group fails when coordination exceeds
 * MaxXDCCoordinationTime or draining exceeds MaxConsistencyGroupDrain.
 */
public final class AsyncPprc {

  /** Bytes per simulated track (a 3390 track holds about 56 KiB). */
  public static final long TRACK_BYTES = 56L * 1024;
  private static final Duration MIN_CYCLE = Duration.ofMillis(100);
  private static final int MAX_CYCLES_PER_CATCH_UP = 10_000;

  private final EngineCore core;

  AsyncPprc(EngineCore core) {
    this.core = core;
  }

  // ---------------------------------------------------------------- results

  /** QueryXDCIncrementStatus answer: consistency-group and FlashCopy increment status of one session. */
  public record IncrementStatus(int sessionNumber, String lss, AsyncPprcState state, long successfulGroups,
      long failedGroups, Instant lastGroupAt, long flashCopyIncrement, int percentSuccessful) {
  }

  /** QueryXDCOutOfSyncStatus answer: out-of-sync tracks in total and per volume. */
  public record OutOfSyncStatus(int sessionNumber, String lss, long totalTracks, Map<String, Long> tracksByVolume) {
  }

  /** One session as QueryXDCSessionsAndDevices reports it. */
  public record SessionInfo(int sessionNumber, SessionType type, String lss, List<String> volumes,
      AsyncPprcState state) {
  }

  /** QueryAsyncPPRCStatus answer for one session number. */
  public record AsyncStatus(int sessionNumber, String masterLss, AsyncPprcState state,
      Integer consistencyGroupInterval, Integer maxCoordinationTime, Integer maxConsistencyGroupDrain,
      long successfulGroups, long failedGroups, Instant lastGroupAt, long outOfSyncTracks, List<String> lssIds) {
  }

  // ---------------------------------------------------------------- argument parsing

  /** Parsed common arguments, or the refusal explaining the bad one. */
  private record Args(int number, SessionType type, LssAddress lss) {
  }

  private static Object parse(Tx tx, int number, String type, String lssText, String lssParam) {
    if (number < 1 || number > 255) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SessionNumber: must be 1-255, got " + number);
    }
    SessionType sessionType = parseType(type);
    if (sessionType == null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SessionType: '" + type
          + "' is not one of 0x40 (XDC), 0x30 (Flash Copy), 0x20 (PPRC), 0x10 (XRC)");
    }
    LssAddress lss;
    try {
      lss = LssAddress.parse(lssText);
    } catch (IllegalArgumentException e) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, lssParam + ": " + e.getMessage());
    }
    if (systemOf(tx, lss.essId()) == null) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, lssParam + ": no storage system has ESSID "
          + lss.essId());
    }
    return new Args(number, sessionType, lss);
  }

  private static SessionType parseType(String text) {
    if (text == null) {
      return null;
    }
    String hex = text.trim().toLowerCase(Locale.ROOT);
    if (hex.startsWith("0x")) {
      hex = hex.substring(2);
    }
    try {
      return SessionType.fromValue(Integer.parseInt(hex, 16)).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static StorageSystem systemOf(Tx tx, String essId) {
    for (StorageSystem s : tx.state().<StorageSystem>all(EntityKind.SYSTEM)) {
      if (essId.equals(s.essId())) {
        return s;
      }
    }
    return null;
  }

  private static PprcSession find(Tx tx, LssAddress lss, int number) {
    for (PprcSession s : tx.state().<PprcSession>all(EntityKind.PPRC_SESSION)) {
      if (s.number() == number && s.essId().equals(lss.essId()) && s.lssId().equals(lss.lssId())) {
        return s;
      }
    }
    return null;
  }

  private static List<PprcSession> groupOf(Tx tx, String essId, int number) {
    List<PprcSession> group = new ArrayList<>();
    for (PprcSession s : tx.state().<PprcSession>all(EntityKind.PPRC_SESSION)) {
      if (s.number() == number && s.essId().equals(essId)) {
        group.add(s);
      }
    }
    return group;
  }

  // ---------------------------------------------------------------- ManageSession / ManageSessionVolume

  /** ManageSession: opens or closes session {@code sessionNumber} on {@code lss}. */
  public Outcome<PprcSession> manageSession(int sessionNumber, String sessionType, String lss, int operation) {
    return core.write(tx -> {
      Object parsed = parse(tx, sessionNumber, sessionType, lss, "LSS");
      if (parsed instanceof Outcome<?> refusal) {
        return cast(refusal);
      }
      Args args = (Args) parsed;
      Optional<SessionOperation> op = SessionOperation.fromValue(operation);
      if (op.isEmpty()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + operation + " is not 0 Open or 1 Close");
      }
      PprcSession existing = find(tx, args.lss(), args.number());
      if (op.get() == SessionOperation.OPEN) {
        if (existing != null) {
          return Outcome.refused(ReturnCode.IN_USE, "SessionNumber: session " + args.number() + " is already open on "
              + existing.lss() + " as " + existing.sessionType().label());
        }
        Instant now = tx.now();
        return Outcome.done(tx.put(new PprcSession(core.newId("PS"), args.lss().essId(), args.lss().lssId(),
            args.lss().ssid(), args.number(), args.type(), List.of(), AsyncPprcState.NOT_STARTED, null, null, null,
            null, null, null, null, 0, 0, 0, now)));
      }
      if (existing == null) {
        return Outcome.refused(ReturnCode.FAILED, "SessionNumber: no session " + args.number() + " is open on "
            + args.lss());
      }
      if (existing.sessionType() != args.type()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SessionType: session " + args.number() + " on "
            + args.lss() + " is " + existing.sessionType().label());
      }
      if (!existing.volumeIds().isEmpty()) {
        return Outcome.refused(ReturnCode.IN_USE, "SessionNumber: session " + args.number() + " still holds "
            + existing.volumeIds().size() + " volume(s)");
      }
      if (isActive(existing.asyncState())) {
        return Outcome.refused(ReturnCode.IN_USE, "SessionNumber: asynchronous PPRC is "
            + existing.asyncState().name().toLowerCase(Locale.ROOT) + " on session " + args.number()
            + "; terminate it first");
      }
      tx.remove(existing);
      return Outcome.done(existing);
    });
  }

  @SuppressWarnings("unchecked")
  private static <T> Outcome<T> cast(Outcome<?> refusal) {
    return (Outcome<T>) refusal;
  }

  private static boolean isActive(AsyncPprcState state) {
    return state == AsyncPprcState.RUNNING || state == AsyncPprcState.PAUSED;
  }

  /**
   * ManageSessionVolume: adds or removes volumes. The seed lists no parameter naming the volumes, so the engine
   * takes them as {@code volumeIds}; each must lie in the session's LSS (same ESSID and LSS number).
   */
  public Outcome<PprcSession> manageSessionVolume(int sessionNumber, String sessionType, String lss, int operation,
      List<String> volumeIds) {
    return core.write(tx -> {
      Object parsed = parse(tx, sessionNumber, sessionType, lss, "LSS");
      if (parsed instanceof Outcome<?> refusal) {
        return cast(refusal);
      }
      Args args = (Args) parsed;
      Optional<SessionVolumeOperation> op = SessionVolumeOperation.fromValue(operation);
      if (op.isEmpty()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + operation + " is not 0 Add or 1 Remove");
      }
      if (volumeIds == null || volumeIds.isEmpty()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Volumes: at least one volume is required");
      }
      PprcSession session = find(tx, args.lss(), args.number());
      if (session == null) {
        return Outcome.refused(ReturnCode.FAILED, "SessionNumber: no session " + args.number() + " is open on "
            + args.lss());
      }
      if (session.sessionType() != args.type()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SessionType: session " + args.number() + " on "
            + args.lss() + " is " + session.sessionType().label());
      }
      StorageSystem system = systemOf(tx, args.lss().essId());
      List<String> members = new ArrayList<>(session.volumeIds());
      for (String id : volumeIds) {
        Volume volume = tx.state().volume(id);
        if (volume == null) {
          return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Volumes: no volume '" + id + "'");
        }
        if (op.get() == SessionVolumeOperation.ADD) {
          if (!volume.systemId().equals(system.id()) || !args.lss().lssId().equals(volume.lss())) {
            return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Volumes: volume " + id + " is not in LSS "
                + args.lss().lssId() + " of " + args.lss().essId());
          }
          for (String other : tx.state().sessionsOf(id)) {
            PprcSession o = tx.state().session(other);
            if (o.sessionType() == session.sessionType() || o.id().equals(session.id())) {
              return Outcome.refused(ReturnCode.IN_USE, "Volumes: volume " + id + " is already in "
                  + o.sessionType().label() + " session " + o.number());
            }
          }
          if (members.contains(id)) {
            return Outcome.refused(ReturnCode.IN_USE, "Volumes: volume " + id + " is listed twice");
          }
          members.add(id);
        } else {
          if (!members.remove(id)) {
            return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Volumes: volume " + id + " is not in session "
                + args.number());
          }
        }
      }
      PprcSession updated = accrue(tx, session, tx.now()).withVolumes(members);
      return Outcome.done(tx.put(updated));
    });
  }

  // ---------------------------------------------------------------- ManageAsyncPPRC

  /**
   * ManageAsyncPPRC. ConsistencyGroupInterval (s), MaxXDCCoordinationTime (ms) and MaxConsistencyGroupDrain (min)
   * are required for Start, optional for Resume (null keeps the previous value), ignored for Pause, Terminate and
   * ForceTerminate. Terminate is refused with 6 In Use while a consistency group is forming; ForceTerminate is not.
   */
  public Outcome<List<PprcSession>> manageAsyncPprc(int sessionNumber, String sessionType, String masterLss,
      int operation, Integer consistencyGroupInterval, Integer maxCoordinationTime, Integer maxDrain) {
    return core.write(tx -> {
      Object parsed = parse(tx, sessionNumber, sessionType, masterLss, "MasterLSS");
      if (parsed instanceof Outcome<?> refusal) {
        return cast(refusal);
      }
      Args args = (Args) parsed;
      Optional<AsyncPprcOperation> found = AsyncPprcOperation.fromValue(operation);
      if (found.isEmpty()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Operation: " + operation
            + " is not 0 Start, 1 Pause, 2 Resume, 3 Terminate or 4 ForceTerminate");
      }
      AsyncPprcOperation op = found.get();
      if (args.type() != SessionType.XDC && args.type() != SessionType.PPRC) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SessionType: asynchronous PPRC runs on XDC (0x40)"
            + " or PPRC (0x20) sessions, not " + args.type().label());
      }
      PprcSession master = find(tx, args.lss(), args.number());
      if (master == null) {
        return Outcome.refused(ReturnCode.FAILED, "MasterLSS: no session " + args.number() + " is open on "
            + args.lss());
      }
      if (master.sessionType() != args.type()) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "SessionType: session " + args.number() + " on "
            + args.lss() + " is " + master.sessionType().label());
      }
      if (op == AsyncPprcOperation.START || op == AsyncPprcOperation.RESUME) {
        boolean required = op == AsyncPprcOperation.START;
        Outcome<List<PprcSession>> bad = checkParameter("ConsistencyGroupInterval", consistencyGroupInterval,
            required);
        if (bad == null) {
          bad = checkParameter("MaxXDCCoordinationTime", maxCoordinationTime, required);
        }
        if (bad == null) {
          bad = checkParameter("MaxConsistencyGroupDrain", maxDrain, required);
        }
        if (bad != null) {
          return bad;
        }
      }
      List<PprcSession> group = groupOf(tx, args.lss().essId(), args.number());
      AsyncPprcState state = master.asyncState();
      Instant now = tx.now();
      List<PprcSession> result = new ArrayList<>();
      switch (op) {
        case START -> {
          if (isActive(state)) {
            return Outcome.refused(ReturnCode.IN_USE, "asynchronous PPRC is already "
                + state.name().toLowerCase(Locale.ROOT) + " for session " + args.number());
          }
          if (group.stream().allMatch(s -> s.volumeIds().isEmpty())) {
            return Outcome.refused(ReturnCode.FAILED, "session " + args.number()
                + " has no volumes; add volumes before starting asynchronous PPRC");
          }
          Instant first = now.plusSeconds(consistencyGroupInterval);
          for (PprcSession s : group) {
            result.add(tx.put(accrue(tx, s, now).withAsync(AsyncPprcState.RUNNING, args.lss().toString(),
                consistencyGroupInterval, maxCoordinationTime, maxDrain, now, first)));
          }
        }
        case PAUSE -> {
          if (state != AsyncPprcState.RUNNING) {
            return Outcome.refused(ReturnCode.FAILED, "Pause needs running asynchronous PPRC; session "
                + args.number() + " is " + state.name().toLowerCase(Locale.ROOT));
          }
          for (PprcSession s : group) {
            result.add(tx.put(accrue(tx, s, now).withAsync(AsyncPprcState.PAUSED, s.masterLss(),
                s.consistencyGroupInterval(), s.maxCoordinationTime(), s.maxConsistencyGroupDrain(),
                s.asyncStartedAt(), null)));
          }
        }
        case RESUME -> {
          if (state != AsyncPprcState.PAUSED) {
            return Outcome.refused(ReturnCode.FAILED, "Resume needs paused asynchronous PPRC; session "
                + args.number() + " is " + state.name().toLowerCase(Locale.ROOT));
          }
          for (PprcSession s : group) {
            Integer interval = consistencyGroupInterval != null ? consistencyGroupInterval
                : s.consistencyGroupInterval();
            Integer coordination = maxCoordinationTime != null ? maxCoordinationTime : s.maxCoordinationTime();
            Integer drain = maxDrain != null ? maxDrain : s.maxConsistencyGroupDrain();
            // The first group after a pause forms at once to catch up.
            result.add(tx.put(accrue(tx, s, now).withAsync(AsyncPprcState.RUNNING, s.masterLss(), interval,
                coordination, drain, s.asyncStartedAt(), now)));
          }
        }
        default -> {
          if (!isActive(state)) {
            return Outcome.refused(ReturnCode.FAILED, op.label() + " needs running or paused asynchronous PPRC;"
                + " session " + args.number() + " is " + state.name().toLowerCase(Locale.ROOT));
          }
          if (op == AsyncPprcOperation.TERMINATE && isForming(tx, group, now)) {
            return Outcome.refused(ReturnCode.IN_USE, "a consistency group of session " + args.number()
                + " is forming; retry later or use ForceTerminate");
          }
          for (PprcSession s : group) {
            result.add(tx.put(accrue(tx, s, now).withAsync(AsyncPprcState.TERMINATED, s.masterLss(),
                s.consistencyGroupInterval(), s.maxCoordinationTime(), s.maxConsistencyGroupDrain(),
                s.asyncStartedAt(), null)));
          }
        }
      }
      return Outcome.done(result);
    });
  }

  private static <T> Outcome<T> checkParameter(String name, Integer value, boolean required) {
    if (value == null) {
      return required ? Outcome.refused(ReturnCode.INVALID_PARAMETER, name + ": required for Start") : null;
    }
    if (value < 0 || value > 0xFFFF) {
      return Outcome.refused(ReturnCode.INVALID_PARAMETER, name + ": must be a uint16 (0-65535), got " + value);
    }
    return null;
  }

  // ---------------------------------------------------------------- simulation

  /** Out-of-sync tracks a session can hold at most: every track of its volumes. */
  private static long trackCapacity(Tx tx, PprcSession s) {
    long tracks = 0;
    for (String id : s.volumeIds()) {
      Volume v = tx.state().volume(id);
      if (v != null) {
        tracks += Math.max(1, v.sizeBytes() / TRACK_BYTES);
      }
    }
    return tracks;
  }

  /** Adds the host writes since the session's last accounting (only while async PPRC is active). */
  private PprcSession accrue(Tx tx, PprcSession s, Instant at) {
    if (!at.isAfter(s.outOfSyncAsOf())) {
      return s;
    }
    long oos = s.outOfSyncTracks();
    if (isActive(s.asyncState())) {
      long millis = Duration.between(s.outOfSyncAsOf(), at).toMillis();
      long written = core.config().pprcWriteTracksPerSecond() * s.volumeIds().size() * millis / 1000;
      oos = Math.min(trackCapacity(tx, s), oos + written);
    }
    return s.withGroups(s.nextGroupAt(), s.lastGroupAt(), s.successfulGroups(), s.failedGroups(), oos, at);
  }

  private Duration formationTime(Tx tx, List<PprcSession> group, Instant at) {
    long oos = 0;
    for (PprcSession s : group) {
      oos += accrue(tx, s, at).outOfSyncTracks();
    }
    long coordination = core.config().pprcCoordinationMillisPerLss() * group.size();
    long drain = oos * 1000 / Math.max(1, core.config().pprcDrainTracksPerSecond());
    return Duration.ofMillis(coordination + drain);
  }

  private boolean isForming(Tx tx, List<PprcSession> group, Instant now) {
    PprcSession any = group.get(0);
    if (any.asyncState() != AsyncPprcState.RUNNING || any.nextGroupAt() == null || now.isBefore(any.nextGroupAt())) {
      return false;
    }
    return now.isBefore(any.nextGroupAt().plus(formationTime(tx, group, any.nextGroupAt())));
  }

  /** Catch-up step: forms every consistency group whose formation has finished by {@code now}. */
  void catchUp(Tx tx, Instant now) {
    if (tx.state().count(EntityKind.PPRC_SESSION) == 0) {
      return;
    }
    Map<String, List<PprcSession>> groups = new LinkedHashMap<>();
    for (PprcSession s : tx.state().<PprcSession>all(EntityKind.PPRC_SESSION)) {
      if (s.asyncState() == AsyncPprcState.RUNNING && s.nextGroupAt() != null) {
        groups.computeIfAbsent(s.essId() + "#" + s.number(), k -> new ArrayList<>()).add(s);
      }
    }
    for (List<PprcSession> group : groups.values()) {
      formGroups(tx, group, now);
    }
  }

  private void formGroups(Tx tx, List<PprcSession> group, Instant now) {
    List<String> ids = group.stream().map(PprcSession::id).toList();
    for (int cycle = 0; cycle < MAX_CYCLES_PER_CATCH_UP; cycle++) {
      PprcSession lead = tx.state().session(ids.get(0));
      Instant start = lead.nextGroupAt();
      Duration formation = formationTime(tx, members(tx, ids), start);
      Instant end = start.plus(formation);
      if (end.isAfter(now)) {
        return;
      }
      long coordination = core.config().pprcCoordinationMillisPerLss() * ids.size();
      long drainMillis = formation.toMillis() - coordination;
      boolean ok = coordination <= lead.maxCoordinationTime()
          && drainMillis <= lead.maxConsistencyGroupDrain() * 60_000L;
      Duration gap = Duration.ofSeconds(lead.consistencyGroupInterval());
      Instant next = end.plus(gap.compareTo(MIN_CYCLE) < 0 ? MIN_CYCLE : gap);
      for (PprcSession s : members(tx, ids)) {
        PprcSession at = accrue(tx, s, start);
        if (ok) {
          // The group is consistent as of its start; writes during formation remain out of sync.
          long during = core.config().pprcWriteTracksPerSecond() * s.volumeIds().size() * formation.toMillis() / 1000;
          tx.put(at.withGroups(next, end, at.successfulGroups() + 1, at.failedGroups(),
              Math.min(trackCapacity(tx, s), during), end));
        } else {
          tx.put(accrue(tx, at, end).withGroups(next, at.lastGroupAt(), at.successfulGroups(),
              at.failedGroups() + 1, accrue(tx, at, end).outOfSyncTracks(), end));
        }
      }
    }
  }

  private static List<PprcSession> members(Tx tx, List<String> ids) {
    return ids.stream().map(tx.state()::session).toList();
  }

  /** At open: nothing formed while the engine was down, so running sessions restart their cycle from now. */
  void restartClock(Tx tx) {
    Instant now = tx.now();
    for (PprcSession s : new ArrayList<>(tx.state().<PprcSession>all(EntityKind.PPRC_SESSION))) {
      if (s.outOfSyncAsOf().isBefore(now) || s.asyncState() == AsyncPprcState.RUNNING) {
        Instant next = s.asyncState() == AsyncPprcState.RUNNING
            ? now.plusSeconds(s.consistencyGroupInterval()) : s.nextGroupAt();
        tx.put(s.withGroups(next, s.lastGroupAt(), s.successfulGroups(), s.failedGroups(), s.outOfSyncTracks(), now));
      }
    }
  }

  // ---------------------------------------------------------------- queries

  private <T> Outcome<T> query(int number, String type, String scope, java.util.function.BiFunction<Tx,
      PprcSession, T> answer) {
    return core.write(tx -> {
      Object parsed = parse(tx, number, type, scope, "Scope");
      if (parsed instanceof Outcome<?> refusal) {
        return cast(refusal);
      }
      Args args = (Args) parsed;
      PprcSession session = find(tx, args.lss(), args.number());
      if (session == null || session.sessionType() != args.type()) {
        return Outcome.refused(ReturnCode.FAILED, "Scope: no " + args.type().label() + " session " + args.number()
            + " on " + args.lss());
      }
      return Outcome.done(answer.apply(tx, accrue(tx, session, tx.now())));
    });
  }

  /** QueryXDCIncrementStatus: consistency groups formed and the FlashCopy increment they produced. */
  public Outcome<IncrementStatus> queryXdcIncrementStatus(int sessionNumber, String sessionType, String scope) {
    return query(sessionNumber, sessionType, scope, (tx, s) -> {
      long total = s.successfulGroups() + s.failedGroups();
      int percent = total == 0 ? 100 : (int) (100 * s.successfulGroups() / total);
      return new IncrementStatus(s.number(), s.lss(), s.asyncState(), s.successfulGroups(), s.failedGroups(),
          s.lastGroupAt(), s.successfulGroups(), percent);
    });
  }

  /** QueryXDCOutOfSyncStatus: tracks not yet copied to the secondary, spread over the session's volumes. */
  public Outcome<OutOfSyncStatus> queryXdcOutOfSyncStatus(int sessionNumber, String sessionType, String scope) {
    return query(sessionNumber, sessionType, scope, (tx, s) -> {
      Map<String, Long> byVolume = new LinkedHashMap<>();
      int n = s.volumeIds().size();
      for (int i = 0; i < n; i++) {
        // Writes are spread evenly in this simulation; the remainder goes to the first volumes.
        byVolume.put(s.volumeIds().get(i), s.outOfSyncTracks() / n + (i < s.outOfSyncTracks() % n ? 1 : 0));
      }
      return new OutOfSyncStatus(s.number(), s.lss(), s.outOfSyncTracks(), byVolume);
    });
  }

  /** QueryXDCSessionsAndDevices: the sessions of the scope's LSS with their volumes. */
  public Outcome<List<SessionInfo>> queryXdcSessionsAndDevices(int sessionNumber, String sessionType,
      String scope) {
    return query(sessionNumber, sessionType, scope, (tx, session) -> {
      List<SessionInfo> infos = new ArrayList<>();
      for (PprcSession s : tx.state().<PprcSession>all(EntityKind.PPRC_SESSION)) {
        if (s.essId().equals(session.essId()) && s.lssId().equals(session.lssId())) {
          infos.add(new SessionInfo(s.number(), s.sessionType(), s.lss(), s.volumeIds(), s.asyncState()));
        }
      }
      return infos;
    });
  }

  /** QueryAsyncPPRCStatus: asynchronous PPRC of every session number present on the scope's LSS. */
  public Outcome<List<AsyncStatus>> queryAsyncPprcStatus(String scope) {
    return core.write(tx -> {
      LssAddress lss;
      try {
        lss = LssAddress.parse(scope);
      } catch (IllegalArgumentException e) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Scope: " + e.getMessage());
      }
      if (systemOf(tx, lss.essId()) == null) {
        return Outcome.refused(ReturnCode.INVALID_PARAMETER, "Scope: no storage system has ESSID " + lss.essId());
      }
      List<AsyncStatus> answer = new ArrayList<>();
      for (PprcSession s : new ArrayList<>(tx.state().<PprcSession>all(EntityKind.PPRC_SESSION))) {
        if (!s.essId().equals(lss.essId()) || !s.lssId().equals(lss.lssId())) {
          continue;
        }
        long oos = 0;
        List<String> lssIds = new ArrayList<>();
        for (PprcSession member : groupOf(tx, s.essId(), s.number())) {
          oos += accrue(tx, member, tx.now()).outOfSyncTracks();
          lssIds.add(member.lss());
        }
        answer.add(new AsyncStatus(s.number(), s.masterLss(), s.asyncState(), s.consistencyGroupInterval(),
            s.maxCoordinationTime(), s.maxConsistencyGroupDrain(), s.successfulGroups(), s.failedGroups(),
            s.lastGroupAt(), oos, lssIds));
      }
      return Outcome.done(answer);
    });
  }

  /** All open sessions. */
  public List<PprcSession> sessions() {
    return core.read(() -> new ArrayList<>(core.state().<PprcSession>all(EntityKind.PPRC_SESSION)));
  }
}
