package org.cimforge.maven.bench;

import com.palantir.javapoet.JavaFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.cimforge.codegen.CimForgeGenerator;
import org.cimforge.codegen.CodegenOptions;
import org.cimforge.codegen.SourceWriter;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;

/**
 * Generator benchmark (run with {@code -Pbench}): whole CIM 2.49 schema, warm — building the Java
 * files, rendering them to text, writing them — and javac's time for the output beside it ({@code -Dbench.javac=false}
 * skips javac).
 */
public final class GeneratorBenchmark {
    private GeneratorBenchmark() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Path schemaFile = Path.of(args[0]).resolve("cim-schema/2.49.0-final/cim_schema_2.49.0.mof");
        Path work = Path.of(args[1]).resolve("generator");
        CimSchema schema = MofCompiler.builder().build().compile(List.of(schemaFile)).schema();
        CodegenOptions options = CodegenOptions.defaults("bench");
        List<Double> build = new ArrayList<>();
        List<Double> render = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<JavaFile> files = null;
        for (int i = 0; i < 5; i++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            files = CimForgeGenerator.generate(schema, options);
            build.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            long chars = files.parallelStream().mapToLong(f -> f.toString().length()).sum();
            render.add((System.nanoTime() - start) / 1e6);
            cpu.add((processCpuNanos() - cpuStart) / 1e6);
            if (i == 0) {
                System.out.printf("%d classes -> %d Java files, %.1f MB of source%n", schema.classCount(), files.size(),
                        chars / 1e6);
            }
        }
        System.out.printf("build JavaFiles: first %.0f ms, best of the rest %.0f ms%n", build.get(0),
                Collections.min(build.subList(1, 5)));
        System.out.printf("render to text (parallel): first %.0f ms, best of the rest %.0f ms%n", render.get(0),
                Collections.min(render.subList(1, 5)));
        double bestTotal = Double.MAX_VALUE;
        for (int i = 1; i < 5; i++) {
            bestTotal = Math.min(bestTotal, build.get(i) + render.get(i));
        }
        System.out.printf("generation, warm (build + render, best round): %.0f ms%n", bestTotal);
        // CPU time of the whole process (both cores, GC included) does not grow when other builds take the cores
        // away: on an idle 2-core machine the wall time of a round lies between half of it and all of it.
        System.out.printf("process CPU time of a round (build + render, GC included), best of the rest: %.0f ms%n",
                Collections.min(cpu.subList(1, 5)));
        if (!Boolean.parseBoolean(System.getProperty("bench.javac", "true"))) {
            return;
        }

        long start = System.nanoTime();
        List<Path> written = SourceWriter.write(files, work.resolve("src"));
        System.out.printf("write %d files to disk: %.0f ms%n", written.size(), (System.nanoTime() - start) / 1e6);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(work.resolve("classes"));
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            start = System.nanoTime();
            boolean ok = javac.getTask(null, fm, null, List.of("-d", classes.toString(), "-proc:none",
                            "-cp", System.getProperty("java.class.path"), "--release", "17"), null,
                    fm.getJavaFileObjectsFromPaths(written)).call();
            System.out.printf("javac of all generated files: %.0f ms (%s)%n", (System.nanoTime() - start) / 1e6,
                    ok ? "no errors" : "FAILED");
        }
    }
}
