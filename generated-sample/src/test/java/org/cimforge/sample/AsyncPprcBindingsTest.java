package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.sample.CopyServicesBindingsTest.assertSingle;
import static org.cimforge.sample.CopyServicesBindingsTest.n;

import java.util.List;
import org.cimforge.runtime.CimEnum;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageAsyncPPRCArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageAsyncPPRCResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageSessionArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.ManageSessionVolumeArgs;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryAsyncPPRCStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPPRCService.QueryXDCIncrementStatusResult;
import org.cimforge.sample.bindings.ibm.StorageConfigurationService;
import org.cimforge.sample.bindings.ibm.StorageConfigurationService.ModifySynchronizedSetArgs;
import org.cimforge.sample.bindings.ibm.StorageConfigurationService.ModifySynchronizedSetResult;
import org.junit.jupiter.api.Test;

/** The IBM ESS IBMTSESS_AsyncPPRCService class reference, as the generated bindings carry it. */
class AsyncPprcBindingsTest {

    @Test
    void manageAsyncPprcOperationsAreNumberedInTheirDocumentedOrder() {
        // The class reference lists Values only (no ValueMap), so DSP0004 numbers them 0, 1, 2, ...
        assertSingle(ManageAsyncPPRCArgs.Operation.START, 0);
        assertSingle(ManageAsyncPPRCArgs.Operation.PAUSE, 1);
        assertSingle(ManageAsyncPPRCArgs.Operation.RESUME, 2);
        assertSingle(ManageAsyncPPRCArgs.Operation.TERMINATE, 3);
        assertSingle(ManageAsyncPPRCArgs.Operation.FORCE_TERMINATE, 4);
        assertThat(ManageAsyncPPRCArgs.Operation.values()).hasSize(5);

        assertSingle(ManageSessionArgs.Operation.OPEN, 0);
        assertSingle(ManageSessionArgs.Operation.CLOSE, 1);
        assertSingle(ManageSessionVolumeArgs.Operation.ADD, 0);
        assertSingle(ManageSessionVolumeArgs.Operation.REMOVE, 1);
    }

    @Test
    void essMethodsShareTheDocumentedReturnCodes() {
        List<Class<? extends CimEnum>> tables = List.of(
                ManageAsyncPPRCResult.ReturnCode.class,
                AsyncPPRCService.ManageSessionResult.ReturnCode.class,
                AsyncPPRCService.ManageSessionVolumeResult.ReturnCode.class,
                QueryXDCIncrementStatusResult.ReturnCode.class,
                AsyncPPRCService.QueryXDCOutOfSyncStatusResult.ReturnCode.class,
                AsyncPPRCService.QueryXDCSessionsAndDevicesResult.ReturnCode.class,
                QueryAsyncPPRCStatusResult.ReturnCode.class);
        for (Class<? extends CimEnum> table : tables) {
            assertThat(table.getEnumConstants())
                    .extracting(CimEnum::valueMapText)
                    .as(table.getName())
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "..", "4096", "4097",
                            "4098..32767", "32768..65535");
        }
        assertSingle(ManageAsyncPPRCResult.ReturnCode.JOB_COMPLETED_WITH_NO_ERROR, 0);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.NOT_SUPPORTED, 1);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.UNKNOWN, 2);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.TIMEOUT, 3);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.FAILED, 4);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.INVALID_PARAMETER, 5);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.IN_USE, 6);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.METHOD_PARAMETERS_CHECKED_JOB_STARTED, 4096);
        assertSingle(ManageAsyncPPRCResult.ReturnCode.SIZE_NOT_SUPPORTED, 4097);
        assertThat(ManageAsyncPPRCResult.ReturnCode.METHOD_RESERVED.low()).isEqualTo(n(4098));
        assertThat(ManageAsyncPPRCResult.ReturnCode.METHOD_RESERVED.high()).isEqualTo(n(32767));
        assertThat(ManageAsyncPPRCResult.ReturnCode.VENDOR_SPECIFIC.low()).isEqualTo(n(32768));
        assertThat(ManageAsyncPPRCResult.ReturnCode.VENDOR_SPECIFIC.high()).isEqualTo(n(65535));
        assertThat(ManageAsyncPPRCResult.ReturnCode.lookup(40000).constant())
                .isEqualTo(ManageAsyncPPRCResult.ReturnCode.VENDOR_SPECIFIC);
    }

    @Test
    void manageAsyncPprcArgumentsRoundTripThroughCimArguments() {
        ManageAsyncPPRCArgs args = new ManageAsyncPPRCArgs.Builder()
                .sessionNumber(7)
                .sessionType("0x40")
                .masterLss("2105.FA120:15:FF21")
                .operation(ManageAsyncPPRCArgs.Operation.START)
                .consistencyGroupInterval(30)
                .maxXdcCoordinationTime(50)
                .maxConsistencyGroupDrain(4)
                .build();
        ManageAsyncPPRCArgs back = ManageAsyncPPRCArgs.fromCimArguments(args.toCimArguments());
        assertThat(back).isEqualTo(args);
        assertThat(back.getOperation()).isEqualTo(ManageAsyncPPRCArgs.Operation.START);
        assertThat(back.getMasterLSS()).isEqualTo("2105.FA120:15:FF21");
        assertThat(back.getMaxXDCCoordinationTime()).isEqualTo(50);
    }

    @Test
    void inheritsTheStorageConfigurationServiceAndTheSetMethods() {
        assertThat(AsyncPPRCService.CLASS_INFO.name()).isEqualTo("IBMTSESS_AsyncPPRCService");
        assertThat(AsyncPPRCService.CLASS_INFO.superClass()).isSameAs(StorageConfigurationService.CLASS_INFO);
        assertThat(AsyncPPRCService.CLASS_INFO.isA("CIM_StorageConfigurationService")).isTrue();
        assertThat(AsyncPPRCService.CLASS_INFO.isA("CIM_Service")).isTrue();
        assertThat(AsyncPPRCService.CLASS_INFO.keys()).extracting(k -> k.name())
                .containsExactlyInAnyOrder("SystemCreationClassName", "SystemName", "CreationClassName", "Name");

        assertSingle(ModifySynchronizedSetArgs.Operation.ADD, 2);
        assertSingle(ModifySynchronizedSetArgs.Operation.PREPARE_ALL, 8);
        assertThat(ModifySynchronizedSetResult.ReturnCode.METHOD_RESERVED.high()).isEqualTo(n(0x7777));
    }
}
