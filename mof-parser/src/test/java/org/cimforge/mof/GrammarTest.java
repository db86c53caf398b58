package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimInstance;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.model.CimType;
import org.cimforge.mof.model.CimValue;
import org.cimforge.mof.model.Flavor;
import org.cimforge.mof.model.QualifierType;
import org.cimforge.mof.model.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per grammar feature, each with small inline MOF. */
class GrammarTest {

    private static CimSchema ok(String mof) {
        CompilationResult result = Mof.compile(mof);
        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
        return result.schema();
    }

    private static Object defaultOf(String type, String literal) {
        CimSchema schema = ok("class T { " + type + " P = " + literal + "; };");
        return schema.cimClass("T").orElseThrow().property("P").orElseThrow().defaultValue().value();
    }

    @Test
    void qualifierDeclarationKeepsTypeArrayDefaultScopesAndFlavors() {
        CimSchema schema = ok("Qualifier Weights : uint16[] = {1, 2}, Scope(property, method), "
                + "Flavor(DisableOverride, Restricted, Translatable);");
        QualifierType weights = schema.qualifierType("weights").orElseThrow();
        assertThat(weights.type().type()).isEqualTo(CimType.UINT16);
        assertThat(weights.type().array()).isTrue();
        assertThat(weights.defaultValue().elements()).containsExactly(1L, 2L);
        assertThat(weights.scopes()).containsExactlyInAnyOrder(Scope.PROPERTY, Scope.METHOD);
        assertThat(weights.flavors()).containsExactlyInAnyOrder(Flavor.DISABLE_OVERRIDE, Flavor.RESTRICTED,
                Flavor.TRANSLATABLE);
        // Description was declared with only Translatable: the DSP0004 defaults fill in the rest.
        assertThat(schema.qualifierType("Description").orElseThrow().flavors())
                .containsExactlyInAnyOrder(Flavor.ENABLE_OVERRIDE, Flavor.TO_SUBCLASS, Flavor.TRANSLATABLE);
    }

    @Test
    void classWithSuperclassPropertiesArraysReferencesAndMethods() {
        CimSchema schema = ok("""
                class Base { [Key] string Id; uint8 Fixed[4]; string Names[] = {"a", "b"}; };
                class Leaf : Base {
                  [Override("Names")] string Names[];
                  uint32 Act([In] uint16 Mode, [In(false), Out] Leaf REF Result, [Out] string Notes[]);
                };
                [Association] class Link { [Key] Base REF Left; [Key] Leaf REF Right; };
                """);
        CimClass leaf = schema.cimClass("Leaf").orElseThrow();
        assertThat(leaf.superClass().orElseThrow().name().spelling()).isEqualTo("Base");
        assertThat(leaf.properties()).extracting(p -> p.name().spelling()).containsExactly("Id", "Fixed", "Names");
        CimProperty fixed = leaf.property("Fixed").orElseThrow();
        assertThat(fixed.type().array()).isTrue();
        assertThat(fixed.type().arraySize()).isEqualTo(4);
        assertThat(leaf.property("Names").orElseThrow().defaultValue().elements()).containsExactly("a", "b");
        assertThat(leaf.property("Names").orElseThrow().classOrigin().spelling()).isEqualTo("Base");
        CimMethod act = leaf.method("Act").orElseThrow();
        assertThat(act.returnType().type()).isEqualTo(CimType.UINT32);
        assertThat(act.parameters()).extracting(p -> p.name().spelling()).containsExactly("Mode", "Result", "Notes");
        assertThat(act.parameter("Result").orElseThrow().isOut()).isTrue();
        assertThat(act.parameter("Result").orElseThrow().isIn()).isFalse();
        assertThat(act.parameter("Result").orElseThrow().type().referenceClass().spelling()).isEqualTo("Leaf");
        assertThat(act.parameter("Notes").orElseThrow().type().array()).isTrue();
        CimClass link = schema.cimClass("Link").orElseThrow();
        assertThat(link.isAssociation()).isTrue();
        assertThat(link.references()).extracting(p -> p.type().referenceClass().spelling()).containsExactly("Base", "Leaf");
        assertThat(link.keys()).hasSize(2);
    }

    @Test
    void indicationClassesAndQualifierFlavorsInV2ColonSyntax() {
        CimSchema schema = ok("""
                [Indication, Abstract, Description("d") : ToSubclass Translatable] class Ev { string Text; };
                class SubEv : Ev { };
                """);
        assertThat(schema.cimClass("Ev").orElseThrow().isIndication()).isTrue();
        assertThat(schema.cimClass("SubEv").orElseThrow().isIndication()).isTrue();
        assertThat(schema.cimClass("SubEv").orElseThrow().isAbstract()).isFalse();
        assertThat(schema.cimClass("SubEv").orElseThrow().qualifiers().get("Description").propagated()).isTrue();
    }

