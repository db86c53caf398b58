package org.cimforge.mof.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.openjdk.jol.info.GraphLayout;

/**
 * Compiler benchmark for the full CIM 2.49 schema (run with {@code -Pbench}): cold time of the whole
 * {@code ./mofc} command (the launcher script itself, so its JVM flags and class-data-sharing archive
 * count), the first run that writes the archive, warm time after warm-up, throughput, and retained size
 * of the model. With {@code -Dbench.baseline=/path/to/other/mofc} it also times CIM 2.41 cold with that
 * launcher and this one in turn (issue 28's start-up comparison).
 */
public final class CompileBenchmark {
    private static final int COLD_RUNS = 5;
    private static final int WARMUP = 15;
    private static final int MEASURED = 10;
    private static final int ALTERNATING_PAIRS = 7;

    private CompileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path schema = Path.of(args[0]).resolve("cim-schema/2.49.0-final/cim_schema_2.49.0.mof");
        Path cliJar = Path.of(args[1]);
        if (!Files.exists(schema) || !Files.exists(cliJar)) {
            System.err.println("benchmark needs " + schema + " and " + cliJar);
            System.exit(2);
        }
        // The cli jar is <repo>/mof-parser/target/<name>-cli.jar; the launcher sits at the repository root.
        Path launcher = cliJar.toAbsolutePath().getParent().getParent().getParent().resolve("mofc");
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        cold("cold, default JVM (java -jar)", List.of("java", "-jar", cliJar.toString(), "-q", schema.toString()));
        // The first run of the launcher after a build writes the class-data-sharing archive: time it apart.
        deleteArchives(cliJar.toAbsolutePath().getParent().resolve("mofc-cds"));
        List<String> mofc = List.of("sh", launcher.toString(), "-q", schema.toString());
        System.out.printf("first ./mofc run after a build (writes the class-data-sharing archive): %.0f ms%n",
                runMillis(mofc));
        cold("cold, ./mofc launcher", mofc);
        String baseline = System.getProperty("bench.baseline", "");
        if (!baseline.isBlank()) {
            Path cim241 = Path.of(args[0]).resolve("cim-schema/2.41.0-final-openpegasus/CIM_Schema.mof");
            alternate(List.of("sh", baseline, "-q", cim241.toString()),
                    List.of("sh", launcher.toString(), "-q", cim241.toString()));
        }

        MofCompiler compiler = MofCompiler.builder().build();
        CompilationResult result = null;
        for (int i = 0; i < WARMUP; i++) {
            result = compiler.compile(List.of(schema));
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            result = compiler.compile(List.of(schema));
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        double median = times.get(times.size() / 2);
        System.out.printf("warm parse+resolve: min %.0f ms, median %.0f ms, max %.0f ms (%d runs after %d warm-up)%n",
                times.get(0), median, times.get(times.size() - 1), MEASURED, WARMUP);
        System.out.printf("throughput (median): %.0f files/s, %.0f classes/s%n",
                result.fileCount() / (median / 1000), result.schema().classCount() / (median / 1000));
        long bytes = GraphLayout.parseInstance(result.schema()).totalSize();
        System.out.printf("retained size of the resolved model (CimSchema graph): %.1f MB%n", bytes / 1e6);
        if (result.hasErrors()) {
            throw new IllegalStateException("schema did not compile cleanly");
        }
    }

    private static void cold(String label, List<String> command) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < COLD_RUNS; i++) {
            times.add(runMillis(command));
        }
        Collections.sort(times);
        System.out.printf("%s (whole command, %d runs): min %.0f ms, median %.0f ms, max %.0f ms%n", label, COLD_RUNS,
                times.get(0), times.get(COLD_RUNS / 2), times.get(COLD_RUNS - 1));
    }

    /**
     * The baseline launcher and this one in turn, so that both see the same machine: a drift in load
     * moves both, and the ratio is taken pair by pair.
     */
    private static void alternate(List<String> baseline, List<String> current) throws Exception {
        runMillis(baseline);
        runMillis(current);
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < ALTERNATING_PAIRS; i++) {
            double b = runMillis(baseline);
            double c = runMillis(current);
            before.add(b);
            after.add(c);
            ratios.add(c / b);
        }
        Collections.sort(before);
        Collections.sort(after);
        Collections.sort(ratios);
        int mid = ALTERNATING_PAIRS / 2;
        System.out.printf("cold, CIM 2.41, %d alternating pairs: baseline %s median %.0f ms (min %.0f), ./mofc median %.0f ms"
                        + " (min %.0f), ratio per pair min %.2f median %.2f max %.2f%n", ALTERNATING_PAIRS,
                baseline.get(1), before.get(mid), before.get(0), after.get(mid), after.get(0), ratios.get(0),
                ratios.get(mid), ratios.get(ALTERNATING_PAIRS - 1));
    }

    private static double runMillis(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("command failed: " + command);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void deleteArchives(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
