package org.cimforge.sample.provider;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cimforge.array.AsyncPprc;
import org.cimforge.array.Outcome;
import org.cimforge.array.model.AsyncPprcState;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Volume;
import org.cimforge.array.pprc.LssAddress;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageAsyncPPRCArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageAsyncPPRCResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageSessionArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageSessionResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageSessionVolumeArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageSessionVolumeResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryAsyncPPRCStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryAsyncPPRCStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryXDCIncrementStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryXDCIncrementStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryXDCOutOfSyncStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryXDCOutOfSyncStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryXDCSessionsAndDevicesArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryXDCSessionsAndDevicesResult;

/**
 * The IBMTSESS_AsyncPPRCService methods of one ESS: copy sessions, their volumes, asynchronous PPRC and the four
 * queries. All of them complete at once (0) or are refused with the ESS return code the engine chose; an LSS on another
 * ESS than the service's is 5 Invalid Parameter. The queries answer through the inferred OUT parameters.
 */
public final class PprcMethods {
    private static final int INVALID_PARAMETER = 5;

    private final ArrayContext ctx;

    /** Methods over the context's engine. */
    public PprcMethods(ArrayContext ctx) {
        this.ctx = ctx;
    }

    /** ManageSession: Open (0) or Close (1) a session on an LSS. */
    public ManageSessionResult manageSession(StorageSystem system, ManageSessionArgs args) {
        String method = "ManageSession";
        String bad = common(system, args.getSessionNumber(), args.getLSS(), "LSS", args.getOperationValue());
        long code = bad != null ? ArrayContext.refusal(method, INVALID_PARAMETER, bad)
                : ArrayContext.code(method, ctx.engine().pprc().manageSession(args.getSessionNumber(),
                        args.getSessionType(), args.getLSS(), Enums.number(args.getOperationValue())));
        return new ManageSessionResult.Builder().returnValue(ManageSessionResult.ReturnCode.lookup(code)).build();
    }

    /** ManageSessionVolume: Add (0) or Remove (1) volumes of the session's LSS. */
    public ManageSessionVolumeResult manageSessionVolume(StorageSystem system, ManageSessionVolumeArgs args) {
        String method = "ManageSessionVolume";
        String bad = common(system, args.getSessionNumber(), args.getLSS(), "LSS", args.getOperationValue());
        List<String> ids = new ArrayList<>();
        if (bad == null && args.getVolumes() != null) {
            for (CimReference<StorageVolume> ref : args.getVolumes()) {
                Volume volume = ctx.directory().volumeFromPath(ref);
                if (volume == null || !volume.systemId().equals(system.id())) {
                    bad = "Volumes: no volume " + ref + " on " + system.id();
                    break;
                }
                ids.add(volume.id());
            }
        }
        long code = bad != null ? ArrayContext.refusal(method, INVALID_PARAMETER, bad)
                : ArrayContext.code(method, ctx.engine().pprc().manageSessionVolume(args.getSessionNumber(),
                        args.getSessionType(), args.getLSS(), Enums.number(args.getOperationValue()), ids));
        return new ManageSessionVolumeResult.Builder()
                .returnValue(ManageSessionVolumeResult.ReturnCode.lookup(code)).build();
    }

    /** ManageAsyncPPRC: Start, Pause, Resume, Terminate or ForceTerminate async PPRC of a session number. */
    public ManageAsyncPPRCResult manageAsyncPprc(StorageSystem system, ManageAsyncPPRCArgs args) {
        String method = "ManageAsyncPPRC";
        String bad = common(system, args.getSessionNumber(), args.getMasterLSS(), "MasterLSS",
                args.getOperationValue());
        long code = bad != null ? ArrayContext.refusal(method, INVALID_PARAMETER, bad)
                : ArrayContext.code(method, ctx.engine().pprc().manageAsyncPprc(args.getSessionNumber(),
                        args.getSessionType(), args.getMasterLSS(), Enums.number(args.getOperationValue()),
                        args.getConsistencyGroupInterval(), args.getMaxXDCCoordinationTime(),
                        args.getMaxConsistencyGroupDrain()));
        return new ManageAsyncPPRCResult.Builder().returnValue(ManageAsyncPPRCResult.ReturnCode.lookup(code)).build();
    }

