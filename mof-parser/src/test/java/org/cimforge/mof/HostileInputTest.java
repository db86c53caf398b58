package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cimforge.mof.model.CimClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input written to break the compiler, generated here rather than committed: long inheritance chains
 * and cycles, deeply nested includes, a huge line, a flood of errors and of warnings. Each must end
 * in bounded time with bounded output and located diagnostics, never a StackOverflowError or an
 * OutOfMemoryError. The timeouts run the test on its own thread (a smaller stack than main's, which
 * makes any leftover recursion show) and are generous for a loaded 2-core machine.
 */
class HostileInputTest {
    // Far more than the capped output needs; what the uncapped compiler printed was many megabytes.
    private static final int OUTPUT_BOUND = 100_000;

    private static CompilationResult compile(String mof) {
        return MofCompiler.builder().build().compileText("hostile.mof", mof);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anInheritanceCycleOf5000ClassesIsOneLocatedError() {
        StringBuilder mof = new StringBuilder("class C0 : C4999 { };\n");
        for (int i = 1; i < 5000; i++) {
            mof.append("class C").append(i).append(" : C").append(i - 1).append(" { };\n");
        }
        CompilationResult result = compile(mof.toString());
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.INHERITANCE_CYCLE);
            assertThat(d.location().path()).isEqualTo("hostile.mof");
        });
        assertThat(result.schema().classCount()).isEqualTo(5000);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChain5000DeepDeclaredSubclassFirstResolves() {
        StringBuilder mof = new StringBuilder();
        for (int i = 4999; i > 0; i--) {
            mof.append("class C").append(i).append(" : C").append(i - 1).append(" { };\n");
        }
        mof.append("class C0 { string Name; };\n");
        CompilationResult result = compile(mof.toString());
        assertThat(result.diagnostics()).isEmpty();
        CimClass deepest = result.schema().cimClass("C4999").orElseThrow();
        assertThat(deepest.lineage()).hasSize(5000);
        assertThat(deepest.property("Name")).isPresent();
        assertThat(result.schema().allSubclasses("C0")).hasSize(4999);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void includesNested3000DeepAreRead(@TempDir Path dir) throws Exception {
        int depth = 3000;
        for (int i = 0; i < depth; i++) {
            String include = i + 1 < depth ? "#pragma include (\"f" + (i + 1) + ".mof\")\n" : "";
            Files.writeString(dir.resolve("f" + i + ".mof"), include + "class F" + i + " { };\n");
        }
        // The last file closes a cycle back to the first: reported once, at its pragma.
        Files.writeString(dir.resolve("f" + (depth - 1) + ".mof"), "#pragma include (\"f0.mof\")\nclass F" + (depth - 1)
                + " { };\n");
        CompilationResult result = MofCompiler.builder().build().compile(List.of(dir.resolve("f0.mof")));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.INCLUDE_CYCLE);
            assertThat(d.location()).isEqualTo(new SourceLocation(dir.resolve("f" + (depth - 1) + ".mof").toString(), 1, 1));
        });
        assertThat(result.fileCount()).isEqualTo(depth);
        assertThat(result.schema().classCount()).isEqualTo(depth);
        // Include order: the innermost file's class comes first.
        assertThat(result.schema().classes().get(0).name().spelling()).isEqualTo("F" + (depth - 1));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLineOf100KilobytesOfStarsGivesCappedErrorsWithShortExcerpts() {
        CompilationResult result = compile("*".repeat(100_000) + "\n");
        List<Diagnostic> errors = result.errors();
        assertThat(errors).hasSize(101);
        assertThat(errors.subList(0, 100)).allSatisfy(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_CHARACTER);
            assertThat(d.sourceLine().length()).isLessThanOrEqualTo(Diagnostic.MAX_EXCERPT + 6);
        });
        assertThat(errors.get(100).code()).isEqualTo(DiagnosticCode.TOO_MANY_ERRORS);
        assertThat(errors.get(100).message()).contains("99900 more not shown");
        assertThat(errors.get(100).location()).isEqualTo(new SourceLocation("hostile.mof", 1, 101));
        assertThat(result.renderDiagnostics().length()).isLessThan(OUTPUT_BOUND);
    }

    @Test
    void aCaretFarIntoALongLineIsShownInAWindowAroundIt() {
        String line = "x".repeat(5000) + "@" + "y".repeat(5000);
        CompilationResult result = compile(line);
        // The 5,000-character names are a syntax error too, quoted only by their start.
        assertThat(result.errors()).filteredOn(e -> e.code() == DiagnosticCode.SYNTAX)
                .allSatisfy(e -> assertThat(e.headline()).hasSizeLessThan(200).contains("xxx..."));
        Diagnostic d = result.errors().stream().filter(e -> e.code() == DiagnosticCode.INVALID_CHARACTER)
                .findFirst().orElseThrow();
        String[] rendered = d.render().split("\n");
        assertThat(rendered[0]).isEqualTo("hostile.mof:1:5001: error: unexpected character '@' [invalid-character]");
        assertThat(rendered[1]).startsWith("...x").endsWith("y...").contains("@")
                .hasSize(Diagnostic.MAX_EXCERPT + 6);
        // The caret sits under the '@' of the window.
        assertThat(rendered[2].length() - 1).isEqualTo(rendered[1].indexOf('@'));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void halfAMillionGarbageLinesStopAtTheErrorLimit() {
        CompilationResult result = compile("instance of { = ;\n".repeat(500_000));
        List<Diagnostic> errors = result.errors();
        assertThat(errors).hasSize(101);
        assertThat(errors.subList(0, 100)).allSatisfy(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX));
        assertThat(errors.get(100).code()).isEqualTo(DiagnosticCode.TOO_MANY_ERRORS);
        assertThat(errors.get(100).message()).contains("parsing stopped");
        assertThat(result.renderDiagnostics().length()).isLessThan(OUTPUT_BOUND);
    }

    @Test
    void theErrorLimitCanBeRaisedOrLifted() {
        String mof = "@\n".repeat(250);
        assertThat(MofCompiler.builder().maxErrors(200).build().compileText("t.mof", mof).errors()).hasSize(201);
        assertThat(MofCompiler.builder().maxErrors(0).build().compileText("t.mof", mof).errors()).hasSize(250);
        String warnings = "#pragma junkname (\"x\")\n".repeat(150);
        assertThat(MofCompiler.builder().maxWarningsPerFile(0).build().compileText("t.mof", warnings).warnings())
                .hasSize(150);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twentyMegabytesOfOneRepeatedClassGiveCappedWarnings() {
        String declaration = "class A { string x; };\n";
        int copies = 20 * 1024 * 1024 / declaration.length();
        resetPeaks();
        CompilationResult result = compile(declaration.repeat(copies));
        long peak = heapPeak();
        List<Diagnostic> warnings = result.warnings();
        assertThat(result.errors()).isEmpty();
        assertThat(warnings).hasSize(101);
        assertThat(warnings.subList(0, 100)).allSatisfy(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_CLASS));
        assertThat(warnings.get(100).code()).isEqualTo(DiagnosticCode.TOO_MANY_WARNINGS);
        assertThat(warnings.get(100).message()).contains((copies - 101) + " more not shown");
        assertThat(result.schema().classCount()).isEqualTo(1);
        assertThat(result.renderDiagnostics().length()).isLessThan(OUTPUT_BOUND);
        System.out.printf("20 MB repeated class: %d copies, heap peak %d MB (sum of pool peaks, garbage included)%n",
                copies, peak / (1024 * 1024));
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        List<Long> peaks = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peaks.add(pool.getPeakUsage().getUsed());
            }
        }
        return peaks.stream().mapToLong(Long::longValue).sum();
    }
}
