package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.cimforge.runtime.CimDateTime;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

/** Runs generated instance classes: CIMInstance to typed and back is identity; getters read typed values. */
class InstanceRoundTripTest {
    private final Generated gen = Generated.storage();

    static CIMInstance job(Object jobState) {
        CIMProperty<?> key = new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "job-1", true, false, "CIM_ConcreteJob");
        CIMObjectPath path = new CIMObjectPath(null, null, null, "root/test", "CIM_ConcreteJob", new CIMProperty<?>[] {key});
        return new CIMInstance(path, new CIMProperty<?>[] {
            key,
            new CIMProperty<>("JobState", CIMDataType.UINT16_T, jobState),
            new CIMProperty<>("TimeBeforeRemoval", CIMDataType.DATETIME_T,
                    new CIMDateTimeInterval("00000000000500.000000:000")),
            new CIMProperty<>("InstallDate", CIMDataType.DATETIME_T,
                    new CIMDateTimeAbsolute("20260101120000.000000+060")),
            new CIMProperty<>("PercentComplete", CIMDataType.UINT8_T, new UnsignedInteger8((short) 255)),
            new CIMProperty<>("Nice", CIMDataType.SINT8_T, (byte) -3),
            new CIMProperty<>("ErrorCode", CIMDataType.UINT32_T, new UnsignedInteger32(4_294_967_295L)),
            new CIMProperty<>("ElapsedMicros", CIMDataType.UINT64_T, new UnsignedInteger64("18446744073709551615")),
            new CIMProperty<>("Delta64", CIMDataType.SINT64_T, Long.MIN_VALUE),
            new CIMProperty<>("Ratio32", CIMDataType.REAL32_T, 0.5f),
            new CIMProperty<>("Grade", CIMDataType.CHAR16_T, 'A'),
            new CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T, null),
            new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T,
                    new UnsignedInteger16[] {new UnsignedInteger16(2), new UnsignedInteger16(40000)}),
            new CIMProperty<>("PriorityClass", CIMDataType.STRING_T, "High"),
            // A property the schema does not know: a vendor extension the client was not generated for.
            new CIMProperty<>("VendorExtra", CIMDataType.STRING_T, "kept"),
        });
    }

    @Test
    void cimInstanceToTypedAndBackIsIdentity() {
        CIMInstance original = job(new UnsignedInteger16(20000));
        Object typed = Generated.callStatic(gen.type("cim.ConcreteJob"), "fromCimInstance", original);
        CIMInstance back = (CIMInstance) Generated.call(typed, "toCimInstance");
        assertThat(back).isEqualTo(original);
        assertThat(back.getObjectPath()).isEqualTo(original.getObjectPath());
        assertThat(back.getProperties()).containsExactly(original.getProperties());
    }

    @Test
    void gettersReturnWidenedAndTypedValues() {
        Object typed = Generated.callStatic(gen.type("cim.ConcreteJob"), "fromCimInstance", job(new UnsignedInteger16(7)));
        assertThat(Generated.call(typed, "getInstanceId")).isEqualTo("job-1");
        assertThat(Generated.call(typed, "getJobState")).isEqualTo(gen.constant("cim.ConcreteJob$JobState", "COMPLETED"));
        assertThat(Generated.call(typed, "getPercentComplete")).isEqualTo((short) 255);
        assertThat(Generated.call(typed, "getNice")).isEqualTo((byte) -3);
        assertThat(Generated.call(typed, "getErrorCode")).isEqualTo(4_294_967_295L);
        assertThat(Generated.call(typed, "getElapsedMicros")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(Generated.call(typed, "getDelta64")).isEqualTo(Long.MIN_VALUE);
        assertThat(Generated.call(typed, "getRatio32")).isEqualTo(0.5f);
        assertThat(Generated.call(typed, "getGrade")).isEqualTo('A');
        assertThat(Generated.call(typed, "getDeleteOnCompletion")).isNull();
        assertThat(Generated.call(typed, "isPresent", "DeleteOnCompletion")).isEqualTo(true);
        assertThat(Generated.call(typed, "getDelta32")).isNull();
        assertThat(Generated.call(typed, "isPresent", "Delta32")).isEqualTo(false);
        assertThat(Generated.call(typed, "getTimeBeforeRemoval")).isInstanceOf(CimDateTime.Interval.class);
        assertThat(Generated.call(typed, "getInstallDate")).isInstanceOf(CimDateTime.Absolute.class);
        assertThat(Generated.call(typed, "getPriorityClass"))
                .isEqualTo(gen.constant("cim.ConcreteJob$PriorityClass", "HIGH_PRIORITY"));
        assertThat(Generated.call(typed, "rawValue", "VendorExtra")).isEqualTo("kept");
    }

    @Test
    void enumArrayKeepsExactValues() {
        Object typed = Generated.callStatic(gen.type("cim.ConcreteJob"), "fromCimInstance", job(null));
        List<?> status = (List<?>) Generated.call(typed, "getOperationalStatus");
        assertThat(status).hasSize(2);
        EnumValue<?> ok = (EnumValue<?>) status.get(0);
        EnumValue<?> vendor = (EnumValue<?>) status.get(1);
        assertThat(ok.constant()).isEqualTo(gen.constant("cim.ManagedSystemElement$OperationalStatus", "OK"));
        assertThat(vendor.constant())
                .isEqualTo(gen.constant("cim.ManagedSystemElement$OperationalStatus", "VENDOR_RESERVED"));
        assertThat(vendor.raw()).isEqualTo(40000);
        assertThat(Generated.call(typed, "getJobState")).isNull();
    }

    @Test
    void builderProducesInstanceWithKeyPathInSchemaOrder() {
        Object builder = gen.newInstance("cim.ConcreteJob$Builder");
        Generated.call(builder, "jobState", gen.constant("cim.ConcreteJob$JobState", "RUNNING"));
        Generated.call(builder, "instanceId", "job-9");
        Generated.call(builder, "percentComplete", (short) 40);
        Generated.call(builder, "elementName", "copy");
        Object job = Generated.call(builder, "build");
        CIMInstance instance = (CIMInstance) Generated.call(job, "toCimInstance");

        assertThat(instance.getClassName()).isEqualTo("CIM_ConcreteJob");
        assertThat(instance.getObjectPath().getKeys()).hasSize(1);
        assertThat(instance.getObjectPath().getKeyValue("InstanceID")).isEqualTo("job-9");
        assertThat(instance.getPropertyValue("JobState")).isEqualTo(new UnsignedInteger16(4));
        assertThat(instance.getPropertyValue("PercentComplete")).isEqualTo(new UnsignedInteger8((short) 40));
        assertThat(instance.getProperty(0).getName()).isEqualTo("ElementName");
        assertThat(instance.getProperty("InstanceID").isKey()).isTrue();

        Object keys = Generated.call(gen.newKeys("cim.ConcreteJob$Keys", "job-9"), "toReference");
        assertThat(((CimReference<?>) keys).path()).isEqualTo(instance.getObjectPath());
        Object reread = Generated.callStatic(gen.type("cim.ConcreteJob"), "fromCimInstance", instance);
        assertThat(reread).isEqualTo(job);
    }

    @Test
    void rangeValuesAreSetExactlyThroughEnumValue() {
        Object dmtfReserved = gen.constant("cim.ConcreteJob$JobState", "DMTF_RESERVED");
        Object builder = gen.newInstance("cim.ConcreteJob$Builder");
        Generated.call(builder, "instanceId", "j");
        Generated.call(builder, "jobState", Generated.callStatic(EnumValue.class, "of", dmtfReserved, 20000));
        CIMInstance instance = (CIMInstance) Generated.call(Generated.call(builder, "build"), "toCimInstance");
        assertThat(instance.getPropertyValue("JobState")).isEqualTo(new UnsignedInteger16(20000));
    }

    @Test
    void embeddedInstancesAndReferencesAreTyped() {
        CIMInstance job = job(new UnsignedInteger16(7));
        Object builder = gen.newInstance("cim.StorageVolume$Builder");
        Generated.call(builder, "systemName", "array1");
        Generated.call(builder, "deviceId", "vol1");
        Generated.call(builder, "lastJob", Generated.callStatic(gen.type("cim.ConcreteJob"), "fromCimInstance", job));
        Generated.call(builder, "numberOfBlocks", BigInteger.TEN);
        Object volume = Generated.call(builder, "build");
        Object lastJob = Generated.call(volume, "getLastJob");
        assertThat(lastJob.getClass().getName()).isEqualTo("com.example.cim.ConcreteJob");
        assertThat(Generated.call(lastJob, "toCimInstance")).isEqualTo(job);

        CimReference<?> volumeRef = (CimReference<?>) Generated.call(volume, "reference");
        Object sync = gen.newInstance("cim.StorageSynchronized$Builder");
        Generated.call(sync, "systemElement", volumeRef);
        Generated.call(sync, "syncedElement", volumeRef);
        Generated.call(sync, "syncState", gen.constant("cim.StorageSynchronized$SyncState", "SYNCHRONIZED"));
        Object built = Generated.call(sync, "build");
        CimReference<?> system = (CimReference<?>) Generated.call(built, "getSystemElement");
        assertThat(system.path()).isEqualTo(volumeRef.path());
        assertThat(system.keyValue("DeviceID")).isEqualTo("vol1");
    }

    @Test
    void vendorSubclassOverridingValueMapGetsItsOwnEnum() {
        CIMObjectPath path = new CIMObjectPath(null, null, null, null, "TPD_StorageSynchronized", new CIMProperty<?>[0]);
        CIMInstance instance = new CIMInstance(path, new CIMProperty<?>[] {
            new CIMProperty<>("SyncState", CIMDataType.UINT16_T, new UnsignedInteger16(32768))});
        Object tpd = Generated.callStatic(gen.type("tpd.TpdStorageSynchronized"), "fromCimInstance", instance);
        assertThat(Generated.call(tpd, "getSyncState", gen.type("tpd.TpdStorageSynchronized$SyncState")))
                .isEqualTo(gen.constant("tpd.TpdStorageSynchronized$SyncState", "PHYSICAL_COPY_DONE"));
        // The inherited DMTF getter still works and reads the number the DMTF way (a vendor value).
        assertThat(Generated.call(tpd, "getSyncState"))
                .isEqualTo(gen.constant("cim.StorageSynchronized$SyncState", "VENDOR_SPECIFIC"));
        assertThat(gen.type("tpd.TpdStorageSynchronized").getSuperclass()).isEqualTo(gen.type("cim.StorageSynchronized"));
    }
}
