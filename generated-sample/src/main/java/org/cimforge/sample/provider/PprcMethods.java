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
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageAsyncPprcArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageAsyncPprcResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionVolumeArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionVolumeResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryAsyncPprcStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryAsyncPprcStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcIncrementStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcIncrementStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcOutOfSyncStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcOutOfSyncStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcSessionsAndDevicesArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcSessionsAndDevicesResult;

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
        String bad = common(system, args.getSessionNumber(), args.getLss(), "LSS", args.getOperationValue());
        long code = bad != null ? ArrayContext.refusal(method, INVALID_PARAMETER, bad)
                : ArrayContext.code(method, ctx.engine().pprc().manageSession(args.getSessionNumber(),
                        args.getSessionType(), args.getLss(), Enums.number(args.getOperationValue())));
        return new ManageSessionResult.Builder().returnValue(ManageSessionResult.ReturnCode.lookup(code)).build();
    }

    /** ManageSessionVolume: Add (0) or Remove (1) volumes of the session's LSS. */
    public ManageSessionVolumeResult manageSessionVolume(StorageSystem system, ManageSessionVolumeArgs args) {
        String method = "ManageSessionVolume";
        String bad = common(system, args.getSessionNumber(), args.getLss(), "LSS", args.getOperationValue());
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
                        args.getSessionType(), args.getLss(), Enums.number(args.getOperationValue()), ids));
        return new ManageSessionVolumeResult.Builder()
                .returnValue(ManageSessionVolumeResult.ReturnCode.lookup(code)).build();
    }

    /** ManageAsyncPPRC: Start, Pause, Resume, Terminate or ForceTerminate async PPRC of a session number. */
    public ManageAsyncPprcResult manageAsyncPprc(StorageSystem system, ManageAsyncPprcArgs args) {
        String method = "ManageAsyncPPRC";
        String bad = common(system, args.getSessionNumber(), args.getMasterLss(), "MasterLSS",
                args.getOperationValue());
        long code = bad != null ? ArrayContext.refusal(method, INVALID_PARAMETER, bad)
                : ArrayContext.code(method, ctx.engine().pprc().manageAsyncPprc(args.getSessionNumber(),
                        args.getSessionType(), args.getMasterLss(), Enums.number(args.getOperationValue()),
                        args.getConsistencyGroupInterval(), args.getMaxXdcCoordinationTime(),
                        args.getMaxConsistencyGroupDrain()));
        return new ManageAsyncPprcResult.Builder().returnValue(ManageAsyncPprcResult.ReturnCode.lookup(code)).build();
    }

    /** QueryXDCIncrementStatus: consistency groups and FlashCopy increments of one session. */
    public QueryXdcIncrementStatusResult queryXdcIncrementStatus(StorageSystem system,
            QueryXdcIncrementStatusArgs args) {
        String method = "QueryXDCIncrementStatus";
        QueryXdcIncrementStatusResult.Builder result = new QueryXdcIncrementStatusResult.Builder();
        String bad = common(system, args.getSessionNumber(), args.getScope(), "Scope", null);
        if (bad != null) {
            return result.returnValue(QueryXdcIncrementStatusResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<AsyncPprc.IncrementStatus> outcome = ctx.engine().pprc().queryXdcIncrementStatus(
                args.getSessionNumber(), args.getSessionType(), args.getScope());
        result.returnValue(QueryXdcIncrementStatusResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(s -> result
                .asyncPprcState(Enums.of(QueryXdcIncrementStatusResult.AsyncPprcState.class, state(s.state())))
                .successfulConsistencyGroups(big(s.successfulGroups()))
                .failedConsistencyGroups(big(s.failedGroups()))
                .lastConsistencyGroupTime(Enums.time(s.lastGroupAt()))
                .flashCopyIncrement(big(s.flashCopyIncrement()))
                .percentSuccessful(s.percentSuccessful()));
        return result.build();
    }

    /** QueryXDCOutOfSyncStatus: out-of-sync tracks of one session, in total and per volume. */
    public QueryXdcOutOfSyncStatusResult queryXdcOutOfSyncStatus(StorageSystem system,
            QueryXdcOutOfSyncStatusArgs args) {
        String method = "QueryXDCOutOfSyncStatus";
        QueryXdcOutOfSyncStatusResult.Builder result = new QueryXdcOutOfSyncStatusResult.Builder();
        String bad = common(system, args.getSessionNumber(), args.getScope(), "Scope", null);
        if (bad != null) {
            return result.returnValue(QueryXdcOutOfSyncStatusResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<AsyncPprc.OutOfSyncStatus> outcome = ctx.engine().pprc().queryXdcOutOfSyncStatus(
                args.getSessionNumber(), args.getSessionType(), args.getScope());
        result.returnValue(QueryXdcOutOfSyncStatusResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
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
    public QueryXdcSessionsAndDevicesResult queryXdcSessionsAndDevices(StorageSystem system,
            QueryXdcSessionsAndDevicesArgs args) {
        String method = "QueryXDCSessionsAndDevices";
        QueryXdcSessionsAndDevicesResult.Builder result = new QueryXdcSessionsAndDevicesResult.Builder();
        String bad = common(system, args.getSessionNumber(), args.getScope(), "Scope", null);
        if (bad != null) {
            return result.returnValue(QueryXdcSessionsAndDevicesResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<List<AsyncPprc.SessionInfo>> outcome = ctx.engine().pprc().queryXdcSessionsAndDevices(
                args.getSessionNumber(), args.getSessionType(), args.getScope());
        result.returnValue(QueryXdcSessionsAndDevicesResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(sessions -> {
            List<Integer> numbers = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<EnumValue<QueryXdcSessionsAndDevicesResult.AsyncPprcStates>> states = new ArrayList<>();
            List<CimReference<StorageVolume>> volumes = new ArrayList<>();
            List<Integer> volumeSessions = new ArrayList<>();
            for (AsyncPprc.SessionInfo s : sessions) {
                numbers.add(s.sessionNumber());
                types.add(String.format("0x%02X", s.type().value()));
                states.add(Enums.of(QueryXdcSessionsAndDevicesResult.AsyncPprcStates.class, state(s.state())));
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
    public QueryAsyncPprcStatusResult queryAsyncPprcStatus(StorageSystem system, QueryAsyncPprcStatusArgs args) {
        String method = "QueryAsyncPPRCStatus";
        QueryAsyncPprcStatusResult.Builder result = new QueryAsyncPprcStatusResult.Builder();
        String bad = otherEss(system, args.getScope(), "Scope");
        if (bad != null) {
            return result.returnValue(QueryAsyncPprcStatusResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, bad))).build();
        }
        Outcome<List<AsyncPprc.AsyncStatus>> outcome = ctx.engine().pprc().queryAsyncPprcStatus(args.getScope());
        result.returnValue(QueryAsyncPprcStatusResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(list -> {
            List<Integer> numbers = new ArrayList<>();
            List<String> masters = new ArrayList<>();
            List<EnumValue<QueryAsyncPprcStatusResult.AsyncPprcStates>> states = new ArrayList<>();
            List<Integer> intervals = new ArrayList<>();
            List<BigInteger> ok = new ArrayList<>();
            List<BigInteger> failed = new ArrayList<>();
            List<BigInteger> oos = new ArrayList<>();
            for (AsyncPprc.AsyncStatus s : list) {
                numbers.add(s.sessionNumber());
                masters.add(s.masterLss());
                states.add(Enums.of(QueryAsyncPprcStatusResult.AsyncPprcStates.class, state(s.state())));
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

    /** The inferred AsyncPprcState numbering: the Values order Not Started, Running, Paused, Terminated. */
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
