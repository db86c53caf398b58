package org.cimforge.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/** Compiles generated files with compile-testing's javac (warnings as errors) and loads the classes. */
final class Javac {
    // -proc:none: no annotation processor found on the test class path may run over the generated code.
    private static final List<String> OPTIONS = List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17");

    private Javac() {
    }

    /** Compiles the files (and any hand-written sources using them) against the test class path, asserting nothing. */
    static Compilation compilation(List<JavaFile> files, JavaFileObject... extra) {
        return compilation(List.of(), files, extra);
    }

    /** Like {@link #compilation(List, JavaFileObject...)} with more javac options (e.g. doclint). */
    static Compilation compilation(List<String> moreOptions, List<JavaFile> files, JavaFileObject... extra) {
        List<JavaFileObject> sources = new ArrayList<>(files.stream().map(JavaFile::toJavaFileObject).toList());
        sources.addAll(List.of(extra));
        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(moreOptions);
        return Compiler.javac().withOptions(options)
                .withClasspath(classPath())
                .compile(sources);
    }

    /** Compiles the files and returns a loader for the result; fails on any diagnostic, warnings included. */
    static ClassLoader compile(List<JavaFile> files, JavaFileObject... extra) {
        Compilation compilation = compilation(files, extra);
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, JavaFileObject> classes = compilation.generatedFiles().stream()
                .filter(f -> f.getKind() == JavaFileObject.Kind.CLASS)
                .collect(Collectors.toMap(Javac::binaryName, Function.identity()));
        return new ClassLoader(Javac.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                JavaFileObject file = classes.get(name);
                if (file == null) {
                    throw new ClassNotFoundException(name);
                }
                try (InputStream in = file.openInputStream()) {
                    byte[] b = in.readAllBytes();
                    return defineClass(name, b, 0, b.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** compile-testing names class outputs {@code /CLASS_OUTPUT/com/example/X$Y.class}. */
    private static String binaryName(JavaFileObject file) {
        String path = file.toUri().getPath();
        String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    /** The test class path: runtime, JSR48 library, JSpecify (surefire gives a real one, see the pom). */
    private static List<File> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(File::new).toList();
    }
}
