package org.cimforge.mof.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.openjdk.jol.info.GraphLayout;

/**
 * Compiler benchmark for the full CIM 2.49 schema (run with {@code -Pbench}): cold time of the whole
 * mofc command in fresh JVMs, warm time after warm-up, throughput, and retained size of the model.
 */
public final class CompileBenchmark {
    private static final int COLD_RUNS = 5;
    private static final int WARMUP = 15;
    private static final int MEASURED = 10;

    private CompileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path schema = Path.of(args[0]).resolve("cim-schema/2.49.0-final/cim_schema_2.49.0.mof");
        Path cliJar = Path.of(args[1]);
        if (!Files.exists(schema) || !Files.exists(cliJar)) {
            System.err.println("benchmark needs " + schema + " and " + cliJar);
            System.exit(2);
        }
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        cold("cold, default JVM", List.of("java", "-jar", cliJar.toString(), "-q", schema.toString()));
        cold("cold, -XX:TieredStopAtLevel=1 -XX:+UseParallelGC", List.of("java", "-XX:TieredStopAtLevel=1",
                "-XX:+UseParallelGC", "-jar", cliJar.toString(), "-q", schema.toString()));

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
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("command failed: " + command);
            }
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        System.out.printf("%s (whole command, %d runs): min %.0f ms, median %.0f ms, max %.0f ms%n", label, COLD_RUNS,
                times.get(0), times.get(COLD_RUNS / 2), times.get(COLD_RUNS - 1));
    }
}
