package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cimforge.mof.cli.Mofc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every diagnostic code, each triggered by small MOF and located exactly (line and column in test.mof). */
class DiagnosticsTest {
    private static final Set<DiagnosticCode> COVERED = EnumSet.noneOf(DiagnosticCode.class);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(DiagnosticCode.SYNTAX, "class A {\n string x\n};", 3, 1),
                Arguments.of(DiagnosticCode.UNTERMINATED_COMMENT, "class A { };\n  /* never closed", 2, 3),
                Arguments.of(DiagnosticCode.UNTERMINATED_STRING, "class A { string s = \"abc;\n};", 1, 22),
                Arguments.of(DiagnosticCode.INVALID_CHARACTER, "class A { };\n@", 2, 1),
                Arguments.of(DiagnosticCode.INVALID_ESCAPE, "class A { string s = \"a\\qb\"; };", 1, 24),
                Arguments.of(DiagnosticCode.INVALID_LITERAL, "class A { uint8 a[0]; };", 1, 19),
                Arguments.of(DiagnosticCode.UNKNOWN_PRAGMA, "#pragma junkname (\"x\")", 1, 1),
                Arguments.of(DiagnosticCode.INVALID_PRAGMA, "#pragma locale (\"junkvalue\")", 1, 1),
                Arguments.of(DiagnosticCode.DUPLICATE_QUALIFIER_DECLARATION,
                        "Qualifier Key : boolean = true, Scope(property);", 1, 11),
                Arguments.of(DiagnosticCode.INVALID_SCOPE, "Qualifier Q : boolean, Scope(class, bogus);", 1, 37),
                Arguments.of(DiagnosticCode.MISSING_SCOPE, "Qualifier Q : boolean;", 1, 11),
                Arguments.of(DiagnosticCode.INVALID_FLAVOR, "Qualifier Q : boolean, Scope(any), Flavor(Sticky);", 1, 43),
                Arguments.of(DiagnosticCode.CONFLICTING_FLAVORS,
                        "Qualifier Q : boolean, Scope(any), Flavor(ToSubclass, Restricted);", 1, 55),
                Arguments.of(DiagnosticCode.UNKNOWN_QUALIFIER, "[Bogus] class A { };", 1, 2),
                Arguments.of(DiagnosticCode.QUALIFIER_SCOPE, "[Key] class A { };", 1, 2),
                Arguments.of(DiagnosticCode.DUPLICATE_QUALIFIER, "[Description(\"a\"), Description(\"b\")] class A { };", 1, 20),
                Arguments.of(DiagnosticCode.QUALIFIER_OVERRIDE_DISABLED,
                        "class A { [Key] string Id; };\nclass B : A { [Override(\"Id\"), Key(false)] string Id; };", 2, 32),
                Arguments.of(DiagnosticCode.TYPE_MISMATCH, "class A { uint8 n = \"text\"; };", 1, 21),
                Arguments.of(DiagnosticCode.VALUE_OUT_OF_RANGE, "class A { sint8 n = -129; };", 1, 21),
                Arguments.of(DiagnosticCode.INVALID_DATETIME, "class A { datetime d = \"2026-01-01\"; };", 1, 24),
                Arguments.of(DiagnosticCode.DUPLICATE_CLASS, "class A { };\nclass A { };", 2, 7),
                Arguments.of(DiagnosticCode.UNKNOWN_SUPERCLASS, "class A : Missing { };", 1, 11),
                Arguments.of(DiagnosticCode.INHERITANCE_CYCLE, "class A : B { };\nclass B : A { };", 2, 11),
                Arguments.of(DiagnosticCode.DUPLICATE_MEMBER, "class A { string x; uint8 X; };", 1, 27),
                Arguments.of(DiagnosticCode.DUPLICATE_PARAMETER, "class A { uint32 M(string p, string P); };", 1, 37),
                Arguments.of(DiagnosticCode.OVERRIDE_TARGET_MISSING, "class A { [Override(\"x\")] string x; };", 1, 12),
                Arguments.of(DiagnosticCode.OVERRIDE_TYPE_MISMATCH,
                        "class A { string x; };\nclass B : A { [Override(\"x\")] uint8 x; };", 2, 31),
                Arguments.of(DiagnosticCode.IMPLICIT_OVERRIDE, "class A { string x; };\nclass B : A { string x; };", 2, 22),
                Arguments.of(DiagnosticCode.UNKNOWN_CLASS, "[Association] class L { Nowhere REF r; };", 1, 25),
                Arguments.of(DiagnosticCode.REFERENCE_OUTSIDE_ASSOCIATION, "class A { A REF self; };", 1, 17),
                Arguments.of(DiagnosticCode.ASSOCIATION_WITHOUT_REFERENCES, "[Association] class L { string x; };", 1, 21),
                Arguments.of(DiagnosticCode.VALUEMAP_MISMATCH,
                        "class A { [ValueMap {\"1\", \"2\"}, Values {\"one\"}] uint8 v; };", 1, 33),
                Arguments.of(DiagnosticCode.INVALID_VALUEMAP, "class A { [ValueMap {\"1\", \"300\"}] uint8 v; };", 1, 12),
                Arguments.of(DiagnosticCode.ABSTRACT_INSTANCE, "[Abstract] class A { };\ninstance of A { };", 2, 13),
                Arguments.of(DiagnosticCode.UNKNOWN_PROPERTY, "class A { };\ninstance of A { Nope = 1; };", 2, 17),
                Arguments.of(DiagnosticCode.DUPLICATE_PROPERTY_VALUE,
                        "class A { string s; };\ninstance of A { s = \"a\"; s = \"b\"; };", 2, 26),
                Arguments.of(DiagnosticCode.DUPLICATE_ALIAS,
                        "class A { };\ninstance of A as $x { };\ninstance of A as $x { };", 3, 13),
                Arguments.of(DiagnosticCode.REAL_OUT_OF_RANGE, "class A { real32 r = 1e39; };", 1, 22),
                Arguments.of(DiagnosticCode.ARRAY_TOO_LONG, "class A { uint8 a[2] = {1, 2, 3}; };", 1, 24),
                Arguments.of(DiagnosticCode.CONTROL_CHARACTER, "class A { string s = \"a\u0000b\"; };", 1, 24),
                Arguments.of(DiagnosticCode.TOO_MANY_ERRORS, "@\n".repeat(101), 101, 1),
                Arguments.of(DiagnosticCode.TOO_MANY_WARNINGS, "#pragma junkname (\"x\")\n".repeat(101), 101, 1),
                Arguments.of(DiagnosticCode.UNKNOWN_ALIAS,
                        "class N { };\n[Association] class L { N REF r; };\ninstance of L { r = $missing; };", 3, 21));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCodeIsReportedAtItsLocation(DiagnosticCode code, String mof, int line, int column) {
        CompilationResult result = Mof.compile(mof);
        List<Diagnostic> matching = result.diagnostics().stream().filter(d -> d.code() == code).toList();
        assertThat(matching).as(result.renderDiagnostics()).isNotEmpty();
        Diagnostic first = matching.get(0);
        assertThat(first.location()).isEqualTo(new SourceLocation("test.mof", line, column));
        assertThat(first.severity()).isEqualTo(code.defaultSeverity());
        assertThat(first.headline()).isEqualTo("test.mof:" + line + ":" + column + ": " + code.defaultSeverity().label()
                + ": " + first.message() + " [" + code.id() + "]");
        COVERED.add(code);
    }

    @Test
    void renderShowsTheSourceLineAndACaretUnderTheColumn() {
        Diagnostic d = Mof.compile("class A {\n\tuint8 n = 300; };").errors().get(0);
        assertThat(d.render()).isEqualTo("""
                test.mof:2:12: error: value 300 does not fit uint8 (0..255) for property A.n [value-out-of-range]
                \tuint8 n = 300; };
                \t          ^""");
    }

    @Test
    void allErrorsAreCollectedNotJustTheFirst() {
        CompilationResult result = Mof.compile("class A : X { };\nclass B : Y { uint8 n = 999; };\n[Bogus] class C { };");
        assertThat(result.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.UNKNOWN_SUPERCLASS,
                DiagnosticCode.UNKNOWN_SUPERCLASS, DiagnosticCode.VALUE_OUT_OF_RANGE, DiagnosticCode.UNKNOWN_QUALIFIER);
        // The model is still built as far as the input allows.
        assertThat(result.schema().classCount()).isEqualTo(3);
    }

    @Test
    void missingFilesAndIncludesNameWhoAskedForThem(@TempDir Path dir) throws Exception {
        Path top = dir.resolve("top.mof");
        Files.writeString(top, "class A { };\n  #pragma include (\"gone.mof\")\n");
        CompilationResult result = MofCompiler.builder().build().compile(List.of(top, dir.resolve("absent.mof")));
        assertThat(result.errors()).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.INCLUDE_NOT_FOUND, DiagnosticCode.FILE_NOT_FOUND);
        assertThat(result.errors().get(0).location()).isEqualTo(new SourceLocation(top.toString(), 2, 3));
        assertThat(result.errors().get(0).message()).contains("gone.mof").contains(top.toString());
        COVERED.add(DiagnosticCode.INCLUDE_NOT_FOUND);
        COVERED.add(DiagnosticCode.FILE_NOT_FOUND);
    }

    @Test
    void includeCyclesAreReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.mof"), "#pragma include (\"b.mof\")\n");
        Files.writeString(dir.resolve("b.mof"), "class B { };\n#pragma include (\"a.mof\")\n");
        CompilationResult result = MofCompiler.builder().build().compile(List.of(dir.resolve("a.mof")));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.INCLUDE_CYCLE);
            assertThat(d.location()).isEqualTo(new SourceLocation(dir.resolve("b.mof").toString(), 2, 1));
            assertThat(d.message()).contains("a.mof -> b.mof -> a.mof");
        });
        COVERED.add(DiagnosticCode.INCLUDE_CYCLE);
    }

    @Test
    void unreadableFilesAndNonUtf8TextAreReported(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.mof");
        Files.write(latin1, "class A { string s = \"caf\u00e9\"; };".getBytes(StandardCharsets.ISO_8859_1));
        CompilationResult result = MofCompiler.builder().build().compile(List.of(latin1, dir));
        assertThat(result.diagnostics()).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.ENCODING, DiagnosticCode.FILE_UNREADABLE);
        assertThat(result.schema().cimClass("A").orElseThrow().property("s").orElseThrow().defaultValue().value())
                .isEqualTo("caf\u00e9");
        COVERED.add(DiagnosticCode.ENCODING);
        COVERED.add(DiagnosticCode.FILE_UNREADABLE);
    }

    @Test
    void utf8TextIsReadWithoutWarningWhateverItHolds(@TempDir Path dir) throws Exception {
        // A replacement character written in the file is text, not a decoding failure; non-ASCII text takes the
        // lexer's char-buffer input and ASCII its byte input, and a column after either counts characters.
        Path utf8 = dir.resolve("utf8.mof");
        Files.write(utf8, ("\uFEFFclass A { string s = \"\uFFFD caf\u00e9 \u20ac\"; string t = \"x\"; uint8 u = 300; };")
                .getBytes(StandardCharsets.UTF_8));
        Path ascii = dir.resolve("ascii.mof");
        Files.writeString(ascii, "class B { string s = \"plain\"; uint8 u = 300; };");
        CompilationResult result = MofCompiler.builder().build().compile(List.of(utf8, ascii));
        assertThat(result.diagnostics()).extracting(Diagnostic::code).doesNotContain(DiagnosticCode.ENCODING);
        assertThat(result.schema().cimClass("A").orElseThrow().property("s").orElseThrow().defaultValue().value())
                .isEqualTo("\uFFFD caf\u00e9 \u20ac");
        assertThat(result.errors()).extracting(d -> d.location().column()).containsExactly(60, 41);
    }

    @Test
    void warningsCanBeMadeFatal() {
        CompilationResult strict = MofCompiler.builder().warningsAsErrors(true).build()
                .compileText("test.mof", "#pragma junkname (\"x\")");
        assertThat(strict.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.UNKNOWN_PRAGMA);
    }

    @Test
    void commandLineExitsOneOnErrorsTwoOnUsageAndPrintsNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.mof");
        Files.writeString(bad, "class A : Missing { };");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Mofc.run(new String[] {bad.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(bad + ":1:11: error: superclass Missing")
                .doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 classes").contains("1 errors");
        assertThat(Mofc.run(new String[] {"--bogus"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(Mofc.run(new String[0], new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    @Test
    void summaryCountsTheFindingsShownAndThoseTheLimitKeptBack(@TempDir Path dir) throws Exception {
        Path many = dir.resolve("many.mof");
        StringBuilder mof = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            mof.append("class X_").append(i).append(" { [Keyy] string A; };\n");
        }
        Files.writeString(many, mof);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Mofc.run(new String[] {many.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        // 300 unknown qualifiers: 100 shown, the "too many errors" line is not counted as one of them.
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("; 100 errors, 0 warnings shown, 200 more not shown;");
    }

    @Test
    void wmiVoidMethodsAreReportedAtVoidAndTheRestOfTheClassStays() {
        CompilationResult result = Mof.compile("""
                class A {
                  string Name;
                  [Description("x")] void M([Out, ValueMap{"1"}] uint32 x);
                };""");
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX);
            assertThat(d.location()).isEqualTo(new SourceLocation("test.mof", 3, 22));
            assertThat(d.message()).contains("'void' is not a CIM data type");
        });
        assertThat(result.schema().cimClass("A").orElseThrow().property("Name")).isPresent();
    }

    @Test
    void aTopLevelFileNotFoundAsGivenIsLookedUpOnTheIncludePath(@TempDir Path dir) throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("Extra.mof"), "class Extra { };");
        CompilationResult result = MofCompiler.builder().includePath(List.of(schema)).build()
                .compile(List.of(Path.of("Extra.mof")));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.files()).containsExactly(schema.resolve("Extra.mof").toString());
        CompilationResult missing = MofCompiler.builder().includePath(List.of(schema)).build()
                .compile(List.of(Path.of("Absent.mof")));
        assertThat(missing.errors()).extracting(Diagnostic::headline)
                .containsExactly("Absent.mof:1:1: error: cannot read file: Absent.mof does not exist or is not readable [file-not-found]");
    }

    @AfterAll
    static void everyCodeHasATest() {
        assertThat(COVERED).containsExactlyInAnyOrder(DiagnosticCode.values());
    }
}
