package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.model.ValueMap;
import org.junit.jupiter.api.Test;

/** Resolution semantics: ValueMap ranges, qualifier propagation by flavor, overrides, names ignoring case. */
class ResolverTest {

    private static CimSchema ok(String mof) {
        CompilationResult result = Mof.compile(mof);
        assertThat(result.errors()).as(result.renderDiagnostics()).isEmpty();
        return result.schema();
    }

    @Test
    void valueMapDiscreteValuesAndEveryRangeForm() {
        CimSchema schema = ok("""
                class A {
                  [ValueMap {"0", "2", "0x10", "4096", "4098..32767", "..9", "40000..", "..", "0x8000.."},
                   Values {"Zero", "Two", "Hex", "Job", "Reserved", "Low", "High", "Rest", "Vendor"}]
                  uint32 Code;
                  [Values {"Off", "On"}] uint8 Power;
                  [ValueMap {"Fast", "Slow", ".."}] string Speed;
                };""");
        ValueMap codes = schema.cimClass("A").orElseThrow().property("Code").orElseThrow().valueMap();
        assertThat(codes.entries()).hasSize(9);
        assertThat(label(codes, 2)).isEqualTo("Two");
        assertThat(label(codes, 16)).isEqualTo("Hex");
        assertThat(label(codes, 5000)).isEqualTo("Reserved");
        assertThat(label(codes, 7)).isEqualTo("Low");
        assertThat(label(codes, 50000)).isEqualTo("High");
        assertThat(label(codes, 33000)).isEqualTo("Vendor");
        assertThat(label(codes, 20000)).isEqualTo("Reserved");
        ValueMap.Range reserved = (ValueMap.Range) codes.entries().get(4);
        assertThat(reserved.low()).isEqualTo(BigInteger.valueOf(4098));
        assertThat(reserved.high()).isEqualTo(BigInteger.valueOf(32767));
        ValueMap.Range low = (ValueMap.Range) codes.entries().get(5);
        assertThat(low.low()).isNull();
        assertThat(((ValueMap.Range) codes.entries().get(7)).isRest()).isTrue();

        ValueMap power = schema.cimClass("A").orElseThrow().property("Power").orElseThrow().valueMap();
        assertThat(power.implicit()).isTrue();
        assertThat(label(power, 1)).isEqualTo("On");

        ValueMap speed = schema.cimClass("A").orElseThrow().property("Speed").orElseThrow().valueMap();
        assertThat(speed.lookup("Slow")).isPresent();
        assertThat(speed.entries().get(2)).isInstanceOf(ValueMap.Range.class);
    }

    private static String label(ValueMap map, long value) {
        return map.lookup(BigInteger.valueOf(value)).orElseThrow().label();
    }

    @Test
    void qualifiersPropagateByFlavorAndOverridesKeepOriginAndPosition() {
        CimSchema schema = ok("""
                [Abstract, Description("base")] class Base {
                  [Key, Description("id")] string Id;
                  [MaxLen(10)] string Name;
                  uint32 Run();
                };
                [Tags {"t"}] class Mid : Base {
                  [Override("Name"), MaxLen(20)] string Name = "x";
                };
                class Leaf : Mid { string Extra; };
                """);
        CimClass leaf = schema.cimClass("leaf").orElseThrow();
        assertThat(leaf.isAbstract()).isFalse();
        assertThat(leaf.qualifiers().string("Description")).isEqualTo("base");
        assertThat(leaf.qualifiers().strings("Tags")).containsExactly("t");
        assertThat(leaf.properties()).extracting(p -> p.name().spelling()).containsExactly("Id", "Name", "Extra");
        var name = leaf.property("NAME").orElseThrow();
        assertThat(name.classOrigin()).isEqualTo(CimName.of("Base"));
        assertThat(name.qualifiers().get("MaxLen").value().value()).isEqualTo(20L);
        assertThat(name.defaultValue().value()).isEqualTo("x");
        assertThat(name.qualifiers().contains("Override")).as("Override is Restricted").isFalse();
        assertThat(leaf.property("Id").orElseThrow().isKey()).isTrue();
        assertThat(leaf.method("run").orElseThrow().classOrigin().spelling()).isEqualTo("Base");
        assertThat(leaf.declaredProperties()).extracting(p -> p.name().spelling()).containsExactly("Extra");
        assertThat(schema.allSubclasses("BASE")).extracting(c -> c.name().spelling()).containsExactly("Mid", "Leaf");
    }

    @Test
    void classOrderDoesNotMatterAndReferencesMayNarrow() {
        CimSchema schema = ok("""
                [Association] class SubLink : Link { [Override("A")] Sub REF A; };
                [Association] class Link { [Key] Base REF A; [Key] Base REF B; };
                class Sub : Base { };
                class Base { [Key] string Id; };
                """);
        assertThat(schema.cimClass("SubLink").orElseThrow().property("A").orElseThrow().type().referenceClass())
                .isEqualTo(CimName.of("Sub"));
        assertThat(schema.classes()).extracting(c -> c.name().spelling()).containsExactly("SubLink", "Link", "Sub", "Base");
        CompilationResult widened = Mof.compile("""
                class Base { }; class Other { };
                [Association] class Link { Base REF A; };
                [Association] class Bad : Link { [Override("A")] Other REF A; };
                """);
        assertThat(widened.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.OVERRIDE_TYPE_MISMATCH);
    }

    @Test
    void aRedeclaredQualifierAppliesFromWhereItIsRedeclared() {
        CompilationResult result = Mof.compile("""
                class Early { [Counter] uint32 n; };
                Qualifier Counter : string = null, Scope(property);
                class Late { [Counter("x")] uint32 n; };
                """);
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.DUPLICATE_QUALIFIER_DECLARATION);
        assertThat(result.schema().cimClass("Early").orElseThrow().property("n").orElseThrow()
                .qualifiers().get("Counter").value().value()).isEqualTo(true);
        assertThat(result.schema().cimClass("Late").orElseThrow().property("n").orElseThrow()
                .qualifiers().get("Counter").value().value()).isEqualTo("x");
    }

    @Test
    void staticMethodsEmbeddedObjectsAndCachedMemberLists() {
        CimSchema schema = ok("""
                Qualifier Static : boolean = false, Scope(method, property);
                Qualifier EmbeddedObject : boolean = false, Scope(property, parameter, method);
                class S { [Key] string Id; [EmbeddedObject] string Blob; [Static] uint32 Make(); uint32 Run(); };
                """);
        CimClass s = schema.cimClass("S").orElseThrow();
        assertThat(s.method("Make").orElseThrow().isStatic()).isTrue();
        assertThat(s.method("Run").orElseThrow().isStatic()).isFalse();
        assertThat(s.property("Blob").orElseThrow().isEmbeddedObject()).isTrue();
        assertThat(s.keys()).isSameAs(s.keys()).extracting(p -> p.name().spelling()).containsExactly("Id");
    }
}
