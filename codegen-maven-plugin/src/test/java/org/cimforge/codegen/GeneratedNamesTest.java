package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/**
 * Generated API v2 (issue 23, part B): the naming rules (signs, java.lang and java.util names, ancestors' names,
 * acronyms, ValueMap redeclarations) and the shape (Methods interfaces, OUT enums in the Result class, no provider or
 * client for indications, enums that delegate to the runtime), each from inline MOF, compiled with -Werror together
 * with hand-written code that uses it.
 */
class GeneratedNamesTest {
    private static Generated gen;

    @BeforeAll
    static void generate() {
        gen = Generated.of(TestSchemas.compileText("""
                [Indication]
                class CIM_Indication {
                   string IndicationIdentifier;
                };

                class CIM_ManagedElement {
                   string ElementName;
                };

                class CIM_System : CIM_ManagedElement {
                      [Key]
                   string Name;
                };

                class CIM_Error {
                   string Message;
                };

                class CIM_Collection : CIM_ManagedElement {
                      [Key]
                   string InstanceID;
                };

                class CIM_Job : CIM_ManagedElement {
                      [Key]
                   string InstanceID;
                      [ValueMap { "1", "7", "-1", "-7", "-8" },
                       Values { "Sunday", "Saturday", "-Sunday", "-Saturday", "" }]
                   sint8 DayOfWeek;
                   string MasterLSS;
                   uint32 ManageAsyncPPRC([In] string MasterLSS);
                };

                class CIM_EnabledLogicalElement : CIM_ManagedElement {
                   uint32 RequestStateChange(
                         [In, ValueMap { "2", "3" }, Values { "Enabled", "Disabled" }] uint16 RequestedState,
                         [In (false), Out, ValueMap { "0", "1" }, Values { "Done", "Queued" }] uint16 Progress);
                };

                class CIM_Service : CIM_EnabledLogicalElement {
                      [Key]
                   string Name;
                };

                class CIM_ReplicationService : CIM_Service {
                };

                class CIM_StorageConfigurationService : CIM_Service {
                };

                class TPD_StorageConfigurationService : CIM_StorageConfigurationService {
                   uint32 UpdateDeltaSnapshotSpace([In] string Volume);
                };

                class CIM_StorageExtent : CIM_EnabledLogicalElement {
                      [Key]
                   string DeviceID;
                      [ValueMap { "0", "1", "2" }, Values { "Unknown", "Other", "NAA" }]
                   uint16 NameFormat;
                      [ValueMap { "0", "1", "2" }, Values { "Unknown", "OK", "Bad" }]
                   uint16 Flags[];
                };

                class CIM_StorageVolume : CIM_StorageExtent {
                      [Override ("NameFormat"), ValueMap { "0", "2", "0x8000.." }, Values { "Unknown", "NAA", "Vendor" }]
                   uint16 NameFormat;
                      [Override ("Flags"), ValueMap { "1", "2" }, Values { "OK", "Bad" }]
                   uint16 Flags[];
                };

                class TPD_StorageVolume : CIM_StorageVolume {
                      [Override ("NameFormat"), ValueMap { "2", "32768" }, Values { "NAA", "3PAR WWN" }]
                   uint16 NameFormat;
                };
                """), CodegenOptions.defaults(Generated.BASE),
                JavaFileObjects.forSourceString("use.Wildcard", """
                        package use;

                        import com.example.cim.*;
                        import java.util.*;

                        public final class Wildcard {
                            private Wildcard() {
                            }

                            public static void main(String[] args) {
                                CimSystem system = new CimSystem.Builder().name("s1").build();
                                Collection<CimError> errors = new ArrayList<>();
                                System.out.println(system + " " + errors + " " + CimCollection.CLASS_INFO);
                            }
                        }
                        """),
                JavaFileObjects.forSourceString("use.Volumes", """
                        package use;

                        import com.example.cim.StorageExtent;
                        import com.example.cim.StorageVolume;
                        import com.example.tpd.TpdStorageVolume;
                        import java.util.List;
                        import org.cimforge.runtime.EnumValue;

                        public final class Volumes {
                            private Volumes() {
                            }

                            public static StorageVolume vendor() {
                                return new StorageVolume.Builder().deviceId("v1")
                                        .nameFormat(StorageVolume.NameFormat.VENDOR, 32770)
                                        .flags(StorageVolume.Flags.OK).build();
                            }

                            public static StorageVolume.NameFormat narrowed(StorageVolume volume) {
                                return volume.getNameFormat(StorageVolume.NameFormat.class);
                            }

                            public static StorageExtent.NameFormat inherited(StorageVolume volume) {
                                return volume.getNameFormat();
                            }

                            public static EnumValue<StorageVolume.NameFormat> exact(StorageVolume volume) {
                                return volume.getNameFormatValue(StorageVolume.NameFormat.class);
                            }

                            public static List<EnumValue<StorageVolume.Flags>> flags(StorageVolume volume) {
                                return volume.getFlags(StorageVolume.Flags.class);
                            }

                            public static TpdStorageVolume.NameFormat again(TpdStorageVolume volume) {
                                return volume.getNameFormat(TpdStorageVolume.NameFormat.class);
                            }
                        }
                        """),
                JavaFileObjects.forSourceString("use.Services", """
                        package use;

                        import com.example.cim.EnabledLogicalElement;
                        import com.example.cim.provider.ReplicationServiceMethods;
                        import com.example.cim.provider.StorageConfigurationServiceMethods;
                        import com.example.tpd.provider.TpdStorageConfigurationServiceMethods;
                        import org.cimforge.runtime.CimReference;
                        import org.cimforge.runtime.provider.InvocationContext;

                        /** Serves the methods of two sibling classes and of a class with its subclass in one class. */
                        public final class Services implements ReplicationServiceMethods, StorageConfigurationServiceMethods,
                                TpdStorageConfigurationServiceMethods {
                            @Override
                            public EnabledLogicalElement.RequestStateChangeResult requestStateChange(InvocationContext context,
                                    CimReference<? extends EnabledLogicalElement> target,
                                    EnabledLogicalElement.RequestStateChangeArgs args) {
                                return new EnabledLogicalElement.RequestStateChangeResult.Builder().returnValue(0L)
                                        .progress(EnabledLogicalElement.RequestStateChangeResult.Progress.QUEUED).build();
                            }
                        }
                        """));
    }

