package org.cimforge.codegen.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;

/** The schemas the class reference tests document: the small test MOF and the sample module's MOF. */
final class DocSchemas {
    /** The sample provider's model, which holds the seed class IBMTSESS_AsyncPPRCService. */
    static final Path SAMPLE_MOF = Path.of("../generated-sample/src/main/mof/sample.mof");

    private static CimSchema reference;
    private static CimSchema sample;

    private DocSchemas() {
    }

    /** src/test/resources/mof/doc/reference.mof: one of each thing a page shows. */
    static synchronized CimSchema reference() {
        if (reference == null) {
            try {
                reference = compile(Path.of(DocSchemas.class.getClassLoader().getResource("mof/doc/reference.mof")
                        .toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return reference;
    }

    static synchronized CimSchema sample() {
        if (sample == null) {
            sample = compile(SAMPLE_MOF);
        }
        return sample;
    }

    private static CimSchema compile(Path file) {
        CompilationResult result = MofCompiler.builder().build().compile(List.of(file));
        assertThat(result.hasErrors()).as(result.renderDiagnostics()).isFalse();
        return result.schema();
    }
}