    /** QueryXDCIncrementStatus: consistency groups and FlashCopy increments of one session. */
    public QueryXDCIncrementStatusResult queryXdcIncrementStatus(StorageSystem system,
            QueryXDCIncrementStatusArgs args) {
        String method = "QueryXDCIncrementStatus";
        QueryXDCIncrementStatusResult.Builder result = new QueryXDCIncrementStatusResult.Builder();
        String bad = common(system, args.getSessionNumber(), args.getScope(), "Scope", null);
        if (bad != null) {
            return result.returnValue(QueryXDCIncrementStatusResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<AsyncPprc.IncrementStatus> outcome = ctx.engine().pprc().queryXdcIncrementStatus(
                args.getSessionNumber(), args.getSessionType(), args.getScope());
        result.returnValue(QueryXDCIncrementStatusResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(s -> result
                .asyncPprcState(Enums.of(QueryXDCIncrementStatusArgs.AsyncPPRCState.class, state(s.state())))
                .successfulConsistencyGroups(big(s.successfulGroups()))
                .failedConsistencyGroups(big(s.failedGroups()))
                .lastConsistencyGroupTime(Enums.time(s.lastGroupAt()))
                .flashCopyIncrement(big(s.flashCopyIncrement()))
                .percentSuccessful(s.percentSuccessful()));
        return result.build();
    }

    /** QueryXDCOutOfSyncStatus: out-of-sync tracks of one session, in total and per volume. */
    public QueryXDCOutOfSyncStatusResult queryXdcOutOfSyncStatus(StorageSystem system,
            QueryXDCOutOfSyncStatusArgs args) {
        String method = "QueryXDCOutOfSyncStatus";
        QueryXDCOutOfSyncStatusResult.Builder result = new QueryXDCOutOfSyncStatusResult.Builder();
        String bad = common(system, args.getSessionNumber(), args.getScope(), "Scope", null);
        if (bad != null) {
            return result.returnValue(QueryXDCOutOfSyncStatusResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<AsyncPprc.OutOfSyncStatus> outcome = ctx.engine().pprc().queryXdcOutOfSyncStatus(
                args.getSessionNumber(), args.getSessionType(), args.getScope());
        result.returnValue(QueryXDCOutOfSyncStatusResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(s -> {
            List<CimReference<StorageVolume>> volumes = new ArrayList<>();
            List<BigInteger> tracks = new ArrayList<>();
            for (Map.Entry<String, Long> e : s.tracksByVolume().entrySet()) {
                volumes.add(ctx.names().volume(system, e.getKey()));
                tracks.add(big(e.getValue()));
            }
            result.outOfSyncTracks(big(s.totalTracks())).volumes(volumes).volumeOutOfSyncTracks(tracks);
        });
        return result.build();
    }

    /** QueryXDCSessionsAndDevices: the sessions of the scope's LSS and their volumes. */
    public QueryXDCSessionsAndDevicesResult queryXdcSessionsAndDevices(StorageSystem system,
            QueryXDCSessionsAndDevicesArgs args) {
        String method = "QueryXDCSessionsAndDevices";
        QueryXDCSessionsAndDevicesResult.Builder result = new QueryXDCSessionsAndDevicesResult.Builder();
        String bad = common(system, args.getSessionNumber(), args.getScope(), "Scope", null);
        if (bad != null) {
            return result.returnValue(QueryXDCSessionsAndDevicesResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<List<AsyncPprc.SessionInfo>> outcome = ctx.engine().pprc().queryXdcSessionsAndDevices(
                args.getSessionNumber(), args.getSessionType(), args.getScope());
        result.returnValue(QueryXDCSessionsAndDevicesResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(sessions -> {
            List<Integer> numbers = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<EnumValue<QueryXDCSessionsAndDevicesArgs.AsyncPPRCStates>> states = new ArrayList<>();
            List<CimReference<StorageVolume>> volumes = new ArrayList<>();
            List<Integer> volumeSessions = new ArrayList<>();
            for (AsyncPprc.SessionInfo s : sessions) {
                numbers.add(s.sessionNumber());
                types.add(String.format("0x%02X", s.type().value()));
                states.add(Enums.of(QueryXDCSessionsAndDevicesArgs.AsyncPPRCStates.class, state(s.state())));
                for (String id : s.volumes()) {
                    volumes.add(ctx.names().volume(system, id));
                    volumeSessions.add(s.sessionNumber());
                }
            }
            result.sessionNumbers(numbers).sessionTypes(types).asyncPprcStates(states).volumes(volumes)
                    .volumeSessionNumbers(volumeSessions);
        });
        return result.build();
    }

    /** QueryAsyncPPRCStatus: async PPRC of every session number present on the scope's LSS. */
    public QueryAsyncPPRCStatusResult queryAsyncPprcStatus(StorageSystem system, QueryAsyncPPRCStatusArgs args) {
        String method = "QueryAsyncPPRCStatus";
        QueryAsyncPPRCStatusResult.Builder result = new QueryAsyncPPRCStatusResult.Builder();
        String bad = otherEss(system, args.getScope(), "Scope");
        if (bad != null) {
            return result.returnValue(QueryAsyncPPRCStatusResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<List<AsyncPprc.AsyncStatus>> outcome = ctx.engine().pprc().queryAsyncPprcStatus(args.getScope());
        result.returnValue(QueryAsyncPPRCStatusResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(list -> {
            List<Integer> numbers = new ArrayList<>();
            List<String> masters = new ArrayList<>();
            List<EnumValue<QueryAsyncPPRCStatusArgs.AsyncPPRCStates>> states = new ArrayList<>();
            List<Integer> intervals = new ArrayList<>();
            List<BigInteger> ok = new ArrayList<>();
            List<BigInteger> failed = new ArrayList<>();
            List<BigInteger> oos = new ArrayList<>();
            for (AsyncPprc.AsyncStatus s : list) {
                numbers.add(s.sessionNumber());
                masters.add(s.masterLss());
                states.add(Enums.of(QueryAsyncPPRCStatusArgs.AsyncPPRCStates.class, state(s.state())));
                intervals.add(s.consistencyGroupInterval());
                ok.add(big(s.successfulGroups()));
                failed.add(big(s.failedGroups()));
                oos.add(big(s.outOfSyncTracks()));
            }
            result.sessionNumbers(numbers).masterLss(masters).asyncPprcStates(states)
                    .consistencyGroupIntervals(intervals).successfulConsistencyGroups(ok)
                    .failedConsistencyGroups(failed).outOfSyncTracks(oos);
        });
        return result.build();
    }

    /** Checks what the engine cannot: missing required numbers, and an LSS on another ESS. */
    private static String common(StorageSystem system, Integer number, String lss, String lssParameter,
                                 EnumValue<?> operation) {
        if (number == null) {
            return "SessionNumber: required";
        }
        if (operation == null && !lssParameter.equals("Scope")) {
            return "Operation: required";
        }
        return otherEss(system, lss, lssParameter);
    }

    private static String otherEss(StorageSystem system, String lss, String parameter) {
        try {
            LssAddress address = LssAddress.parse(lss);
            return address.essId().equals(system.essId()) ? null
                    : parameter + ": " + address.essId() + " is not this service's ESS (" + system.essId() + ")";
        } catch (IllegalArgumentException e) {
            return null; // the engine explains malformed addresses
        }
    }

    /** The inferred AsyncPPRCState numbering: the Values order Not Started, Running, Paused, Terminated. */
    private static int state(AsyncPprcState state) {
        return switch (state) {
            case NOT_STARTED -> 0;
            case RUNNING -> 1;
            case PAUSED -> 2;
            case TERMINATED -> 3;
        };
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