    private static Class<?> use(String name) throws ClassNotFoundException {
        return Class.forName(name, true, gen.loader);
    }

    private static List<String> methodNames(String type) {
        return Arrays.stream(gen.type(type).getDeclaredMethods()).map(Method::getName).toList();
    }

    private static List<String> types() {
        return gen.files.stream().map(f -> f.packageName().substring(Generated.BASE.length() + 1) + "."
                + f.typeSpec().name()).toList();
    }

    @Test
    void aLeadingMinusSignBecomesMinus() {
        assertThat(gen.type("cim.Job$DayOfWeek").getEnumConstants()).extracting(c -> ((Enum<?>) c).name())
                .containsExactly("SUNDAY", "SATURDAY", "MINUS_SUNDAY", "MINUS_SATURDAY", "VALUE_MINUS_8");
    }

    @Test
    void javaLangAndJavaUtilNamesKeepTheSchemaPrefix() {
        assertThat(types()).contains("cim.CimSystem", "cim.CimError", "cim.CimCollection",
                "cim.provider.CimSystemProvider", "cim.client.CimSystemClient")
                .doesNotContain("cim.System", "cim.Error", "cim.Collection");
    }

    @Test
    void aClassNamedLikeItsAncestorKeepsTheSchemaPrefix() {
        assertThat(gen.type("tpd.TpdStorageConfigurationService").getSuperclass())
                .isEqualTo(gen.type("cim.StorageConfigurationService"));
        assertThat(gen.source("tpd.TpdStorageVolume")).contains("extends StorageVolume {");
    }

