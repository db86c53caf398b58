package org.cimforge.mof.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.MofCompiler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Other compilers' test inputs and vendor schemas: the ones known to be invalid fail with located
 * errors; every other one compiles, with the CIM schema and the files it depends on loaded first,
 * except the few listed in {@link #CANNOT_COMPILE} (see docs/mof-compiler.md for why).
 */
@Tag("corpus")
class CompilerInputsCorpusTest {
    private static final Pattern UNKNOWN_NAME = Pattern.compile("(?:class|superclass|qualifier) (\\w+)[ ,]");

    /** Inputs that other compilers' suites expect to fail. */
    private static final List<String> EXPECTED_TO_FAIL_PREFIXES = List.of(
            "compiler-tests/OpenPegasus/src/Pegasus/Compiler/tests/invalidMOF/",
            "compiler-tests/OpenPegasus/src/Pegasus/Compiler/cmdline/tests/InvalidMof1.mof",
            "compiler-tests/pywbem/tests/unittest/pywbem/testmofs/parse_error0",
            "compiler-tests/pywbemtools/tests/unit/pywbemcli/mof_with_error.mof");

    /** Files of the invalid-input folder that are valid MOF (their own comments say so) or only warn. */
    private static final Map<String, DiagnosticCode> NOT_ERRORS = Map.of(
            "compiler-tests/OpenPegasus/src/Pegasus/Compiler/tests/invalidMOF/badQualifierDecl4.mof", DiagnosticCode.SYNTAX,
            "compiler-tests/OpenPegasus/src/Pegasus/Compiler/tests/invalidMOF/badQualifierDecl14.mof", DiagnosticCode.SYNTAX,
            "compiler-tests/OpenPegasus/src/Pegasus/Compiler/tests/invalidMOF/InvalidPragma1.mof", DiagnosticCode.UNKNOWN_PRAGMA);

    /**
     * Inputs that cannot compile from what the corpus holds, with the only error codes they may
     * produce: classes from schemas outside the corpus, or mistakes in the input itself.
     */
    private static final Map<String, Set<DiagnosticCode>> CANNOT_COMPILE = CannotCompile.LIST;

    /** The counts docs/mof-compiler.md ("The corpus") states; a change in the corpus or the compiler shows here. */
    private static final int DOCUMENTED_INPUTS = 324;
    private static final int DOCUMENTED_EXPECTED_TO_FAIL = 28;
    private static final int DOCUMENTED_MISSING_EXTERNAL = 85;

    private static final AtomicInteger MISSING_EXTERNAL = new AtomicInteger();
    /** Inputs everyOtherInputCompiles has checked, so that the count of 85 is asserted only after a full run. */
    private static final AtomicInteger CHECKED = new AtomicInteger();

    private final MofCompiler plain = MofCompiler.builder()
            .includePath(List.of(Corpus.cim249(), Corpus.cim241())).reuseParsedFiles(true).build();

    @AfterAll
    static void missingExternalClassesAreTheDocumentedCount() {
        System.out.println("corpus inputs that only miss classes declared nowhere in the corpus: "
                + MISSING_EXTERNAL.get() + " of " + CHECKED.get() + " checked; documented exceptions: "
                + CANNOT_COMPILE.size());
        long compilable = Corpus.testInputs().stream().filter(relative -> !expectedToFail(relative)).count();
        if (CHECKED.get() < compilable) {
            // A run filtered down to some inputs (-Dtest=...#...) cannot know the whole count.
            System.out.println("only " + CHECKED.get() + " of " + compilable
                    + " inputs ran: the documented count of " + DOCUMENTED_MISSING_EXTERNAL + " was not checked");
            return;
        }
        assertThat(MISSING_EXTERNAL.get()).as("inputs that only miss classes declared nowhere in the corpus "
                + "(docs/mof-compiler.md)").isEqualTo(DOCUMENTED_MISSING_EXTERNAL);
    }

    @Test
    void corpusHoldsTheDocumentedInputs() {
        List<Path> inputs = Corpus.testInputs();
        assertThat(inputs).as("MOF inputs under compiler-tests/ and vendor/").hasSize(DOCUMENTED_INPUTS);
        assertThat(inputs.stream().filter(CompilerInputsCorpusTest::expectedToFail))
                .as("inputs other compilers expect to fail").hasSize(DOCUMENTED_EXPECTED_TO_FAIL);
        // Every listed exception names a real input, so that the lists cannot go stale unnoticed.
        List<String> names = inputs.stream().map(p -> p.toString().replace('\\', '/')).toList();
        assertThat(names).containsAll(CANNOT_COMPILE.keySet()).containsAll(NOT_ERRORS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> expectedFailuresFailWithLocatedErrors() {
        return Corpus.testInputs().stream().filter(CompilerInputsCorpusTest::expectedToFail)
                .map(relative -> DynamicTest.dynamicTest(relative.toString(), () -> {
                    Path file = Corpus.root().resolve(relative);
                    CompilationResult result = plain.compile(withQualifiers(file));
                    DiagnosticCode notAnError = NOT_ERRORS.get(relative.toString());
                    if (notAnError == DiagnosticCode.SYNTAX) {
                        assertThat(result.errors()).as(result.renderDiagnostics()).isEmpty();
                        return;
                    }
                    if (notAnError != null) {
                        assertThat(result.errors()).isEmpty();
                        assertThat(result.warnings()).extracting(Diagnostic::code).containsOnly(notAnError);
                        CompilationResult strict = MofCompiler.builder().warningsAsErrors(true).build()
                                .compile(List.of(file));
                        assertThat(strict.errors()).extracting(Diagnostic::code).containsOnly(notAnError);
                        return;
                    }
                    assertThat(result.errors()).as("errors for " + relative).isNotEmpty();
                    for (Diagnostic error : result.errors()) {
                        assertThat(error.location().line()).isPositive();
                        assertThat(error.location().column()).isPositive();
                        assertThat(error.headline()).matches("\\S+:\\d+:\\d+: error: .+ \\[[a-z0-9-]+]");
                    }
                    assertThat(result.errors()).anySatisfy(error ->
                            assertThat(Path.of(error.location().path()).toAbsolutePath().normalize()).isEqualTo(file));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyOtherInputCompiles() {
        return Corpus.testInputs().stream().filter(relative -> !expectedToFail(relative))
                .map(relative -> DynamicTest.dynamicTest(relative.toString(), () -> {
                    CHECKED.incrementAndGet();
                    CompilationResult result = compileWithPrerequisites(Corpus.root().resolve(relative));
                    Set<DiagnosticCode> allowed = CANNOT_COMPILE.get(relative.toString().replace('\\', '/'));
                    if (allowed == null && !result.errors().isEmpty() && onlyMissingExternalClasses(result)) {
                        MISSING_EXTERNAL.incrementAndGet();
                        return;
                    }
                    if (allowed == null) {
                        assertThat(result.errors()).as(result.renderDiagnostics()).isEmpty();
                    } else {
                        assertThat(result.errors()).as("documented as not compilable").isNotEmpty();
                        assertThat(result.errors()).extracting(Diagnostic::code).as(result.renderDiagnostics())
                                .isSubsetOf(allowed);
                    }
                }));
    }

    /**
     * True when every error names a class that no file of the corpus declares (e.g. OpenPegasus's
     * PG_ProviderModule registration classes): such inputs cannot compile from the corpus alone.
     */
    private static boolean onlyMissingExternalClasses(CompilationResult result) {
        for (Diagnostic error : result.errors()) {
            if (error.code() != DiagnosticCode.UNKNOWN_CLASS && error.code() != DiagnosticCode.UNKNOWN_SUPERCLASS) {
                return false;
            }
            Matcher m = UNKNOWN_NAME.matcher(error.message());
            if (!m.find() || CorpusIndex.declaresClass(m.group(1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean expectedToFail(Path relative) {
        String text = relative.toString().replace('\\', '/');
        return EXPECTED_TO_FAIL_PREFIXES.stream().anyMatch(text::startsWith);
    }

    private static List<Path> withQualifiers(Path file) {
        return List.of(Corpus.cim249().resolve("qualifiers.mof"), Corpus.cim249().resolve("qualifiers_optional.mof"), file);
    }

    /**
     * Compiles the file alone; failing that, after the schema's qualifiers; failing that, after the
     * whole CIM schema. At each step, classes and qualifiers it misses are looked up in files of the
     * same project and loaded first, as those projects' build scripts do.
     */
    private CompilationResult compileWithPrerequisites(Path file) {
        List<List<Path>> preludes = List.of(List.of(), withQualifiers(file).subList(0, 2),
                List.of(Corpus.cim249().resolve("cim_schema_2.49.0.mof")));
        CompilationResult best = null;
        for (List<Path> prelude : preludes) {
            Set<Path> extra = new LinkedHashSet<>();
            for (int round = 0; round < 4; round++) {
                List<Path> files = new ArrayList<>(prelude);
                files.addAll(extra);
                files.add(file);
                CompilationResult result = plain.compile(files);
                if (!result.hasErrors()) {
                    return result;
                }
                best = best == null || result.errors().size() < best.errors().size() ? result : best;
                Set<Path> found = declarationsOfMissingNames(file, result);
                found.removeAll(extra);
                found.remove(file);
                if (found.isEmpty()) {
                    break;
                }
                extra.addAll(found);
            }
        }
        return best;
    }

    private static Set<Path> declarationsOfMissingNames(Path file, CompilationResult result) {
        Set<String> missing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Diagnostic error : result.errors()) {
            if (error.code() == DiagnosticCode.UNKNOWN_CLASS || error.code() == DiagnosticCode.UNKNOWN_SUPERCLASS
                    || error.code() == DiagnosticCode.UNKNOWN_QUALIFIER) {
                Matcher m = UNKNOWN_NAME.matcher(error.message());
                if (m.find()) {
                    missing.add(m.group(1));
                }
            }
        }
        Set<Path> found = new LinkedHashSet<>();
        Path project = projectRoot(file);
        for (String name : missing) {
            Pattern declaration = Pattern.compile("(?im)^\\s*(?:\\[[^\\]]*]\\s*)?(class\\s+" + Pattern.quote(name)
                    + "\\b|qualifier\\s+" + Pattern.quote(name) + "\\s*:)");
            try (Stream<Path> candidates = Files.walk(project)) {
                candidates.filter(p -> p.toString().endsWith(".mof")).sorted()
                        .filter(p -> declaration.matcher(read(p)).find()).findFirst().ifPresent(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /**
     * compiler-tests/NAME, whose files may depend on each other; for vendor schemas all of vendor/,
     * since the OpenLMI packages share qualifiers and base classes.
     */
    private static Path projectRoot(Path file) {
        Path relative = Corpus.root().relativize(file);
        Path top = Corpus.root().resolve(relative.getName(0));
        return relative.getName(0).toString().equals("vendor") ? top : top.resolve(relative.getName(1));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
