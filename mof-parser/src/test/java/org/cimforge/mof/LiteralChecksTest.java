package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import org.cimforge.mof.model.CimClass;
import org.junit.jupiter.api.Test;

/** Range and size checks on values: reals beyond their type, fixed arrays overfilled, control characters. */
class LiteralChecksTest {

    private static CompilationResult compile(String mof) {
        return Mof.compile(mof);
    }

    @Test
    void realsBeyondTheirTypeAreErrorsNotInfinity() {
        CompilationResult result = compile("""
                class A {
                  real32 R = 1e39;
                  real64 D = 1e400;
                  real64 N = -1e400;
                  real32 Fits = 3.4e38;
                  real64 Big = 1e308;
                };""");
        assertThat(result.errors()).extracting(d -> d.code() + "@" + d.location().line())
                .containsExactly("REAL_OUT_OF_RANGE@2", "REAL_OUT_OF_RANGE@3", "REAL_OUT_OF_RANGE@4");
        CimClass a = result.schema().cimClass("A").orElseThrow();
        assertThat(a.property("R").orElseThrow().defaultValue().isNull()).isTrue();
        assertThat(a.property("Fits").orElseThrow().defaultValue().value()).isEqualTo(3.4e38);
        assertThat(a.property("Big").orElseThrow().defaultValue().value()).isEqualTo(1e308);
    }

    @Test
    void aFixedSizeArrayTakesAtMostItsSizeInDefaultsAndInstances() {
        CompilationResult result = compile("""
                class A { uint8 Two[2] = {1, 2}; uint8 Three[2] = {1, 2, 3}; uint8 Open[] = {1, 2, 3}; };
                instance of A { Two = {4, 5, 6}; };""");
        assertThat(result.errors()).extracting(d -> d.code() + "@" + d.location())
                .containsExactly("ARRAY_TOO_LONG@test.mof:1:51", "ARRAY_TOO_LONG@test.mof:2:23");
        assertThat(result.errors().get(0).message()).contains("array of 2").contains("3 elements");
    }

    @Test
    void rawControlCharactersInsideLiteralsAreErrorsButTabsAndEscapesAreNot() {
        CompilationResult result = compile("class A { string S = \"a\u0000b\"; string T = \"a\tb\\n\\x09\";"
                + " string E = \"x\\x0000\"; char16 C = '\u0001'; string B = \"\u007f\"; };");
        assertThat(result.errors()).extracting(d -> d.code() + "@" + d.location().column())
                .containsExactly("CONTROL_CHARACTER@24", "CONTROL_CHARACTER@87", "CONTROL_CHARACTER@103");
        assertThat(result.errors().get(0).message()).contains("U+0000");
        assertThat(result.errors().get(1).message()).contains("U+0001");
        assertThat(result.errors().get(2).message()).contains("U+007F");
        // Escapes, \x0000 included, are written on purpose and kept.
        assertThat(result.schema().cimClass("A").orElseThrow().property("E").orElseThrow().defaultValue().value())
                .isEqualTo("x\u0000");
    }

    @Test
    void arraysWithNullOrBadElementsAreReportedNotACrash() {
        CompilationResult result = compile("class A { uint8 Bad[] = {1, 300}; uint8 Holes[] = {1, NULL}; };");
        assertThat(result.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.VALUE_OUT_OF_RANGE);
        CimClass a = result.schema().cimClass("A").orElseThrow();
        assertThat(a.property("Holes").orElseThrow().defaultValue().elements()).containsExactly(1L, null);
        assertThat(a.property("Bad").orElseThrow().defaultValue().elements()).containsExactly(1L, null);
    }
}
