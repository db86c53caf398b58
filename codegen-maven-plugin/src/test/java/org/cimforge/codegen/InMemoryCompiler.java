package org.cimforge.codegen;

import com.palantir.javapoet.JavaFile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated files with javac in memory (warnings as errors) and loads the classes. */
final class InMemoryCompiler {

    private InMemoryCompiler() {
    }

    /** Compiles the files against the test class path and returns a loader for the result; fails on any diagnostic. */
    static ClassLoader compile(List<JavaFile> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(className, out);
                        return out;
                    }
                };
            }
        };
        List<JavaFileObject> sources = new ArrayList<>();
        files.forEach(f -> sources.add(f.toJavaFileObject()));
        List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
                "-classpath", System.getProperty("java.class.path"));
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, manager, diagnostics, options, null, sources).call();
        if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
            StringBuilder report = new StringBuilder("javac failed:\n").append(out);
            int shown = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (shown++ < 30) {
                    report.append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
                            .append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
                }
            }
            report.append(diagnostics.getDiagnostics().size()).append(" diagnostics");
            throw new AssertionError(report.toString());
        }
        return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] b = bytes.toByteArray();
                return defineClass(name, b, 0, b.length);
            }
        };
    }
}
