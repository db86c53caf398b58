package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.cimforge.runtime.EnumValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Indexed arrays offered as a list of records (issue 23): which arrays are grouped, the record's component types,
 * zipping arrays of unequal length, the builder setter, and what a subclass inherits or adds.
 */
class IndexedEntriesTest {
    private static Generated gen;

    @BeforeAll
    static void generate() {
        gen = Generated.of(TestSchemas.compileText("""
                Qualifier ArrayType : string = "Bag", Scope(property, parameter), Flavor(DisableOverride);
                Qualifier ModelCorrespondence : string[], Scope(property, method, parameter);

                class TST_Element {
                      [Key]
                   string Id;
                      [ArrayType ("Indexed"), ValueMap { "0", "2", "3", "0x8000.." },
                       Values { "Unknown", "OK", "Degraded", "Vendor" },
                       ModelCorrespondence { "TST_Element.StatusDescriptions" }]
                   uint16 OperationalStatus[];
                      [ArrayType ("Indexed"), ModelCorrespondence { "TST_Element.OperationalStatus" }]
                   string StatusDescriptions[];
                      [ArrayType ("Indexed"), ModelCorrespondence { "TST_Element.SizeMax" }]
                   uint64 Size[];
                      [ArrayType ("Indexed"), ModelCorrespondence { "TST_Element.Kind" }]
                   uint32 SizeMax[];
                      [ArrayType ("Indexed")]
                   string Kind[];
                      [ModelCorrespondence { "TST_Element.StatusDescriptions" }]
                   string Notes[];
                      [ArrayType ("Indexed"), ModelCorrespondence { "TST_Other.Names" }]
                   string Aliases[];
                };

                class TST_Other {
                      [Key]
                   string Id;
                      [ArrayType ("Indexed")]
                   string Names[];
                };

                class TST_Sub : TST_Element {
                      [Override ("OperationalStatus"), ValueMap { "2", "3" }, Values { "OK", "Degraded" }]
                   uint16 OperationalStatus[];
                      [ArrayType ("Indexed"), ModelCorrespondence { "TST_Element.StatusDescriptions" }]
                   string StatusSources[];
                      [ArrayType ("Indexed"), ModelCorrespondence { "TST_Sub.Weights" }]
                   string Labels[];
                      [ArrayType ("Indexed")]
                   real32 Weights[];
                };
                """), CodegenOptions.defaults(Generated.BASE),
                // Compiled with the generated code (javac -Werror): the records and list forms as a user writes them.
                JavaFileObjects.forSourceString("com.example.use.Rows", """
                        package com.example.use;

                        import com.example.tst.Element;
                        import com.example.tst.Sub;
                        import java.util.ArrayList;
                        import java.util.List;
                        import org.cimforge.runtime.EnumValue;

                        public final class Rows {
                            private Rows() {
                            }

                            public static Element twoStatuses() {
                                return new Element.Builder().id("e1").operationalStatusEntries(List.of(
                                        new Element.OperationalStatusEntry(
                                                EnumValue.lookup(Element.OperationalStatus.class, 2), "fine"),
                                        new Element.OperationalStatusEntry(
                                                EnumValue.lookup(Element.OperationalStatus.class, 0x8001), "vendor")))
                                        .build();
                            }

                            public static List<String> describe(Element element) {
                                List<String> out = new ArrayList<>();
                                for (Element.OperationalStatusEntry e : element.getOperationalStatusEntries()) {
                                    EnumValue<Element.OperationalStatus> status = e.operationalStatus();
                                    out.add((status == null ? "-" : status.toString()) + "/" + e.statusDescriptions());
                                }
                                return out;
                            }

                            public static Element unequal() {
                                return new Element.Builder().id("e2")
                                        .operationalStatus(Element.OperationalStatus.OK,
                                                Element.OperationalStatus.DEGRADED, null)
                                        .statusDescriptions(List.of("only one"))
                                        .size(List.of(java.math.BigInteger.TEN)).build();
                            }

                            public static Sub sub() {
                                return new Sub.Builder().id("s1")
                                        .labelsEntries(List.of(new Sub.LabelsEntry("a", 1.5f), new Sub.LabelsEntry("b", null)))
                                        .operationalStatusEntries(List.of(new Element.OperationalStatusEntry(null, "none")))
                                        .build();
                            }
                        }
                        """));
    }

    private static Object call(String method, Object... args) {
        return Generated.callStatic(gen.type("use.Rows"), method, args);
    }

