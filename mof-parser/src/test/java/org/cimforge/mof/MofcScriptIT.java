package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./mofc} script end to end, as a user runs it from the repository root after
 * {@code package}: {@code -I} with only a schema folder compiles a vendor MOF that includes nothing,
 * and a class the folder lacks is a located error with exit status 1.
 */
class MofcScriptIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RESOURCES = Path.of("src/test/resources/searchpath").toAbsolutePath();

    private record Run(int status, String out, String err) {
    }

    private static Run mofc(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", ROOT.resolve("mofc").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("mofc", ".out");
        Path err = Files.createTempFile("mofc", ".err");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("mofc finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void includeFolderActsAsClassSearchPath() throws Exception {
        Run ok = mofc("-I", RESOURCES.resolve("schema").toString(), RESOURCES.resolve("vendor/acme.mof").toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("9 files (8 found on the include path by name)").contains("0 errors");

        Run missing = mofc("-I" + RESOURCES.resolve("schema"), RESOURCES.resolve("vendor/missing.mof").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains(RESOURCES.resolve("vendor/missing.mof") + ":2:21: error: superclass "
                        + "CIM_NoSuchClass of ACME_Widget is not declared; no file CIM_NoSuchClass.mof under the include path")
                .contains("[unknown-superclass]").doesNotContain("\tat org.");
    }
}
