package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;

/**
 * Generated API v2 (issue 23, part A): {@code @Generated}, Javadoc from MOF qualifiers, deprecation,
 * EnumValue equality, toString, toBuilder, Required checks, the range-constant rule and JSpecify nullness.
 */
class GeneratedApiTest {
    private static final String DISK = "tst.Disk";
    private static final String ARGS = DISK + "$ManageSessionArgs";
    private static final String RESULT = DISK + "$ManageSessionResult";
    private static Generated gen;

    @BeforeAll
    static void generate() {
        gen = Generated.of(TestSchemas.compileText("""
                Qualifier PUnit : string = null, Scope(property, method, parameter);
                Qualifier Units : string = null, Scope(property, method, parameter);
                Qualifier MinValue : sint64 = null, Scope(property, parameter);
                Qualifier MaxValue : sint64 = null, Scope(property, parameter);
                Qualifier MaxLen : uint32 = null, Scope(property, method, parameter);

                [Description ("A disk.")]
                class TST_Disk {
                      [Key, Required, MaxLen (16)]
                   string DeviceID;
                      [PUnit ("byte * 2^10"), MinValue (1), MaxValue (1024)]
                   uint32 Capacity = 64;
                      [Units ("Percent")]
                   uint8 Load;
                      [Required]
                   string Owner;
                      [Deprecated { "TST_Disk.Owner" }]
                   string User;
                      [Deprecated { "No value" }]
                   string Legacy;
                      [ValueMap { "2", "3", "4..10", "0x8000.." }, Values { "OK", "Degraded", "Reserved", "Vendor" }]
                   uint16 Health;
                   string Tags[];

                      [ValueMap { "0", "4096", "4098..32767", "32768..65535" },
                       Values { "OK", "Job Started", "Method Reserved", "Vendor Specific" }]
                   uint32 ManageSession(
                         [In, Required] string Session,
                         [In, ValueMap { "2", "3" }, Values { "Start", "Stop" }] uint16 Operation,
                         [In (false), Out, Required] string Token);
                };

                class TST_BigDisk : TST_Disk {
                   string Extra;
                };

                [Deprecated { "TST_BigDisk" }]
                class TST_OldDisk : TST_Disk {
                };
                """), CodegenOptions.defaults(Generated.BASE),
                // Compiled with the generated code (javac -Werror): toBuilder chains with full types.
                JavaFileObjects.forSourceString("use.Uses", """
                        package use;

                        import com.example.tst.BigDisk;
                        import com.example.tst.Disk;

                        public final class Uses {
                            private Uses() {
                            }

                            public static Disk renamed(Disk disk) {
                                return disk.toBuilder().deviceId("d2").build();
                            }

                            public static BigDisk extended(BigDisk disk) {
                                return disk.toBuilder().extra("more").deviceId("d3").build();
                            }
                        }
                        """));
    }

    private static Object disk(String id, String owner) {
        Object b = gen.newInstance(DISK + "$Builder");
        Generated.call(b, "deviceId", id);
        Generated.call(b, "owner", owner);
        return b;
    }

    // ---- @Generated

    @Test
    void everyTopLevelTypeIsMarkedGeneratedWithItsSourceAndNoDate() {
        for (JavaFile f : gen.files) {
            List<AnnotationSpec> generated = f.typeSpec().annotations().stream()
                    .filter(a -> a.type().equals(Types.GENERATED)).toList();
            assertThat(generated).as(f.typeSpec().name()).hasSize(1);
            assertThat(generated.get(0).members().get("value").get(0).toString())
                    .isEqualTo("\"org.cimforge.codegen.CimForgeGenerator\"");
            assertThat(generated.get(0).members()).containsOnlyKeys("value", "comments");
        }
        assertThat(gen.source(DISK)).contains("comments = \"TST_Disk in inline.mof\"");
        assertThat(gen.source("tst.provider.DiskProvider")).contains("comments = \"TST_Disk in inline.mof\"");
        assertThat(gen.source("tst.client.BigDiskClient")).contains("comments = \"TST_BigDisk in inline.mof\"");
    }

    // ---- Javadoc and deprecation

