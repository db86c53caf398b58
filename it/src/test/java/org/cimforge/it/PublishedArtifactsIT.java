package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every library module of the reactor builds a sources jar and a Javadoc jar beside its jar, so that they are
 * installed and deployed with it and an IDE can show both.
 */
class PublishedArtifactsIT {
    private static final Path ROOT = Path.of(System.getProperty("cimforge.reactor.root", ".."));
    private static final String VERSION = System.getProperty("cimforge.version");

    @ParameterizedTest
    @CsvSource({
        "mof-parser, org/cimforge/mof/MofCompiler",
        "array-engine, org/cimforge/array/ArrayEngine",
        "runtime, org/cimforge/runtime/server/CimServer",
        "codegen-maven-plugin, org/cimforge/codegen/CimForgeGenerator",
    })
    void aLibraryShipsItsSourcesAndJavadoc(String module, String type) throws IOException {
        assertThat(VERSION).as("cimforge.version (set by it/pom.xml)").isNotBlank();
        Path target = ROOT.resolve(module).resolve("target");
        assertThat(entries(target.resolve(module + "-" + VERSION + "-sources.jar"))).contains(type + ".java");
        assertThat(entries(target.resolve(module + "-" + VERSION + "-javadoc.jar"))).contains(type + ".html", "index.html");
    }

    private static java.util.List<String> entries(Path jar) throws IOException {
        assertThat(jar).as("jar built by the reactor").isRegularFile();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> e.getName()).toList();
        }
    }
}
