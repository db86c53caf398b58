package org.cimforge.maven.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cimforge.codegen.CimForgeGenerator;
import org.cimforge.codegen.CodegenOptions;
import org.cimforge.codegen.SourceWriter;
import org.cimforge.maven.PluginRun;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;

/**
 * Plugin benchmark (run with {@code -Pbench}): the plugin's own time for a no-op generate on an
 * unchanged 100-class tree, and full CIM 2.49 generation through the plugin path compared with the
 * generator called directly.
 */
public final class PluginBenchmark {
    private PluginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--no-op-once")) {
            // Child JVM: one no-op run with nothing loaded yet, as at the start of a Maven build's Mojo.
            long start = System.nanoTime();
            boolean upToDate = PluginRun.generate(Path.of(args[1]), Path.of(args[2]), CodegenOptions.defaults("bench"));
            System.out.printf("%.1f %s%n", (System.nanoTime() - start) / 1e6, upToDate);
            return;
        }
        Path work = Path.of(args[1]);
        deleteTree(work);
        Path tree = writeTree(work.resolve("tree"), 100);
        Path out = work.resolve("out-small");
        // First call in this JVM is the cold case a Maven build sees (classes loaded fresh).
        PluginRun.generate(tree, out, CodegenOptions.defaults("bench"));
        long coldStart = System.nanoTime();
        boolean upToDate = PluginRun.generate(tree, out, CodegenOptions.defaults("bench"));
        double coldNoOp = (System.nanoTime() - coldStart) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            PluginRun.generate(tree, out, CodegenOptions.defaults("bench"));
            warm.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(warm);
        System.out.printf("no-op generate, 100-class tree: in a warm JVM %.1f ms (up to date: %s), median %.1f ms, max %.1f ms%n",
                coldNoOp, upToDate, warm.get(10), warm.get(19));
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                    PluginBenchmark.class.getName(), "--no-op-once", tree.toString(), out.toString())
                    .redirectErrorStream(true).start();
            fresh.add(new String(child.getInputStream().readAllBytes()).trim());
            child.waitFor();
        }
        System.out.println("no-op generate, 100-class tree, fresh JVM each (ms, up to date): " + fresh);

        Path schema = Path.of(args[0]).resolve("cim-schema/2.49.0-final/cim_schema_2.49.0.mof");
        List<Double> direct = new ArrayList<>();
        List<Double> plugin = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path directOut = work.resolve("direct-" + i);
            long start = System.nanoTime();
            CompilationResult result = MofCompiler.builder().build().compile(List.of(schema));
            SourceWriter.write(CimForgeGenerator.generate(result.schema(), CodegenOptions.defaults("bench")), directOut);
            direct.add((System.nanoTime() - start) / 1e6);

            Path pluginOut = work.resolve("plugin-" + i);
            start = System.nanoTime();
            PluginRun.generateFiles(List.of(schema), pluginOut, CodegenOptions.defaults("bench"));
            plugin.add((System.nanoTime() - start) / 1e6);
        }
        // The first round warms the JIT for both paths; compare the later ones.
        double d = Collections.min(direct.subList(1, 6));
        double p = Collections.min(plugin.subList(1, 6));
        System.out.printf("full CIM 2.49 generation: generator directly %.0f ms, through the plugin %.0f ms (best of 5 after warm-up): %+.0f %%%n",
                d, p, (p / d - 1) * 100);
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A tree of 100 classes in 10 files with ValueMaps and a method each, written for this benchmark. */
    private static Path writeTree(Path dir, int classes) throws Exception {
        Files.createDirectories(dir);
        StringBuilder top = new StringBuilder("""
                Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
                Qualifier ValueMap : string[], Scope(property, method, parameter);
                Qualifier Values : string[], Scope(property, method, parameter), Flavor(Translatable);
                Qualifier Out : boolean = false, Scope(parameter), Flavor(DisableOverride, ToSubclass);
                """);
        for (int file = 0; file < 10; file++) {
            StringBuilder mof = new StringBuilder();
            for (int c = 0; c < classes / 10; c++) {
                int n = file * (classes / 10) + c;
                String superClass = n == 0 ? "" : " : BN_Class" + (n - 1);
                mof.append("class BN_Class").append(n).append(superClass).append(" {\n")
                        .append(n == 0 ? "  [Key] string Id;\n" : "")
                        .append("  [ValueMap {\"0\", \"2\", \"4..9\", \"0x8000..\"}, Values {\"A\", \"B\", \"C\", \"D\"}]\n")
                        .append("  uint16 State").append(n).append(";\n")
                        .append("  string Name").append(n).append(";\n")
                        .append("  uint32 Act").append(n).append("([Out] string Note);\n};\n\n");
            }
            Files.writeString(dir.resolve("part" + file + ".mof"), mof);
            top.append("#pragma include (\"part").append(file).append(".mof\")\n");
        }
        Files.writeString(dir.resolve("top.mof"), top);
        return dir;
    }
}
