package org.cimforge.maven.bench;

import com.palantir.javapoet.JavaFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.cimforge.codegen.CimForgeGenerator;
import org.cimforge.codegen.CodegenOptions;
import org.cimforge.codegen.SourceWriter;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;

/**
 * Counts javac's {@code -Xdoclint:missing} warnings on the code generated for the whole CIM 2.49 schema (public and
 * protected elements, as javadoc documents them), grouped by message; see docs/benchmarks.md. Arguments: the
 * shared/mof folder and a work folder.
 */
public final class DoclintCount {
    private DoclintCount() {
    }

    public static void main(String[] args) throws Exception {
        Path schemaFile = Path.of(args[0]).resolve("cim-schema/2.49.0-final/cim_schema_2.49.0.mof");
        Path work = Path.of(args[1]).resolve("doclint");
        CimSchema schema = MofCompiler.builder().build().compile(List.of(schemaFile)).schema();
        List<JavaFile> files = CimForgeGenerator.generate(schema, CodegenOptions.defaults("bench"));
        List<Path> written = SourceWriter.write(files, work.resolve("src"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(work.resolve("classes"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            ok = javac.getTask(null, fm, diagnostics, List.of("-d", classes.toString(), "-proc:none",
                            "-Xdoclint:missing/protected", "-Xmaxwarns", "10000000", "-Xmaxerrs", "100",
                            "-cp", System.getProperty("java.class.path"), "--release", "17"), null,
                    fm.getJavaFileObjectsFromPaths(written)).call();
        }
        Map<String, Integer> byMessage = new TreeMap<>();
        int total = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                System.out.println(d);
            }
            // Doclint reports through javac's messager (code compiler.warn.proc.messager), as warnings.
            if (d.getKind() == Diagnostic.Kind.WARNING) {
                total++;
                // "no @param for x" and "no comment" differ only by name: group by the message's first two words.
                String[] words = d.getMessage(null).split(" ");
                byMessage.merge(words.length > 1 ? words[0] + " " + words[1] : words[0], 1, Integer::sum);
            }
        }
        System.out.printf("%d files, javac %s, %d -Xdoclint:missing warnings%n", written.size(), ok ? "ok" : "FAILED",
                total);
        byMessage.forEach((message, count) -> System.out.printf("  %7d  %s%n", count, message));
    }
}
