package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimforge.mof.cli.Mofc;
import org.cimforge.mof.model.CimClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class declared twice: keep-first by default, replace or error on request, never silently. */
class RedefinitionTest {
    // The schema's class first, then an old vendor copy with fewer properties and another superclass.
    private static final String SCHEMA = """
            class Base { string InstanceID; };
            class Other { };
            class Volume : Base { string ElementName; uint64 BlockSize; };
            """;
    private static final String VENDOR = """
            class Volume : Other {
              uint64 BlockSize;
              string VendorOnly; };
            """;

    private static CompilationResult compile(RedefinitionPolicy policy) {
        return MofCompiler.builder().redefinition(policy).build()
                .compileTexts(List.of(new SourceText("schema.mof", SCHEMA), new SourceText("vendor.mof", VENDOR)));
    }

    private static List<String> propertyNames(CompilationResult result) {
        CimClass volume = result.schema().cimClass("Volume").orElseThrow();
        return volume.properties().stream().map(p -> p.name().spelling()).toList();
    }

    @Test
    void byDefaultTheFirstDeclarationStandsWithAWarningNamingBothPlacesAndTheIgnoredMembers() {
        CompilationResult result = MofCompiler.builder().build()
                .compileTexts(List.of(new SourceText("schema.mof", SCHEMA), new SourceText("vendor.mof", VENDOR)));
        assertThat(result.hasErrors()).isFalse();
        assertThat(propertyNames(result)).containsExactly("InstanceID", "ElementName", "BlockSize");
        assertThat(result.schema().cimClass("Volume").orElseThrow().superClass().orElseThrow().name().spelling())
                .isEqualTo("Base");
        assertThat(result.warnings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_CLASS);
            assertThat(d.location()).isEqualTo(new SourceLocation("vendor.mof", 1, 7));
            assertThat(d.message()).contains("schema.mof:3:7").contains("first declaration stands")
                    .contains("VendorOnly").contains("superclass Other is not used");
        });
    }

    @Test
    void replaceUsesTheLaterDeclarationAndNamesTheMembersItDrops() {
        CompilationResult result = compile(RedefinitionPolicy.REPLACE);
        assertThat(result.hasErrors()).isFalse();
        assertThat(propertyNames(result)).containsExactly("BlockSize", "VendorOnly");
        assertThat(result.warnings()).singleElement().satisfies(d -> assertThat(d.message())
                .contains("schema.mof:3:7").contains("replaces it").contains("ElementName")
                .contains("superclass Base is not used"));
    }

    @Test
    void errorPolicyFailsAtTheSecondDeclarationAndKeepsTheFirst() {
        CompilationResult result = compile(RedefinitionPolicy.ERROR);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_CLASS);
            assertThat(d.headline()).startsWith("vendor.mof:1:7: error: class Volume is declared again here;"
                    + " it is already declared at schema.mof:3:7");
        });
        assertThat(propertyNames(result)).containsExactly("InstanceID", "ElementName", "BlockSize");
    }

    @Test
    void policyNamesParseInAnyCaseAndAnythingElseIsRefused() {
        assertThat(RedefinitionPolicy.parse("Keep-First")).isEqualTo(RedefinitionPolicy.KEEP_FIRST);
        assertThat(RedefinitionPolicy.parse("replace")).isEqualTo(RedefinitionPolicy.REPLACE);
        assertThat(RedefinitionPolicy.parse("ERROR")).isEqualTo(RedefinitionPolicy.ERROR);
        assertThatThrownBy(() -> RedefinitionPolicy.parse("last")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keep-first, replace or error");
    }

    @Test
    void mofcTakesTheOptionAndRefusesABadValue(@TempDir Path dir) throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.mof"), SCHEMA);
        Path vendor = Files.writeString(dir.resolve("vendor.mof"), VENDOR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Mofc.run(new String[] {schema.toString(), vendor.toString()}, o, e)).isZero();
        assertThat(Mofc.run(new String[] {"--redefinition=error", schema.toString(), vendor.toString()}, o, e))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: class Volume is declared again here");
        assertThat(Mofc.run(new String[] {"--redefinition=last", schema.toString()}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown redefinition policy 'last'");
    }
}