    @Test
    void javadocStatesUnitsBoundsLengthDefaultAndRequired() {
        String disk = gen.source(DISK);
        assertThat(disk).contains("Units: <code>byte * 2^10</code> (PUnit).")
                .contains("Values from 1 to 1024 (MinValue, MaxValue).")
                .contains("Default in the MOF: <code>64</code>.")
                .contains("Units: Percent.")
                .contains("Length up to 16 (MaxLen).")
                .contains("Required: a builder's {@code build()} refuses to go without a value.");
        // The facts belong to the element: Load has units but no bounds.
        String load = disk.substring(disk.indexOf("The Load value."), disk.indexOf("getLoad()"));
        assertThat(load).contains("Units: Percent.").doesNotContain("MinValue").doesNotContain("Required");
    }

    @Test
    void deprecatedElementsGetTheAnnotationAndATagNamingTheReplacement() throws Exception {
        String disk = gen.source(DISK);
        assertThat(disk).contains("@deprecated Deprecated in the MOF; use <code>TST_Disk.Owner</code> instead.")
                .contains("@deprecated Deprecated in the MOF, with no replacement.");
        assertThat(gen.type(DISK).getMethod("getUser").isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(gen.type(DISK + "$Builder").getMethod("user", String.class).isAnnotationPresent(Deprecated.class))
                .isTrue();
        assertThat(gen.type(DISK).getMethod("getOwner").isAnnotationPresent(Deprecated.class)).isFalse();
        assertThat(gen.type("tst.OldDisk").isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(gen.source("tst.OldDisk")).contains("@deprecated Deprecated in the MOF; use <code>TST_BigDisk</code>");
    }

    // ---- EnumValue equality

    @Test
    void enumValuesAreEqualByNumberWhateverIntegerTypeCarriedThem() {
        Class<?> health = gen.type(DISK + "$Health");
        Object fromInt = Generated.callStatic(health, "lookup", 5);
        Object fromLong = Generated.callStatic(health, "lookup", 5L);
        Object fromBig = Generated.callStatic(health, "lookup", BigInteger.valueOf(5));
        assertThat(fromInt).isEqualTo(fromLong).isEqualTo(fromBig);
        assertThat(fromInt.hashCode()).isEqualTo(fromLong.hashCode()).isEqualTo(fromBig.hashCode());
        // A uint16 reads back as Integer; it still equals a value looked up from a long.
        Object b = disk("d1", "o");
        Generated.call(b, "health", fromInt);
        Object read = Generated.call(Generated.call(b, "build"), "getHealthValue");
        assertThat(((EnumValue<?>) read).raw()).isEqualTo(5);
        assertThat(read).isEqualTo(fromLong);
    }

    // ---- toString

    @Test
    void toStringShowsTheTypeAndNonNullValuesReadably() {
        Object b = disk("d1", "ann");
        Generated.call(b, "capacity", 64L);
        Generated.call(b, "health", gen.constant(DISK + "$Health", "DEGRADED"));
        Generated.call(b, "tags", List.of("a", "b"));
        Generated.call(b, "load", (Object) null);
        assertThat(Generated.call(b, "build"))
                .hasToString("Disk{Capacity=64, DeviceID=\"d1\", Health=3 (DEGRADED), Owner=\"ann\", Tags=[\"a\", \"b\"]}");

        Object args = gen.newInstance(ARGS + "$Builder");
        Generated.call(args, "session", "s1");
        Generated.call(args, "operation", gen.constant(ARGS + "$Operation", "START"));
        assertThat(Generated.call(args, "build")).hasToString("ManageSessionArgs{Session=\"s1\", Operation=2 (START)}");

        Object result = Generated.callStatic(gen.type(RESULT), "fromCim", new UnsignedInteger32(5000),
                new CIMArgument<?>[] {new CIMArgument<>("Token", CIMDataType.STRING_T, "t")});
        assertThat(result).hasToString("ManageSessionResult{ReturnValue=5000 (METHOD_RESERVED), Token=\"t\"}");
    }

    // ---- toBuilder

    @Test
    void toBuilderMakesAChangedCopyAndAnUnchangedOneEqualsTheOriginal() {
        Object b = disk("d1", "ann");
        Generated.call(b, "capacity", 64L);
        Object original = Generated.call(b, "build");
        assertThat(Generated.call(Generated.call(original, "toBuilder"), "build")).isEqualTo(original);
        Object copy = Generated.call(Generated.call(Generated.call(original, "toBuilder"), "capacity", 128L), "build");
        assertThat(Generated.call(copy, "getCapacity")).isEqualTo(128L);
        assertThat(Generated.call(copy, "getOwner")).isEqualTo("ann");
        assertThat(((CimReference<?>) Generated.call(copy, "reference")).keyValue("DeviceID")).isEqualTo("d1");
        assertThat(Generated.call(original, "getCapacity")).isEqualTo(64L);
    }

    @Test
    void toBuilderKeepsUnknownPropertiesNamespaceAndTheRealClassOfANarrowerView() {
        CIMProperty<?> id = new CIMProperty<>("DeviceID", CIMDataType.STRING_T, "d7", true, false, null);
        CIMInstance received = new CIMInstance(new CIMObjectPath(null, null, null, "root/x", "TST_BigDisk",
                new CIMProperty<?>[] {id}), new CIMProperty<?>[] {id,
                    new CIMProperty<>("Owner", CIMDataType.STRING_T, "ann", false, false, "TST_Disk"),
                    new CIMProperty<>("Extra", CIMDataType.STRING_T, "x", false, false, "TST_BigDisk"),
                    new CIMProperty<>("VendorOnly", CIMDataType.UINT16_T, new UnsignedInteger16(9), false, false, null)});
        // Read through TST_Disk's class, which knows neither Extra nor VendorOnly.
        Object view = Generated.callStatic(gen.type(DISK), "fromCimInstance", received);
        Object builder = Generated.call(view, "toBuilder");
        assertThat(builder.getClass()).isEqualTo(gen.type(DISK + "$Builder"));
        CIMInstance rebuilt = (CIMInstance) Generated.call(Generated.call(builder, "build"), "toCimInstance");
        assertThat(rebuilt.getClassName()).isEqualTo("TST_BigDisk");
        assertThat(rebuilt.getObjectPath().getNamespace()).isEqualTo("root/x");
        assertThat(rebuilt.getObjectPath().getKeys()).extracting(CIMProperty::getName).containsExactly("DeviceID");
        assertThat(rebuilt.getProperty("VendorOnly").getValue()).isEqualTo(new UnsignedInteger16(9));
        assertThat(rebuilt.getProperty("Extra").getValue()).isEqualTo("x");

        // A subclass instance's toBuilder returns the subclass builder, also through the superclass type.
        Object big = Generated.callStatic(gen.type("tst.BigDisk"), "fromCimInstance", received);
        assertThat(Generated.call(big, "toBuilder").getClass()).isEqualTo(gen.type("tst.BigDisk$Builder"));
    }

    @Test
    void toBuilderChainsWithFullTypesInHandWrittenCode() throws Exception {
        // use.Uses compiled with -Werror alongside the generated code; here it also runs.
        Class<?> uses = Class.forName("use.Uses", true, gen.loader);
        Object renamed = uses.getMethod("renamed", gen.type(DISK)).invoke(null, Generated.call(disk("d1", "o"), "build"));
        assertThat(Generated.call(renamed, "getDeviceId")).isEqualTo("d2");
        Object bigBuilder = gen.newInstance("tst.BigDisk$Builder");
        Generated.call(bigBuilder, "deviceId", "d1");
        Generated.call(bigBuilder, "owner", "o");
        Object extended = uses.getMethod("extended", gen.type("tst.BigDisk"))
                .invoke(null, Generated.call(bigBuilder, "build"));
        assertThat(extended.getClass()).isEqualTo(gen.type("tst.BigDisk"));
        assertThat(Generated.call(extended, "getExtra")).isEqualTo("more");
    }

    // ---- Required

    @Test
    void buildRefusesMissingRequiredPropertiesNamingClassAndProperty() {
        Object onlyId = gen.newInstance(DISK + "$Builder");
        Generated.call(onlyId, "deviceId", "d1");
        assertThatThrownBy(() -> Generated.call(onlyId, "build")).isInstanceOf(IllegalStateException.class)
                .hasMessage("TST_Disk: Required property Owner has no value");
        Object explicitNull = disk("d1", null);
        assertThatThrownBy(() -> Generated.call(explicitNull, "build"))
                .hasMessage("TST_Disk: Required property Owner has no value");
        Object empty = gen.newInstance(DISK + "$Builder");
        assertThatThrownBy(() -> Generated.call(empty, "build"))
                .hasMessage("TST_Disk: Required properties DeviceID, Owner have no value");
        // Received instances are never checked: the typed view stays lossless.
        CIMInstance bare = new CIMInstance(new CIMObjectPath(null, null, null, null, "TST_Disk", new CIMProperty<?>[0]),
                new CIMProperty<?>[0]);
        assertThat(Generated.callStatic(gen.type(DISK), "fromCimInstance", bare)).isNotNull();
    }

    @Test
    void argumentsBuildRefusesMissingRequiredInParametersButResultsDoNotCheckOutParameters() {
        Object args = gen.newInstance(ARGS + "$Builder");
        Generated.call(args, "operation", gen.constant(ARGS + "$Operation", "STOP"));
        assertThatThrownBy(() -> Generated.call(args, "build")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Disk.ManageSessionArgs: Required parameter Session has no value");
        // Token is a Required OUT parameter; a failed call returns no OUT values, so results are not checked.
        Object result = gen.newInstance(RESULT + "$Builder");
        Generated.call(result, "returnValue", gen.constant(RESULT + "$ReturnCode", "OK"));
        assertThat(Generated.call(result, "build")).isNotNull();
    }

    // ---- range constants

    @Test
    void aRangeConstantIsRefusedAloneAndTakenWithItsExactNumber() {
        Object range = gen.constant(DISK + "$Health", "RESERVED");
        Object b = disk("d1", "o");
        assertThatThrownBy(() -> Generated.call(b, "health", range)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Health: RESERVED (4..10) is a range");
        Generated.call(b, "health", range, 7);
        EnumValue<?> read = (EnumValue<?>) Generated.call(Generated.call(b, "build"), "getHealthValue");
        assertThat(read.constant()).isEqualTo(range);
        assertThat(read.number()).isEqualTo(BigInteger.valueOf(7));
        assertThatThrownBy(() -> Generated.call(b, "health", range, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 is not within 4..10");
        // A discrete constant works alone, and with its own number too.
        Generated.call(b, "health", gen.constant(DISK + "$Health", "OK"), 2);

        Object result = gen.newInstance(RESULT + "$Builder");
        Object reserved = gen.constant(RESULT + "$ReturnCode", "METHOD_RESERVED");
        assertThatThrownBy(() -> Generated.call(result, "returnValue", reserved))
                .hasMessageContaining("ReturnValue: METHOD_RESERVED (4098..32767) is a range");
        Generated.call(result, "returnValue", reserved, 5000);
        assertThat(Generated.call(Generated.call(result, "build"), "toCimReturnValue"))
                .isEqualTo(new UnsignedInteger32(5000));
    }

    @Test
    void theConstantAndNumberFormExistsOnlyWhereTheMapHasRanges() {
        assertThat(hasMethod(gen.type(DISK + "$Builder"), "health", 2)).isTrue();
        // Operation's map is all discrete values: nothing to pick a number for.
        assertThat(hasMethod(gen.type(ARGS + "$Builder"), "operation", 2)).isFalse();
    }

    // ---- nullness

    @Test
    void gettersSetterParametersAndListElementsAreNullable() throws Exception {
        Method capacity = gen.type(DISK).getMethod("getCapacity");
        assertThat(capacity.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)).isTrue();
        Method health = gen.type(DISK).getMethod("getHealth");
        assertThat(health.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)).isTrue();
        Method tags = gen.type(DISK).getMethod("getTags");
        assertThat(tags.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)).isTrue();
        assertThat(((AnnotatedParameterizedType) tags.getAnnotatedReturnType()).getAnnotatedActualTypeArguments()[0]
                .isAnnotationPresent(Nullable.class)).isTrue();
        Method owner = gen.type(DISK + "$Builder").getMethod("owner", String.class);
        assertThat(owner.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class)).isTrue();
        Method code = gen.type(RESULT).getMethod("getReturnCode");
        assertThat(code.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)).isTrue();
        // What is never null is left unannotated: builders return themselves, toBuilder a builder.
        assertThat(gen.type(DISK).getMethod("toBuilder").getAnnotatedReturnType().isAnnotationPresent(Nullable.class))
                .isFalse();
    }

    private static boolean hasMethod(Class<?> type, String name, int parameters) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == parameters);
    }
}
