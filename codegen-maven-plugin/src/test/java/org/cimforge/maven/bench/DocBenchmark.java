package org.cimforge.maven.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import org.cimforge.codegen.doc.ClassReference;
import org.cimforge.codegen.doc.DocOptions;
import org.cimforge.codegen.doc.SiteWriter;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;

/**
 * Class reference benchmark (run with {@code -Pbench}): the whole CIM 2.49 schema rendered as a site, first in a
 * fresh JVM (what one {@code cimforge:doc} run pays) and then warm, and the write to disk, new and unchanged.
 */
public final class DocBenchmark {
    private DocBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path schemaFile = Path.of(args[0]).resolve("cim-schema/2.49.0-final/cim_schema_2.49.0.mof");
        Path out = Path.of(args[1]).resolve("doc");
        long start = System.nanoTime();
        CimSchema schema = MofCompiler.builder().build().compile(List.of(schemaFile)).schema();
        System.out.printf("compile CIM 2.49 (%d classes), cold: %.0f ms%n", schema.classCount(), ms(start));
        List<Double> render = new ArrayList<>();
        SortedMap<String, String> site = null;
        for (int i = 0; i < 6; i++) {
            start = System.nanoTime();
            site = ClassReference.render(schema, new DocOptions("CIM 2.49", List.of()));
            render.add(ms(start));
        }
        long chars = site.values().stream().mapToLong(String::length).sum();
        System.out.printf("site: %d files, %.1f MB (index %.0f kB, tree %.0f kB, search index %.0f kB)%n", site.size(),
                chars / 1e6, site.get("index.html").length() / 1e3, site.get("tree.html").length() / 1e3,
                site.get("search-index.js").length() / 1e3);
        System.out.printf("render: first (cold JIT) %.0f ms, warm best of 5 %.0f ms, median %.0f ms%n", render.get(0),
                Collections.min(render.subList(1, 6)), median(render.subList(1, 6)));
        deleteTree(out);
        start = System.nanoTime();
        SiteWriter.Result fresh = SiteWriter.write(site, out);
        System.out.printf("write to an empty folder: %d files in %.0f ms%n", fresh.written(), ms(start));
        start = System.nanoTime();
        SiteWriter.Result again = SiteWriter.write(site, out);
        System.out.printf("write again, unchanged: %d files compared, %d written, %.0f ms%n", again.unchanged(),
                again.written(), ms(start));
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!java.nio.file.Files.exists(root)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(root)) {
            for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
