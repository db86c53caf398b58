package org.cimforge.mof.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared MOF corpus ({@code ../shared/mof}); the corpus profile only runs these tests where it exists. */
final class Corpus {
    private Corpus() {
    }

    static Path root() {
        String dir = System.getProperty("cimforge.corpus.dir");
        assertThat(dir).as("system property cimforge.corpus.dir (set by the corpus profile)").isNotBlank();
        Path root = Path.of(dir).toAbsolutePath().normalize();
        assertThat(root.resolve("README.md")).as("corpus README").exists();
        return root;
    }

    static Path cim249() {
        return root().resolve("cim-schema/2.49.0-final");
    }

    static Path cim241() {
        return root().resolve("cim-schema/2.41.0-final-openpegasus");
    }

    /** Every MOF input under compiler-tests/ and vendor/, sorted, as paths relative to the corpus root. */
    static List<Path> testInputs() {
        Path root = root();
        try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("compiler-tests")), Files.walk(root.resolve("vendor")))) {
            return files.filter(p -> p.toString().endsWith(".mof") || p.toString().endsWith(".mof.in"))
                    .map(root::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