    @Test
    void arraysLinkedByModelCorrespondenceBecomeOneRecordEvenThroughAChain() {
        assertThat(components("tst.Element$OperationalStatusEntry"))
                .containsExactly("operationalStatus:org.cimforge.runtime.EnumValue<com.example.tst.Element$OperationalStatus>",
                        "statusDescriptions:java.lang.String");
        // Size names SizeMax, SizeMax names Kind: one group of three, typed like the arrays' elements.
        assertThat(components("tst.Element$SizeEntry")).containsExactly("size:java.math.BigInteger",
                "sizeMax:java.lang.Long", "kind:java.lang.String");
        String source = gen.source("tst.Element");
        // A Bag array naming an Indexed one, and an Indexed one naming another class's array, stay plain lists.
        assertThat(source).doesNotContain("NotesEntry").doesNotContain("AliasesEntry")
                .contains("public List<OperationalStatusEntry> getOperationalStatusEntries()")
                .contains("public List<SizeEntry> getSizeEntries()")
                .contains("public B operationalStatusEntries(")
                .contains("@Nullable List<? extends @Nullable OperationalStatusEntry> entries");
    }

    @Test
    void recordsRoundTripThroughTheBuilderAndTheArraysKeepExactValues() {
        Object element = call("twoStatuses");
        assertThat(Generated.call(element, "getStatusDescriptions")).isEqualTo(List.of("fine", "vendor"));
        @SuppressWarnings("unchecked")
        List<EnumValue<?>> statuses = (List<EnumValue<?>>) Generated.call(element, "getOperationalStatus");
        assertThat(statuses).extracting(EnumValue::number).containsExactly(BigInteger.TWO, BigInteger.valueOf(0x8001));
        assertThat(call("describe", element)).isEqualTo(List.of("2 (OK)/fine", "32769 (VENDOR)/vendor"));
    }

    @Test
    void shorterOrNullArraysGiveNullComponentsAndAllNullGivesAnEmptyList() {
        Object element = call("unequal");
        // Three statuses, one description: three records, the missing descriptions are null.
        assertThat(call("describe", element)).isEqualTo(List.of("2 (OK)/only one", "3 (DEGRADED)/null", "-/null"));
        List<?> sizes = (List<?>) Generated.call(element, "getSizeEntries");
        assertThat(sizes).hasSize(1);
        assertThat(sizes.get(0).toString()).isEqualTo("SizeEntry[size=10, sizeMax=null, kind=null]");
        Object empty = Generated.call(Generated.call(gen.newInstance("tst.Element$Builder"), "id", "e3"), "build");
        assertThat((List<?>) Generated.call(empty, "getOperationalStatusEntries")).isEmpty();
    }

    @Test
    void theSetterGivesEveryArrayTheListsLengthAndNullMakesThemAllNull() {
        Object sub = call("sub");
        assertThat(Generated.call(sub, "getLabels")).isEqualTo(List.of("a", "b"));
        assertThat(Generated.call(sub, "getWeights")).isEqualTo(Arrays.asList(1.5f, null));
        assertThat(Generated.call(sub, "getStatusDescriptions")).isEqualTo(List.of("none"));
        assertThat(Generated.call(sub, "getOperationalStatus")).isEqualTo(Arrays.asList((Object) null));

        Object builder = Generated.call(gen.newInstance("tst.Element$Builder"), "id", "e4");
        Generated.call(builder, "statusDescriptions", List.of("x"));
        Generated.call(builder, "operationalStatusEntries", (Object) null);
        Object element = Generated.call(builder, "build");
        assertThat(Generated.call(element, "getStatusDescriptions")).isNull();
        assertThat(Generated.call(element, "getOperationalStatus")).isNull();
    }

    @Test
    void aSubclassKeepsInheritedGroupsAndDeclaresOnlyNewOnes() {
        String sub = gen.source("tst.Sub");
        // Redeclaring OperationalStatus and linking StatusSources to StatusDescriptions keep the inherited record.
        assertThat(sub).doesNotContain("record OperationalStatusEntry").doesNotContain("StatusSourcesEntry")
                .contains("public record LabelsEntry(").contains("public List<LabelsEntry> getLabelsEntries()");
        assertThat(components("tst.Sub$LabelsEntry")).containsExactly("labels:java.lang.String",
                "weights:java.lang.Float");
    }

    private static List<String> components(String record) {
        RecordComponent[] components = gen.type(record).getRecordComponents();
        assertThat(components).as(record).isNotNull();
        return Arrays.stream(components).map(c -> c.getName() + ":" + c.getGenericType().getTypeName()).toList();
    }
}
