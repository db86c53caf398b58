package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.cimforge.runtime.CimEnum;
import org.cimforge.runtime.EnumValue;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ModifySynchronizationArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ModifySynchronizationResult;
import org.cimforge.sample.bindings.cim.StorageSynchronized;
import org.cimforge.sample.bindings.cim.StorageSynchronized.CopyType;
import org.cimforge.sample.bindings.cim.StorageSynchronized.ReplicaType;
import org.cimforge.sample.bindings.cim.StorageSynchronized.SyncState;
import org.junit.jupiter.api.Test;

/** The DMTF copy services facts (CIM 2.49) as the generated bindings carry them. */
class CopyServicesBindingsTest {

    static BigInteger n(long value) {
        return BigInteger.valueOf(value);
    }

    static void assertSingle(CimEnum constant, long value) {
        assertThat(constant.isRange()).as("%s is a single value", constant).isFalse();
        assertThat(constant.low()).as("%s", constant).isEqualTo(n(value));
    }

    @Test
    void syncStateHasTheCim249ValuesAndTheVendorRange() {
        assertSingle(SyncState.UNKNOWN, 0);
        assertSingle(SyncState.INITIALIZED, 2);
        assertSingle(SyncState.RESYNC_IN_PROGRESS, 5);
        assertSingle(SyncState.SYNCHRONIZED, 6);
        assertSingle(SyncState.IDLE, 11);
        assertSingle(SyncState.BROKEN, 12);
        assertSingle(SyncState.FRACTURED, 13);
        assertSingle(SyncState.FROZEN, 14);
        assertSingle(SyncState.COPY_IN_PROGRESS, 15);
        assertThat(SyncState.SYNCHRONIZED.label()).isEqualTo("Synchronized");

        assertThat(SyncState.VENDOR_SPECIFIC.isRange()).isTrue();
        assertThat(SyncState.VENDOR_SPECIFIC.valueMapText()).isEqualTo("0x8000..");
        assertThat(SyncState.VENDOR_SPECIFIC.low()).isEqualTo(n(0x8000));
        assertThat(SyncState.VENDOR_SPECIFIC.high()).isNull();

        EnumValue<SyncState> vendor = SyncState.lookup(0x8001);
        assertThat(vendor.constant()).isEqualTo(SyncState.VENDOR_SPECIFIC);
        assertThat(vendor.number()).isEqualTo(n(0x8001));
        assertThat(SyncState.lookup(16).constant()).isEqualTo(SyncState.DMTF_RESERVED);
    }

    @Test
    void copyTypeAndReplicaTypeValues() {
        assertSingle(CopyType.ASYNC, 2);
        assertSingle(CopyType.SYNC, 3);
        assertSingle(CopyType.UN_SYNC_ASSOC, 4);
        assertSingle(CopyType.UN_SYNC_UN_ASSOC, 5);
        assertThat(CopyType.VENDOR_SPECIFIC.low()).isEqualTo(n(0x8000));

        assertSingle(ReplicaType.NOT_SPECIFIED, 0);
        assertSingle(ReplicaType.FULL_COPY, 2);
        assertSingle(ReplicaType.BEFORE_DELTA, 3);
        assertSingle(ReplicaType.AFTER_DELTA, 4);
        assertSingle(ReplicaType.LOG, 5);
    }

    @Test
    void createReplicaReturnCodes() {
        assertSingle(CreateReplicaResult.ReturnCode.JOB_COMPLETED_WITH_NO_ERROR, 0);
        assertSingle(CreateReplicaResult.ReturnCode.IN_USE, 6);
        assertSingle(CreateReplicaResult.ReturnCode.METHOD_PARAMETERS_CHECKED_JOB_STARTED, 4096);
        assertThat(CreateReplicaResult.ReturnCode.METHOD_RESERVED.low()).isEqualTo(n(4097));
        assertThat(CreateReplicaResult.ReturnCode.METHOD_RESERVED.high()).isEqualTo(n(32767));
        assertThat(CreateReplicaResult.ReturnCode.VENDOR_SPECIFIC.low()).isEqualTo(n(32768));
        assertThat(CreateReplicaResult.ReturnCode.VENDOR_SPECIFIC.high()).isEqualTo(n(65535));
    }

    @Test
    void modifySynchronizationOperationsAndCodes() {
        assertSingle(ModifySynchronizationArgs.Operation.DETACH, 2);
        assertSingle(ModifySynchronizationArgs.Operation.FRACTURE, 3);
        assertSingle(ModifySynchronizationArgs.Operation.RESYNC_REPLICA, 4);
        assertSingle(ModifySynchronizationArgs.Operation.RESTORE_FROM_REPLICA, 5);
        assertSingle(ModifySynchronizationArgs.Operation.RESET_TO_ASYNC, 11);
        assertSingle(ModifySynchronizationArgs.Operation.START_COPY, 12);
        assertSingle(ModifySynchronizationArgs.Operation.STOP_COPY, 13);
        assertThat(ModifySynchronizationResult.ReturnCode.UNSPECIFIED_ERROR.label()).isEqualTo("Unspecified Error");
        assertSingle(ModifySynchronizationResult.ReturnCode.METHOD_PARAMETERS_CHECKED_JOB_STARTED, 0x1000);
        assertThat(ModifySynchronizationResult.ReturnCode.VENDOR_SPECIFIC.high()).isEqualTo(n(0xFFFF));
    }

    @Test
    void storageSynchronizedIsASynchronized() {
        assertThat(StorageSynchronized.CLASS_INFO.name()).isEqualTo("CIM_StorageSynchronized");
        assertThat(StorageSynchronized.CLASS_INFO.isA("CIM_Synchronized")).isTrue();
        assertThat(StorageSynchronized.CLASS_INFO.keys()).hasSize(2);
    }
}
