package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.sample.SampleArrayFixture.LSS;
import static org.cimforge.sample.SampleArrayFixture.named;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
import org.cimforge.sample.bindings.cim.ReplicationGroup;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.client.ReplicationGroupClient;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.cimforge.sample.bindings.ibm.AsyncPprcService;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageAsyncPprcArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionVolumeArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryAsyncPprcStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryAsyncPprcStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcIncrementStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcIncrementStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcOutOfSyncStatusArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcOutOfSyncStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcSessionsAndDevicesArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcSessionsAndDevicesResult;
import org.cimforge.sample.bindings.ibm.client.AsyncPprcServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IBM ESS asynchronous PPRC lifecycle through the generated IBMTSESS_AsyncPPRCService client stub. */
class EssAsyncPprcTest {
    private static final int SESSION = 7;
    private static final String XDC = "0x40";

    private SampleArrayFixture array;
    private AsyncPprcServiceClient pprc;
    private CimReference<AsyncPprcService> service;

    @BeforeEach
    void start() throws Exception {
        array = new SampleArrayFixture();
        pprc = new AsyncPprcServiceClient(array.client, SampleServer.NAMESPACE);
        List<AsyncPprcService> services = pprc.enumerate();
        assertThat(services).hasSize(1);
        service = services.get(0).reference();
    }

    @AfterEach
    void stop() throws Exception {
        array.close();
    }

    @Test
    void openAddStartPauseResumeTerminateQueryAndClose() throws Exception {
        List<StorageVolume> all = new StorageVolumeClient(array.client, SampleServer.NAMESPACE).enumerate();
        List<CimReference<StorageVolume>> volumes = List.of(named(all, "ess-a").reference(),
                named(all, "ess-b").reference());

        assertThat(code(pprc.manageSession(service, session(ManageSessionArgs.Operation.OPEN)).getReturnValue()))
                .isZero();
        List<ReplicationGroup> groups = new ReplicationGroupClient(array.client, SampleServer.NAMESPACE).enumerate();
        assertThat(groups).extracting(ReplicationGroup::getElementName)
                .containsExactly("XDC session 7 on " + LSS);
        // Opening the same session again is refused: In Use.
        assertThat(code(pprc.manageSession(service, session(ManageSessionArgs.Operation.OPEN)).getReturnValue()))
                .isEqualTo(6);

        assertThat(code(pprc.manageSessionVolume(service, new ManageSessionVolumeArgs.Builder().sessionNumber(SESSION)
                .sessionType(XDC).lss(LSS).operation(ManageSessionVolumeArgs.Operation.ADD).volumes(volumes).build())
                .getReturnValue())).isZero();
        // A volume outside the session's LSS is refused with 5 Invalid Parameter.
        assertThat(code(pprc.manageSessionVolume(service, new ManageSessionVolumeArgs.Builder().sessionNumber(SESSION)
                .sessionType(XDC).lss(LSS).operation(ManageSessionVolumeArgs.Operation.ADD)
                .volumes(List.of(named(all, "ess-c").reference())).build()).getReturnValue())).isEqualTo(5);

        // Start needs its three tuning parameters; then consistency groups form every 5 s of array time.
        assertThat(code(async(ManageAsyncPprcArgs.Operation.START, null).getReturnValue())).isEqualTo(5);
        assertThat(code(async(ManageAsyncPprcArgs.Operation.START, 5).getReturnValue())).isZero();
        array.advance(Duration.ofSeconds(31));

        QueryXdcIncrementStatusResult increments = pprc.queryXdcIncrementStatus(service,
                new QueryXdcIncrementStatusArgs.Builder().sessionNumber(SESSION).sessionType(XDC).scope(LSS).build());
        assertThat(code(increments.getReturnValue())).isZero();
        assertThat(increments.getAsyncPprcStateValue().number().intValue()).isEqualTo(1); // Running
        assertThat(increments.getSuccessfulConsistencyGroups()).isGreaterThanOrEqualTo(BigInteger.valueOf(5));
        assertThat(increments.getFailedConsistencyGroups()).isEqualTo(BigInteger.ZERO);
        assertThat(increments.getLastConsistencyGroupTime()).isNotNull();
        assertThat(increments.getPercentSuccessful()).isEqualTo(100);

        QueryXdcOutOfSyncStatusResult outOfSync = pprc.queryXdcOutOfSyncStatus(service,
                new QueryXdcOutOfSyncStatusArgs.Builder().sessionNumber(SESSION).sessionType(XDC).scope(LSS).build());
        assertThat(code(outOfSync.getReturnValue())).isZero();
        assertThat(outOfSync.getVolumes()).extracting(v -> v.keyValue("DeviceID"))
                .containsExactlyElementsOf(volumes.stream().map(v -> v.keyValue("DeviceID")).toList());
        assertThat(outOfSync.getVolumeOutOfSyncTracks().stream().reduce(BigInteger.ZERO, BigInteger::add))
                .isEqualTo(outOfSync.getOutOfSyncTracks());

        QueryXdcSessionsAndDevicesResult devices = pprc.queryXdcSessionsAndDevices(service,
                new QueryXdcSessionsAndDevicesArgs.Builder().sessionNumber(SESSION).sessionType(XDC).scope(LSS)
                        .build());
        assertThat(code(devices.getReturnValue())).isZero();
        assertThat(devices.getSessionNumbers()).containsExactly(SESSION);
        assertThat(devices.getSessionTypes()).containsExactly("0x40");
        assertThat(devices.getVolumeSessionNumbers()).containsExactly(SESSION, SESSION);

        assertThat(code(async(ManageAsyncPprcArgs.Operation.PAUSE, null).getReturnValue())).isZero();
        assertThat(asyncState()).isEqualTo(2); // Paused
        // Pausing twice is refused: 4 Failed.
        assertThat(code(async(ManageAsyncPprcArgs.Operation.PAUSE, null).getReturnValue())).isEqualTo(4);

        assertThat(code(async(ManageAsyncPprcArgs.Operation.RESUME, null).getReturnValue())).isZero();
        assertThat(asyncState()).isEqualTo(1); // Running
        array.advance(Duration.ofSeconds(2)); // let the catch-up group that Resume forms at once complete

        assertThat(code(async(ManageAsyncPprcArgs.Operation.TERMINATE, null).getReturnValue())).isZero();
        assertThat(asyncState()).isEqualTo(3); // Terminated

        // A session that still holds volumes cannot be closed: In Use.
        assertThat(code(pprc.manageSession(service, session(ManageSessionArgs.Operation.CLOSE)).getReturnValue()))
                .isEqualTo(6);
        assertThat(code(pprc.manageSessionVolume(service, new ManageSessionVolumeArgs.Builder().sessionNumber(SESSION)
                .sessionType(XDC).lss(LSS).operation(ManageSessionVolumeArgs.Operation.REMOVE).volumes(volumes)
                .build()).getReturnValue())).isZero();
        assertThat(code(pprc.manageSession(service, session(ManageSessionArgs.Operation.CLOSE)).getReturnValue()))
                .isZero();
        assertThat(new ReplicationGroupClient(array.client, SampleServer.NAMESPACE).enumerate()).isEmpty();
    }

