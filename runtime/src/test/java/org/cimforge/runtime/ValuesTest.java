package org.cimforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

class ValuesTest {

    @Test
    void unsignedTypesWidenSoTheirMaximumFits() {
        assertThat(Values.toJava(CIMDataType.UINT8_T, new UnsignedInteger8((short) 255))).isEqualTo((short) 255);
        assertThat(Values.toJava(CIMDataType.UINT16_T, new UnsignedInteger16(65535))).isEqualTo(65535);
        assertThat(Values.toJava(CIMDataType.UINT32_T, new UnsignedInteger32(4_294_967_295L))).isEqualTo(4_294_967_295L);
        assertThat(Values.toJava(CIMDataType.UINT64_T, new UnsignedInteger64("18446744073709551615")))
                .isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void everyKindRoundTrips() {
        Object[][] cases = {
            {CIMDataType.UINT8_T, new UnsignedInteger8((short) 7)},
            {CIMDataType.SINT8_T, (byte) -7},
            {CIMDataType.UINT16_T, new UnsignedInteger16(7)},
            {CIMDataType.SINT16_T, (short) -7},
            {CIMDataType.UINT32_T, new UnsignedInteger32(7)},
            {CIMDataType.SINT32_T, -7},
            {CIMDataType.UINT64_T, new UnsignedInteger64(BigInteger.TEN)},
            {CIMDataType.SINT64_T, -7L},
            {CIMDataType.REAL32_T, 1.5f},
            {CIMDataType.REAL64_T, 2.5d},
            {CIMDataType.CHAR16_T, 'x'},
            {CIMDataType.STRING_T, "text"},
            {CIMDataType.BOOLEAN_T, true},
            {CIMDataType.DATETIME_T, new CIMDateTimeAbsolute("20260101120000.000000+000")},
            {new CIMDataType("CIM_Job"), new CIMObjectPath("/root/test:CIM_Job.InstanceID=\"1\"")},
        };
        for (Object[] c : cases) {
            CIMDataType type = (CIMDataType) c[0];
            Object back = Values.toCim(type, Values.toJava(type, c[1]));
            assertThat(back.toString()).as(type.toString()).isEqualTo(c[1].toString());
            assertThat(back.getClass()).isEqualTo(c[1].getClass());
        }
    }

    @Test
    void arraysBecomeListsAndBack() {
        UnsignedInteger16[] cim = {new UnsignedInteger16(2), null, new UnsignedInteger16(40000)};
        Object java = Values.toJava(CIMDataType.UINT16_ARRAY_T, cim);
        assertThat(java).isEqualTo(Arrays.asList(2, null, 40000));
        assertThat((Object[]) Values.toCim(CIMDataType.UINT16_ARRAY_T, java)).containsExactly((Object[]) cim);
        assertThat(Values.toCim(CIMDataType.STRING_ARRAY_T, List.of())).isEqualTo(new String[0]);
    }

    @Test
    void nullStaysNull() {
        assertThat(Values.toJava(CIMDataType.UINT32_T, null)).isNull();
        assertThat(Values.toCim(CIMDataType.UINT32_T, null)).isNull();
    }

    @Test
    void narrowingIsExactOrFails() {
        assertThat(Values.coerce(5L, Integer.class)).isEqualTo(5);
        assertThat(Values.coerce(BigInteger.ONE, Short.class)).isEqualTo((short) 1);
        assertThatThrownBy(() -> Values.coerce(70000, Short.class)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> CimKind.UINT8.toCim(256)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void keyOnlyReferences() {
        CimClassInfo info = CimClassInfo.builder("CIM_Job", null)
                .property("InstanceID", CimKind.STRING, false, null, true)
                .property("Priority", CimKind.UINT32, false, null, false)
                .build();
        CimReference<Object> ref = CimReference.ofKeys(info, "root/test", "InstanceID", "j1");
        assertThat(ref.className()).isEqualTo("CIM_Job");
        assertThat(ref.namespace()).isEqualTo("root/test");
        assertThat(ref.keyValue("instanceid")).isEqualTo("j1");
        assertThat(ref.path().getKeys()).extracting(CIMProperty::getName).containsExactly("InstanceID");
        assertThat(info.keys()).extracting(PropertyInfo::name).containsExactly("InstanceID");
        assertThat(info.isA("cim_job")).isTrue();
    }
}
