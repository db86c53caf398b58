package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.cimforge.runtime.CimEnum;
import org.cimforge.runtime.EnumValue;
import org.junit.jupiter.api.Test;

/** Runs generated ValueMap enums: discrete values, ranges, {@code ..}, hex, strings, unknown numbers. */
class EnumGenerationTest {
    private static final String PPRC_RETURN = "ibmtsess.AsyncPprcService$ManageAsyncPprcResult$ReturnCode";
    private final Generated gen = Generated.storage();

    private EnumValue<?> lookup(String enumType, Object raw) {
        return (EnumValue<?>) Generated.callStatic(gen.type(enumType), "lookup", raw);
    }

    private List<String> names(String enumType) {
        return Arrays.stream(gen.type(enumType).getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    @Test
    void asyncPprcReturnCodesFollowTheSeedDocument() {
        assertThat(names(PPRC_RETURN)).containsExactly("JOB_COMPLETED_WITH_NO_ERROR", "NOT_SUPPORTED", "UNKNOWN",
                "TIMEOUT", "FAILED", "INVALID_PARAMETER", "IN_USE", "DMTF_RESERVED",
                "METHOD_PARAMETERS_CHECKED_JOB_STARTED", "SIZE_NOT_SUPPORTED", "METHOD_RESERVED", "VENDOR_SPECIFIC");
        for (int code : new int[] {0, 1, 2, 3, 4, 5, 6, 4096, 4097}) {
            EnumValue<?> v = lookup(PPRC_RETURN, (long) code);
            assertThat(((CimEnum) v.constant()).isRange()).as("code %d", code).isFalse();
            assertThat(((CimEnum) v.constant()).low()).isEqualTo(BigInteger.valueOf(code));
        }
        assertThat(lookup(PPRC_RETURN, 4096L).constant())
                .isEqualTo(gen.constant(PPRC_RETURN, "METHOD_PARAMETERS_CHECKED_JOB_STARTED"));
    }

    @Test
    void numbersInsideRangesKeepTheirValue() {
        EnumValue<?> reserved = lookup(PPRC_RETURN, 5000L);
        assertThat(reserved.constant()).isEqualTo(gen.constant(PPRC_RETURN, "METHOD_RESERVED"));
        assertThat(reserved.raw()).isEqualTo(5000L);
        CimEnum range = (CimEnum) reserved.constant();
        assertThat(range.low()).isEqualTo(BigInteger.valueOf(4098));
        assertThat(range.high()).isEqualTo(BigInteger.valueOf(32767));
        assertThat(lookup(PPRC_RETURN, 40000L).constant()).isEqualTo(gen.constant(PPRC_RETURN, "VENDOR_SPECIFIC"));
        assertThat(lookup(PPRC_RETURN, 4098L).constant()).isEqualTo(gen.constant(PPRC_RETURN, "METHOD_RESERVED"));
        assertThat(lookup(PPRC_RETURN, 32767L).constant()).isEqualTo(gen.constant(PPRC_RETURN, "METHOD_RESERVED"));
    }

    @Test
    void restRangeCatchesEverythingElseWithoutException() {
        EnumValue<?> other = lookup(PPRC_RETURN, 99L);
        assertThat(other.constant()).isEqualTo(gen.constant(PPRC_RETURN, "DMTF_RESERVED"));
        assertThat(((CimEnum) other.constant()).isRest()).isTrue();
        assertThat(other.raw()).isEqualTo(99L);
    }

    @Test
    void numbersOutsideAMapWithoutRestAreUnmappedButKept() {
        String tpd = "tpd.ReplicationService$UpdateDeltaSnapshotSpaceResult$ReturnCode";
        EnumValue<?> unknown = lookup(tpd, 7L);
        assertThat(unknown.isUnmapped()).isTrue();
        assertThat(unknown.raw()).isEqualTo(7L);
        assertThat(lookup(tpd, 0x1000L).constant()).isEqualTo(gen.constant(tpd, "METHOD_PARAMETERS_CHECKED_JOB_STARTED"));
        assertThat(lookup(tpd, 32768L).constant()).isEqualTo(gen.constant(tpd, "VOLUME_DOES_NOT_EXIST"));
        assertThat(((CimEnum) gen.constant(tpd, "METHOD_PARAMETERS_CHECKED_JOB_STARTED")).valueMapText())
                .isEqualTo("0x1000");
    }

    @Test
    void openEndedHexRange() {
        String status = "cim.ManagedSystemElement$OperationalStatus";
        EnumValue<?> vendor = lookup(status, 0x8001);
        assertThat(vendor.constant()).isEqualTo(gen.constant(status, "VENDOR_RESERVED"));
        CimEnum range = (CimEnum) vendor.constant();
        assertThat(range.low()).isEqualTo(BigInteger.valueOf(0x8000));
        assertThat(range.high()).isNull();
        assertThat(lookup(status, 1).constant()).isEqualTo(gen.constant(status, "DMTF_RESERVED"));
    }

    @Test
    void stringValueMaps() {
        String priority = "cim.ConcreteJob$PriorityClass";
        assertThat(lookup(priority, "Low").constant()).isEqualTo(gen.constant(priority, "LOW_PRIORITY"));
        assertThat(lookup(priority, "Sideways").constant()).isEqualTo(gen.constant(priority, "OTHER"));
        assertThat(lookup(priority, "Sideways").raw()).isEqualTo("Sideways");
    }

    @Test
    void unusableAndDuplicateLabelsAreDisambiguatedPredictably() {
        assertThat(names("cim.NameRules$Kind")).containsExactly("_1394_PORT", "NOT_AVAILABLE", "OTHER", "OTHER_2",
                "VALUE_5");
    }

    @Test
    void operationParameterEnumOfManageAsyncPprc() {
        String operation = "ibmtsess.AsyncPprcService$ManageAsyncPprcArgs$Operation";
        assertThat(names(operation)).containsExactly("START", "PAUSE", "RESUME", "TERMINATE", "FORCE_TERMINATE");
        assertThat(((CimEnum) gen.constant(operation, "FORCE_TERMINATE")).low()).isEqualTo(BigInteger.valueOf(6));
    }

    @Test
    void threeParPhysicalCopyValues() {
        String copyType = "cim.StorageSynchronized$CopyType";
        assertThat(lookup(copyType, 5).constant()).isEqualTo(gen.constant(copyType, "UN_SYNC_UN_ASSOC"));
        String tpdSync = "tpd.TpdStorageSynchronized$SyncState";
        assertThat(lookup(tpdSync, 32768).constant()).isEqualTo(gen.constant(tpdSync, "PHYSICAL_COPY_DONE"));
        assertThat(lookup(tpdSync, 40000).constant()).isEqualTo(gen.constant(tpdSync, "VENDOR_SPECIFIC"));
        assertThat(lookup(tpdSync, 3).constant()).isEqualTo(gen.constant(tpdSync, "DMTF_RESERVED"));
    }

    @Test
    void constantNamesWithoutLabels() {
        assertThat(JavaNames.enumConstant(new org.cimforge.mof.model.ValueMap.Range("4098..32767",
                BigInteger.valueOf(4098), BigInteger.valueOf(32767), null))).isEqualTo("RANGE_4098_TO_32767");
        assertThat(JavaNames.enumConstant(new org.cimforge.mof.model.ValueMap.Range("..", null, null, null)))
                .isEqualTo("OTHER");
        assertThat(JavaNames.enumConstant(new org.cimforge.mof.model.ValueMap.Discrete("0x10",
                BigInteger.valueOf(16), null))).isEqualTo("VALUE_0X10");
    }
}
