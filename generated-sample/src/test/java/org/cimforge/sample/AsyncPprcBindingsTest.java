package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.sample.CopyServicesBindingsTest.assertSingle;
import static org.cimforge.sample.CopyServicesBindingsTest.n;

import java.util.List;
import org.cimforge.runtime.CimEnum;
import org.cimforge.sample.bindings.ibm.AsyncPprcService;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageAsyncPprcArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageAsyncPprcResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.ManageSessionVolumeArgs;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryAsyncPprcStatusResult;
import org.cimforge.sample.bindings.ibm.AsyncPprcService.QueryXdcIncrementStatusResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifySynchronizedSetArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifySynchronizedSetResult;
import org.junit.jupiter.api.Test;

/** The IBM ESS IBMTSESS_AsyncPPRCService class reference, as the generated bindings carry it. */
class AsyncPprcBindingsTest {

    @Test
    void manageAsyncPprcOperationsAreNumberedInTheirDocumentedOrder() {
        // The class reference lists Values only (no ValueMap), so DSP0004 numbers them 0, 1, 2, ...
        assertSingle(ManageAsyncPprcArgs.Operation.START, 0);
        assertSingle(ManageAsyncPprcArgs.Operation.PAUSE, 1);
        assertSingle(ManageAsyncPprcArgs.Operation.RESUME, 2);
        assertSingle(ManageAsyncPprcArgs.Operation.TERMINATE, 3);
        assertSingle(ManageAsyncPprcArgs.Operation.FORCE_TERMINATE, 4);
        assertThat(ManageAsyncPprcArgs.Operation.values()).hasSize(5);

        assertSingle(ManageSessionArgs.Operation.OPEN, 0);
        assertSingle(ManageSessionArgs.Operation.CLOSE, 1);
        assertSingle(ManageSessionVolumeArgs.Operation.ADD, 0);
        assertSingle(ManageSessionVolumeArgs.Operation.REMOVE, 1);
    }

    @Test
    void essMethodsShareTheDocumentedReturnCodes() {
        List<Class<? extends CimEnum>> tables = List.of(
                ManageAsyncPprcResult.ReturnCode.class,
                AsyncPprcService.ManageSessionResult.ReturnCode.class,
                AsyncPprcService.ManageSessionVolumeResult.ReturnCode.class,
                QueryXdcIncrementStatusResult.ReturnCode.class,
                AsyncPprcService.QueryXdcOutOfSyncStatusResult.ReturnCode.class,
                AsyncPprcService.QueryXdcSessionsAndDevicesResult.ReturnCode.class,
                QueryAsyncPprcStatusResult.ReturnCode.class);
        for (Class<? extends CimEnum> table : tables) {
            assertThat(table.getEnumConstants())
                    .extracting(CimEnum::valueMapText)
                    .as(table.getName())
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "..", "4096", "4097",
                            "4098..32767", "32768..65535");
        }
        assertSingle(ManageAsyncPprcResult.ReturnCode.JOB_COMPLETED_WITH_NO_ERROR, 0);
        assertSingle(ManageAsyncPprcResult.ReturnCode.NOT_SUPPORTED, 1);
        assertSingle(ManageAsyncPprcResult.ReturnCode.UNKNOWN, 2);
        assertSingle(ManageAsyncPprcResult.ReturnCode.TIMEOUT, 3);
        assertSingle(ManageAsyncPprcResult.ReturnCode.FAILED, 4);
        assertSingle(ManageAsyncPprcResult.ReturnCode.INVALID_PARAMETER, 5);
        assertSingle(ManageAsyncPprcResult.ReturnCode.IN_USE, 6);
        assertSingle(ManageAsyncPprcResult.ReturnCode.METHOD_PARAMETERS_CHECKED_JOB_STARTED, 4096);
        assertSingle(ManageAsyncPprcResult.ReturnCode.SIZE_NOT_SUPPORTED, 4097);
        assertThat(ManageAsyncPprcResult.ReturnCode.METHOD_RESERVED.low()).isEqualTo(n(4098));
        assertThat(ManageAsyncPprcResult.ReturnCode.METHOD_RESERVED.high()).isEqualTo(n(32767));
        assertThat(ManageAsyncPprcResult.ReturnCode.VENDOR_SPECIFIC.low()).isEqualTo(n(32768));
        assertThat(ManageAsyncPprcResult.ReturnCode.VENDOR_SPECIFIC.high()).isEqualTo(n(65535));
        assertThat(ManageAsyncPprcResult.ReturnCode.lookup(40000).constant())
                .isEqualTo(ManageAsyncPprcResult.ReturnCode.VENDOR_SPECIFIC);
    }

    @Test
    void manageAsyncPprcArgumentsRoundTripThroughCimArguments() {
        ManageAsyncPprcArgs args = new ManageAsyncPprcArgs.Builder()
                .sessionNumber(7)
                .sessionType("0x40")
                .masterLss("2105.FA120:15:FF21")
                .operation(ManageAsyncPprcArgs.Operation.START)
                .consistencyGroupInterval(30)
                .maxXdcCoordinationTime(50)
                .maxConsistencyGroupDrain(4)
                .build();
        ManageAsyncPprcArgs back = ManageAsyncPprcArgs.fromCimArguments(args.toCimArguments());
        assertThat(back).isEqualTo(args);
        assertThat(back.getOperation()).isEqualTo(ManageAsyncPprcArgs.Operation.START);
        assertThat(back.getMasterLss()).isEqualTo("2105.FA120:15:FF21");
        assertThat(back.getMaxXdcCoordinationTime()).isEqualTo(50);
    }

    @Test
    void inheritsTheStorageConfigurationServiceAndTheSetMethods() {
        assertThat(AsyncPprcService.CLASS_INFO.name()).isEqualTo("IBMTSESS_AsyncPPRCService");
        assertThat(AsyncPprcService.CLASS_INFO.superClass()).isSameAs(IbmtsessStorageConfigurationService.CLASS_INFO);
        assertThat(AsyncPprcService.CLASS_INFO.isA("CIM_StorageConfigurationService")).isTrue();
        assertThat(AsyncPprcService.CLASS_INFO.isA("CIM_Service")).isTrue();
        assertThat(AsyncPprcService.CLASS_INFO.keys()).extracting(k -> k.name())
                .containsExactlyInAnyOrder("SystemCreationClassName", "SystemName", "CreationClassName", "Name");

        assertSingle(ModifySynchronizedSetArgs.Operation.ADD, 2);
        assertSingle(ModifySynchronizedSetArgs.Operation.PREPARE_ALL, 8);
        assertThat(ModifySynchronizedSetResult.ReturnCode.METHOD_RESERVED.high()).isEqualTo(n(0x7777));
    }
}
