package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.sample.CopyServicesBindingsTest.assertSingle;

import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.cim.StorageSynchronized.CopyType;
import org.cimforge.sample.bindings.cim.StorageSynchronized.ReplicaType;
import org.cimforge.sample.bindings.cim.StorageSynchronized.SyncState;
import org.cimforge.sample.bindings.hp3par.TpdConcreteJob;
import org.cimforge.sample.bindings.hp3par.ConcreteJobInstModification;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService.UpdateDeltaSnapshotSpaceResult;
import org.cimforge.sample.bindings.hp3par.TpdStorageSynchronized;
import org.cimforge.sample.bindings.hp3par.TpdStorageVolume;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** The HP 3PAR CIM API excerpt (TPD_ classes), as the generated bindings carry it. */
class Hp3parBindingsTest {

    @Test
    void updateDeltaSnapshotSpaceReturnCodes() {
        assertThat(UpdateDeltaSnapshotSpaceResult.ReturnCode.values()).hasSize(4);
        assertSingle(UpdateDeltaSnapshotSpaceResult.ReturnCode.SUCCESS, 0);
        assertSingle(UpdateDeltaSnapshotSpaceResult.ReturnCode.FAILED, 4);
        assertSingle(UpdateDeltaSnapshotSpaceResult.ReturnCode.METHOD_PARAMETERS_CHECKED_JOB_STARTED, 0x1000);
        assertSingle(UpdateDeltaSnapshotSpaceResult.ReturnCode.VOLUME_DOES_NOT_EXIST, 32768);
        assertThat(UpdateDeltaSnapshotSpaceResult.ReturnCode.lookup(32768).constant())
                .isEqualTo(UpdateDeltaSnapshotSpaceResult.ReturnCode.VOLUME_DOES_NOT_EXIST);
        assertThat(UpdateDeltaSnapshotSpaceResult.ReturnCode.lookup(1).isUnmapped()).isTrue();
    }

    @Test
    void physicalCopyAssociationRoundTrip() {
        CimReference<TpdStorageVolume> source = volume("vv-base");
        CimReference<TpdStorageVolume> target = volume("vv-copy");
        TpdStorageSynchronized copying = new TpdStorageSynchronized.Builder()
                .systemElement(source)
                .syncedElement(target)
                .copyType(CopyType.UN_SYNC_UN_ASSOC)
                .replicaType(ReplicaType.FULL_COPY)
                .syncState(SyncState.RESYNC_IN_PROGRESS)
                .syncMaintained(true)
                .build();

        CIMInstance instance = copying.toCimInstance();
        assertThat(instance.getClassName()).isEqualTo("TPD_StorageSynchronized");
        TpdStorageSynchronized back = TpdStorageSynchronized.fromCimInstance(instance);
        assertThat(back).isEqualTo(copying);
        assertThat(back.getCopyType()).isEqualTo(CopyType.UN_SYNC_UN_ASSOC);
        assertThat(back.getCopyTypeValue().number().intValue()).isEqualTo(5);
        assertThat(back.getReplicaType()).isEqualTo(ReplicaType.FULL_COPY);
        assertThat(back.getSyncMaintained()).isTrue();
        assertThat(back.getWhenSynced()).isNull();
        assertThat(back.getSyncedElement()).isEqualTo(target);
    }

    @Test
    void jobClassesExtendTheDmtfOnes() {
        assertThat(TpdConcreteJob.CLASS_INFO.isA("CIM_ConcreteJob")).isTrue();
        assertThat(ConcreteJobInstModification.CLASS_INFO.isA("CIM_InstModification")).isTrue();
        assertThat(ConcreteJobInstModification.CLASS_INFO.isA("CIM_Indication")).isTrue();
        assertThat(TpdStorageSynchronized.CLASS_INFO.isA("CIM_StorageSynchronized")).isTrue();
    }

    private static CimReference<TpdStorageVolume> volume(String deviceId) {
        return new TpdStorageVolume.Keys("TPD_StorageSystem", "InServ-1", "TPD_StorageVolume", deviceId).toReference();
    }
}