    @Test
    void integerLiteralsInEveryRadixAndSign() {
        assertThat(defaultOf("sint32", "-42")).isEqualTo(-42L);
        assertThat(defaultOf("sint32", "+42")).isEqualTo(42L);
        assertThat(defaultOf("uint8", "1010b")).isEqualTo(10L);
        assertThat(defaultOf("uint8", "1100100B")).isEqualTo(100L);
        assertThat(defaultOf("uint16", "0777")).isEqualTo(511L);
        assertThat(defaultOf("uint16", "0x1F")).isEqualTo(31L);
        assertThat(defaultOf("sint16", "-0x10")).isEqualTo(-16L);
        assertThat(defaultOf("uint64", "18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(defaultOf("uint8", "0")).isEqualTo(0L);
    }

    @Test
    void realChar16BooleanAndNullLiterals() {
        assertThat(defaultOf("real64", "-1.5e3")).isEqualTo(-1500.0);
        assertThat(defaultOf("real32", ".25")).isEqualTo(0.25);
        assertThat(defaultOf("real32", "3")).isEqualTo(3.0);
        assertThat(defaultOf("char16", "'a'")).isEqualTo('a');
        assertThat(defaultOf("char16", "'\\x41'")).isEqualTo('A');
        assertThat(defaultOf("char16", "'\\n'")).isEqualTo('\n');
        assertThat(defaultOf("boolean", "TRue")).isEqualTo(true);
        assertThat(defaultOf("boolean", "false")).isEqualTo(false);
        assertThat(defaultOf("string", "Null")).isNull();
    }

    @Test
    void stringEscapesAndConcatenation() {
        assertThat(defaultOf("string", "\"tab\\tnl\\nquote\\\"back\\\\apos\\'\\b\\f\\r\"")).isEqualTo(
                "tab\tnl\nquote\"back\\apos'\b\f\r");
        assertThat(defaultOf("string", "\"\\x41\\X4142\"")).isEqualTo("A\u4142");
        assertThat(defaultOf("string", "\"a\" \"b\"\n   \"c\"")).isEqualTo("abc");
        assertThat(defaultOf("string", "\"\"")).isEqualTo("");
        assertThat(defaultOf("datetime", "\"20260101120000.000000+000\"")).isEqualTo("20260101120000.000000+000");
        assertThat(defaultOf("datetime", "\"00000001020304.000000:000\"")).isEqualTo("00000001020304.000000:000");
    }

    @Test
    void commentsKeywordsInAnyCaseAndKeywordsAsNames() {
        CimSchema schema = ok("""
                // line comment
                /* block
                   comment */ CLASS Any { STRING Class; UINT16 Flavor /* inline */; Boolean Ref;
                   string Scope; string Qualifier; string Instance; datetime Of; };
                INSTANCE OF Any { Class = "x"; Flavor = 3; };
                """);
        CimClass any = schema.cimClass("any").orElseThrow();
        assertThat(any.properties()).extracting(p -> p.name().spelling())
                .containsExactly("Class", "Flavor", "Ref", "Scope", "Qualifier", "Instance", "Of");
        assertThat(schema.instances()).hasSize(1);
    }

    @Test
    void instancesWithAliasesUsedBeforeAndAfterTheirDefinition() {
        CimSchema schema = ok("""
                class Node { [Key] string Name; };
                [Association] class Edge { [Key] Node REF From; [Key] Node REF To; };
                instance of Edge { From = $a; To = $b; };
                instance of Node as $a { Name = "a"; };
                instance of Node as $b { Name = "b"; };
                instance of Edge { From = "Node.Name=\\"a\\""; To = $b; };
                """);
        List<CimInstance> instances = schema.instances();
        assertThat(instances).hasSize(4);
        assertThat(instances.get(0).value("From").orElseThrow().value()).isEqualTo(new CimValue.AliasTarget("a"));
        assertThat(instances.get(3).value("From").orElseThrow().value()).isEqualTo("Node.Name=\"a\"");
        assertThat(schema.instanceByAlias("b").orElseThrow().value("Name").orElseThrow().value()).isEqualTo("b");
    }

    @Test
    void pragmasAreRead() {
        CompilationResult result = Mof.compile("""
                #pragma locale ("en_US")
                #pragma instancelocale ("de-DE")
                #pragma namespace ("root/cimv2")
                # pragma namespace ("root/other")
                class InOther { };
                """);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema().cimClass("InOther").orElseThrow().namespace()).isEqualTo("root/other");
    }

    @Test
    void includesResolveNextToTheFileThenOnTheIncludePathEachFileOnce(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("quals.mof"), Mof.QUALIFIERS);
        Files.writeString(dir.resolve("base.mof"), "#pragma include (\"quals.mof\")\n[Abstract] class B { };\n");
        Files.writeString(dir.resolve("top.mof"), """
                #pragma include ("base.mof")
                #pragma include ("base.mof")
                class C : B { };
                """);
        CompilationResult result = MofCompiler.builder().includePath(List.of(lib)).build()
                .compile(List.of(dir.resolve("top.mof")));
        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
        assertThat(result.fileCount()).isEqualTo(3);
        assertThat(result.schema().classCount()).isEqualTo(2);
    }

    @Test
    void encodingsAndLineEndings(@TempDir Path dir) throws Exception {
        String mof = "class Ünïcode {\r\n  string Name = \"größe\";\r\n};\r\n";
        byte[] utf8Bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, mof.getBytes(StandardCharsets.UTF_8));
        byte[] utf16Le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, mof.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16Be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, mof.getBytes(StandardCharsets.UTF_16BE));
        int i = 0;
        for (byte[] bytes : List.of(mof.getBytes(StandardCharsets.UTF_8), utf8Bom, utf16Le, utf16Be)) {
            Path file = dir.resolve("f" + i++ + ".mof");
            Files.write(file, bytes);
            CompilationResult result = MofCompiler.builder().build().compile(List.of(file));
            assertThat(result.diagnostics()).as(file + "\n" + result.renderDiagnostics()).isEmpty();
            CimClass c = result.schema().cimClass("Ünïcode").orElseThrow();
            assertThat(c.property("Name").orElseThrow().defaultValue().value()).isEqualTo("größe");
            assertThat(c.location().line()).isEqualTo(1);
            assertThat(c.property("Name").orElseThrow().location()).isEqualTo(new SourceLocation(file.toString(), 2, 10));
        }
    }

    @Test
    void emptyFileCompiles() {
        assertThat(Mof.compileAlone("").diagnostics()).isEmpty();
        assertThat(Mof.compileAlone("  // nothing\n").schema().classCount()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
