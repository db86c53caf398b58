package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cimforge.mof.model.CimInstance;
import org.junit.jupiter.api.Test;

/** Class aliases of the DSP0004 2.x grammar ({@code class M_B as $BB : M_A { ... };}). */
class ClassAliasTest {

    @Test
    void aClassAliasParsesAndARefValueMayUseItAsAClassPath() {
        CompilationResult result = Mof.compile("""
                class M_A { [Key] string Name; };
                class M_B as $BB : M_A { string Extra; };
                class M_C as $CC { [Key] string Name; };
                [Association] class M_Link { M_A REF Left; M_A REF Right; M_A REF Many[]; };
                instance of M_B as $b1 { Name = "one"; };
                instance of M_Link { Left = $BB; Right = $b1; Many = {$BB, $b1}; };
                """);
        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
        assertThat(result.schema().cimClass("M_B").orElseThrow().superClass().orElseThrow().name().spelling())
                .isEqualTo("M_A");
        assertThat(result.schema().classByAlias("bb").orElseThrow().name().spelling()).isEqualTo("M_B");
        assertThat(result.schema().classByAlias("CC").orElseThrow().name().spelling()).isEqualTo("M_C");
        CimInstance link = result.schema().instances().get(1);
        // The class alias becomes the class's path; the instance alias stays an alias for consumers to link.
        assertThat(link.value("Left").orElseThrow().value()).isEqualTo("M_B");
        assertThat(link.value("Right").orElseThrow().value()).isEqualTo(new org.cimforge.mof.model.CimValue.AliasTarget("b1"));
        assertThat(link.value("Many").orElseThrow().elements())
                .containsExactly("M_B", new org.cimforge.mof.model.CimValue.AliasTarget("b1"));
    }

    @Test
    void theIssuesExampleCompilesAlone() {
        CompilationResult result = Mof.compile("class M_B as $BB { [Key] string Name; };");
        assertThat(result.diagnostics()).as(result.renderDiagnostics()).isEmpty();
    }

    @Test
    void aClassAliasWhereAnInstanceIsNeededAndAnAliasUsedTwiceAreReported() {
        CompilationResult result = Mof.compile("""
                class M_A as $AA { [Key] string Name; string Embedded; };
                class M_D as $AA { };
                instance of M_A { Name = "x"; Embedded = $AA; };
                """);
        assertThat(result.diagnostics()).extracting(d -> d.code() + "@" + d.location().line())
                .containsExactly("DUPLICATE_ALIAS@2", "TYPE_MISMATCH@3");
        assertThat(result.errors().get(0).message()).contains("names the class M_D");
        assertThat(List.of(result.schema().classByAlias("aa").orElseThrow().name().spelling())).containsExactly("M_D");
    }
}
