package org.cimforge.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./mofc} script end to end, as a user runs it from the repository root after
 * {@code package}: {@code -I} with only a schema folder compiles a vendor MOF that includes nothing,
 * and a class the folder lacks is a located error with exit status 1; the class-data-sharing archive
 * that the first run writes, a damaged one, and the MOFC_CDS and MOFC_JAVA_OPTS settings.
 */
class MofcScriptIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RESOURCES = Path.of("src/test/resources/searchpath").toAbsolutePath();

    private record Run(int status, String out, String err) {
    }

    private static Run mofc(String... args) throws IOException, InterruptedException {
        return mofc(Map.of(), args);
    }

    private static Run mofc(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", ROOT.resolve("mofc").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("mofc", ".out");
        Path err = Files.createTempFile("mofc", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().remove("MOFC_JAVA_OPTS");
        builder.environment().remove("MOFC_CDS");
        builder.environment().putAll(environment);
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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

    private static final Path ARCHIVES = Path.of("target/mofc-cds").toAbsolutePath();

    private static List<Path> archives() throws IOException {
        if (!Files.isDirectory(ARCHIVES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ARCHIVES)) {
            return files.sorted().toList();
        }
    }

    private static void deleteArchives() throws IOException {
        for (Path file : archives()) {
            Files.delete(file);
        }
    }

    /** The archive's name ends in its size: what the launcher checks before handing it to the JVM. */
    private static void assertWhole(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        assertThat(name).endsWith(".jsa").contains("@");
        assertThat(Files.size(archive)).as(name)
                .isEqualTo(Long.parseLong(name.substring(name.lastIndexOf('@') + 1, name.length() - 4)));
    }

    @Test
    void firstRunWritesTheClassDataArchiveAndLaterRunsGiveTheSameOutput() throws Exception {
        deleteArchives();
        String vendor = RESOURCES.resolve("vendor/acme.mof").toString();
        String schema = RESOURCES.resolve("schema").toString();
        assertThat(mofc("--help").status()).isZero();
        assertThat(archives()).as("a help run writes no archive").isEmpty();

        Run first = mofc("-I", schema, vendor);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(archives()).singleElement().satisfies(MofcScriptIT::assertWhole);
        Run second = mofc("-I", schema, vendor);
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).isEqualTo(first.err());
        assertThat(second.out().replaceAll("\\d+ ms", "")).isEqualTo(first.out().replaceAll("\\d+ ms", ""));
    }

    @Test
    void aDamagedArchiveIsReplacedAndNeverFailsARun() throws Exception {
        deleteArchives();
        String vendor = RESOURCES.resolve("vendor/acme.mof").toString();
        assertThat(mofc("-I", RESOURCES.resolve("schema").toString(), vendor).status()).isZero();
        Path archive = archives().get(0);
        // Cut short under its own name: the JVM would crash on mapping it, so the launcher must not pass it on.
        byte[] head = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, java.util.Arrays.copyOf(head, 4096));

        Run run = mofc("-I", RESOURCES.resolve("schema").toString(), vendor);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("fatal error").doesNotContain("warning");
        assertThat(archives()).singleElement().satisfies(MofcScriptIT::assertWhole);
    }

    @Test
    void environmentChoosesJvmOptionsOrNoArchive() throws Exception {
        deleteArchives();
        String vendor = RESOURCES.resolve("vendor/acme.mof").toString();
        String schema = RESOURCES.resolve("schema").toString();
        Run off = mofc(Map.of("MOFC_CDS", "off"), "-I", schema, vendor);
        assertThat(off.status()).as(off.err()).isZero();
        assertThat(archives()).isEmpty();

        // Another collector and a heap size replace the launcher's own, rather than clash with them.
        Run serial = mofc(Map.of("MOFC_JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m"), "-I", schema, vendor);
        assertThat(serial.status()).as(serial.err()).isZero();
        assertThat(serial.out()).contains("0 errors");
        Run plain = mofc("-I", schema, vendor);
        assertThat(plain.status()).as(plain.err()).isZero();
        assertThat(archives()).as("one archive per set of JVM options").hasSize(2);
    }
}
