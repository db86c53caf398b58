package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;

/** Loads the test MOF schemas from the test resources. */
final class TestSchemas {
    private static CimSchema storage;

    private TestSchemas() {
    }

    /** The storage test schema (compiled once per test JVM). */
    static synchronized CimSchema storage() {
        if (storage == null) {
            storage = compile("mof/storage.mof");
        }
        return storage;
    }

    static CimSchema compile(String resource) {
        try {
            Path file = Path.of(TestSchemas.class.getClassLoader().getResource(resource).toURI());
            CompilationResult result = MofCompiler.builder().includePath(List.of(file.getParent())).build()
                    .compile(List.of(file));
            assertThat(result.hasErrors()).as(result.renderDiagnostics()).isFalse();
            return result.schema();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MOF text compiled on its own, after the test qualifier declarations. */
    static CimSchema compileText(String mof) {
        try {
            Path qualifiers = Path.of(TestSchemas.class.getClassLoader().getResource("mof/qualifiers.mof").toURI());
            String text = java.nio.file.Files.readString(qualifiers) + "\n" + mof;
            CompilationResult result = MofCompiler.builder().build().compileText("inline.mof", text);
            assertThat(result.hasErrors()).as(result.renderDiagnostics()).isFalse();
            return result.schema();
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
