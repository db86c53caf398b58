package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.cimforge.runtime.CimEnum;
import org.cimforge.runtime.EnumValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;

/** ValueMaps at the edges: uint64 codes beyond Long.MAX_VALUE, and string maps without Values. */
class WideValueMapTest {
    private static final BigInteger MAX = new BigInteger("18446744073709551615");
    private static Generated gen;

    @BeforeAll
    static void generate() {
        gen = Generated.of(TestSchemas.compileText("""
                class XYZ_Counter {
                      [Key] string Id;
                      [ValueMap { "0", "9223372036854775807", "9223372036854775808..18446744073709551614",
                                  "18446744073709551615" },
                       Values { "Zero", "Long Max", "Upper Half", "All Ones" }]
                   uint64 Code;
                      [ValueMap { "OK", "Degraded", "lost+found", ".." }]
                   string Health;
                };
                """), CodegenOptions.defaults(Generated.BASE));
    }

    private static EnumValue<?> lookup(String enumType, Object raw) {
        return (EnumValue<?>) Generated.callStatic(gen.type(enumType), "lookup", raw);
    }

    @Test
    void uint64CodesAboveLongMaxAreExactConstantsAndRanges() {
        String code = "xyz.Counter$Code";
        EnumValue<?> ones = lookup(code, MAX);
        assertThat(ones.constant()).isEqualTo(gen.constant(code, "ALL_ONES"));
        assertThat(((CimEnum) ones.constant()).low()).isEqualTo(MAX);
        EnumValue<?> upper = lookup(code, MAX.subtract(BigInteger.TEN));
        assertThat(upper.constant()).isEqualTo(gen.constant(code, "UPPER_HALF"));
        assertThat(upper.raw()).isEqualTo(MAX.subtract(BigInteger.TEN));
        assertThat(lookup(code, BigInteger.valueOf(Long.MAX_VALUE)).constant())
                .isEqualTo(gen.constant(code, "LONG_MAX"));
    }

    @Test
    void uint64ConstantRoundTripsThroughTheInstance() {
        Object builder = gen.newInstance("xyz.Counter$Builder");
        Generated.call(builder, "id", "c1");
        Generated.call(builder, "code", gen.constant("xyz.Counter$Code", "ALL_ONES"));
        CIMInstance built = (CIMInstance) Generated.call(Generated.call(builder, "build"), "toCimInstance");
        assertThat(built.getPropertyValue("Code")).isEqualTo(new UnsignedInteger64(MAX));
        CIMInstance received = new CIMInstance(new CIMObjectPath(null, null, null, "root/x", "XYZ_Counter", null),
                new CIMProperty<?>[] {new CIMProperty<>("Code", CIMDataType.UINT64_T, new UnsignedInteger64(MAX))});
        Object typed = Generated.callStatic(gen.type("xyz.Counter"), "fromCimInstance", received);
        assertThat(Generated.call(typed, "getCode")).isEqualTo(gen.constant("xyz.Counter$Code", "ALL_ONES"));
        EnumValue<?> read = (EnumValue<?>) Generated.call(typed, "getCodeValue");
        assertThat(read.constant()).isEqualTo(gen.constant("xyz.Counter$Code", "ALL_ONES"));
        assertThat(read.raw()).isEqualTo(MAX);
    }

    @Test
    void stringMapWithoutValuesNamesConstantsFromTheMapText() {
        List<String> names = Arrays.stream(gen.type("xyz.Counter$Health").getEnumConstants())
                .map(c -> ((Enum<?>) c).name()).toList();
        assertThat(names).containsExactly("OK", "DEGRADED", "LOST_FOUND", "OTHER");
        assertThat(lookup("xyz.Counter$Health", "Degraded").constant())
                .isEqualTo(gen.constant("xyz.Counter$Health", "DEGRADED"));
        assertThat(lookup("xyz.Counter$Health", "gone").constant()).isEqualTo(gen.constant("xyz.Counter$Health", "OTHER"));
    }
}