    @Test
    void anLssOfAnotherEssIsAnInvalidParameter() throws Exception {
        ManageSessionArgs args = new ManageSessionArgs.Builder().sessionNumber(SESSION).sessionType(XDC)
                .lss("2105.ZZ999:15:FF21").operation(ManageSessionArgs.Operation.OPEN).build();
        assertThat(code(pprc.manageSession(service, args).getReturnValue())).isEqualTo(5);
        assertThat(new ReplicationGroupClient(array.client, SampleServer.NAMESPACE).enumerate()).isEmpty();
    }

    private ManageSessionArgs session(ManageSessionArgs.Operation operation) {
        return new ManageSessionArgs.Builder().sessionNumber(SESSION).sessionType(XDC).lss(LSS).operation(operation)
                .build();
    }

    private AsyncPprcService.ManageAsyncPprcResult async(ManageAsyncPprcArgs.Operation operation, Integer interval)
            throws Exception {
        ManageAsyncPprcArgs.Builder b = new ManageAsyncPprcArgs.Builder().sessionNumber(SESSION).sessionType(XDC)
                .masterLss(LSS).operation(operation);
        if (interval != null) {
            b.consistencyGroupInterval(interval).maxXdcCoordinationTime(50).maxConsistencyGroupDrain(4);
        }
        return pprc.manageAsyncPprc(service, b.build());
    }

    private int asyncState() throws Exception {
        QueryAsyncPprcStatusResult status = pprc.queryAsyncPprcStatus(service,
                new QueryAsyncPprcStatusArgs.Builder().scope(LSS).build());
        assertThat(code(status.getReturnValue())).isZero();
        assertThat(status.getSessionNumbers()).containsExactly(SESSION);
        assertThat(status.getMasterLss()).containsExactly(LSS);
        return status.getAsyncPprcStates().get(0).number().intValue();
    }

    private static int code(EnumValue<?> returnValue) {
        return returnValue.number().intValue();
    }
}
