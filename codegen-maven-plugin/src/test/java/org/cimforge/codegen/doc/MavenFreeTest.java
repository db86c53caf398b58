package org.cimforge.codegen.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The class reference generator, like the code generator, imports no Maven type (it runs from a plain main). */
class MavenFreeTest {

    @Test
    void noSourceOfTheGeneratorPackagesImportsMaven() throws Exception {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java/org/cimforge/codegen"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).extracting(p -> p.getFileName().toString()).contains("ClassReference.java",
                "CimForgeGenerator.java");
        for (Path source : sources) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("org.apache.maven");
        }
    }
}
