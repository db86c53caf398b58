package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole storage test schema, every artifact, compiles with javac -Xlint:all -Werror. */
class GeneratedCodeTest {

    @Test
    void storageSchemaCompilesWithWarningsAsErrors() {
        List<JavaFile> files = CimForgeGenerator.generate(TestSchemas.storage(), CodegenOptions.defaults("com.example"));
        assertThat(Javac.compile(files)).isNotNull();
    }
}