    @Test
    void acronymsAreWordsInEveryName() {
        assertThat(methodNames("cim.Job")).contains("getMasterLss", "getInstanceId").doesNotContain("getMasterLSS");
        assertThat(methodNames("cim.Job$AbstractBuilder")).contains("masterLss", "instanceId");
        assertThat(types()).contains("cim.Job$ManageAsyncPprcArgs".replace('$', '.').substring(0, 7));
        assertThat(gen.type("cim.Job$ManageAsyncPprcArgs").getMethods()).extracting(Method::getName)
                .contains("getMasterLss");
        assertThat(methodNames("cim.client.JobClient")).contains("manageAsyncPprc");
    }

    @Test
    void aRedeclaredValueMapKeepsTheInheritedAccessorNames() throws Exception {
        assertThat(methodNames("cim.StorageVolume")).containsOnly("getNameFormat", "getNameFormatValue", "getFlags",
                "fromCimInstance", "toBuilder");
        assertThat(methodNames("tpd.TpdStorageVolume")).containsOnly("fromCimInstance", "toBuilder");
        Class<?> use = use("use.Volumes");
        Object volume = Generated.callStatic(use, "vendor");
        assertThat(Generated.callStatic(use, "narrowed", volume)).isEqualTo(gen.constant("cim.StorageVolume$NameFormat",
                "VENDOR"));
        assertThat(Generated.callStatic(use, "exact", volume).toString()).isEqualTo("32770 (VENDOR)");
        assertThat(Generated.callStatic(use, "inherited", volume)).isNull();
        assertThat(Generated.callStatic(use, "flags", volume).toString()).isEqualTo("[1 (OK)]");
    }

    @Test
    void oneClassImplementsTheMethodsOfSiblingsAndOfAClassWithItsSubclass() throws Exception {
        Object services = use("use.Services").getConstructor().newInstance();
        Method dispatch = Arrays.stream(gen.type("tpd.provider.TpdStorageConfigurationServiceMethods").getMethods())
                .filter(m -> m.getName().equals("dispatch")).findFirst().orElseThrow();
        List<CIMArgument<?>> out = new ArrayList<>();
        Object returned = dispatch.invoke(null, services, null, new CIMObjectPath(null, null, null, "root/test",
                "TPD_StorageConfigurationService", new org.metricshub.wbem.javax.cim.CIMProperty<?>[0]), "requeststatechange", new CIMArgument<?>[0], out);
        assertThat(returned).hasToString("0");
        assertThat(out).extracting(CIMArgument::getName).containsExactly("Progress");
        assertThat(out.get(0).getValue()).isEqualTo(new UnsignedInteger16(1));
        assertThat(out.get(0).getDataType()).isEqualTo(CIMDataType.UINT16_T);
    }

    @Test
    void outOnlyParameterEnumsLiveInTheResultClass() {
        assertThat(gen.type("cim.EnabledLogicalElement$RequestStateChangeResult$Progress").isEnum()).isTrue();
        assertThat(gen.type("cim.EnabledLogicalElement$RequestStateChangeArgs$RequestedState").isEnum()).isTrue();
        assertThat(gen.source("cim.EnabledLogicalElement")).doesNotContain("RequestStateChangeArgs.Progress");
    }

    @Test
    void indicationsGetNoProviderOrClient() {
        assertThat(types()).contains("cim.Indication").doesNotContain("cim.provider.IndicationProvider",
                "cim.client.IndicationClient");
    }

    @Test
    void enumsDelegateToTheRuntime() {
        String job = gen.source("cim.Job");
        String dayOfWeek = job.substring(job.indexOf("public enum DayOfWeek"), job.indexOf("public static EnumValue<DayOfWeek> lookup"));
        assertThat(dayOfWeek).contains("MINUS_SATURDAY(ValueMapEntry.value(\"-7\", \"-Saturday\", \"-7\"))")
                .contains("public ValueMapEntry entry()").doesNotContain("private final String");
    }
}
