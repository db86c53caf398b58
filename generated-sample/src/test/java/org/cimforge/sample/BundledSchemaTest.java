package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.junit.jupiter.api.Test;

/** The MOF the bindings came from travels with them and compiles to the same model. */
class BundledSchemaTest {

    @Test
    void bundledMofIsOnTheClassPathAndCompilesToTheSameClasses() throws IOException {
        String bundled;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SampleServer.SCHEMA_RESOURCE)) {
            // The plugin bundles the MOF per execution: META-INF/cimforge/<execution id>/schema.mof.
            assertThat(in).as("META-INF/cimforge/sample-bindings/schema.mof on the class path").isNotNull();
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CompilationResult fromBundle = MofCompiler.builder().build().compileText("schema.mof", bundled);
        assertThat(fromBundle.diagnostics()).as(fromBundle.renderDiagnostics()).isEmpty();

        CompilationResult fromSources = MofCompiler.builder().warningsAsErrors(true).build()
                .compile(List.of(Path.of("src/main/mof/sample.mof")));
        assertThat(fromSources.diagnostics()).as(fromSources.renderDiagnostics()).isEmpty();

        assertThat(fromBundle.schema().classes()).hasSameSizeAs(fromSources.schema().classes());
        assertThat(fromBundle.schema().classes()).hasSize(72);
        assertThat(fromBundle.schema().cimClass("IBMTSESS_AsyncPPRCService")).isPresent();
        assertThat(fromBundle.schema().cimClass("TPD_StorageConfigurationService")).isPresent();
    }
}
