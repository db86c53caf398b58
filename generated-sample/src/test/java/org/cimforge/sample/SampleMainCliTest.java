package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.security.SecureRandom;
import java.util.Map;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.EngineConfig;
import org.cimforge.array.clock.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleMainCliTest {
    private static final Exception NOT_STARTED = new IllegalStateException("test starter: not started");

    private static SampleMainTestSupport main() {
        return new SampleMainTestSupport(Map.of(), new PasswordGenerator(new SecureRandom()), NOT_STARTED);
    }

    @Test
    void helpListsEveryFlagAndExitsZeroWithoutStarting() {
        SampleMainTestSupport main = main();
        assertThat(main.exitCode("--help")).isZero();
        assertThat(main.out()).contains("--help", "--version", "--http-port", "--https-port", "--host", "--user",
                "--password", "--data-dir", "--copy-rate", "--config", "default: 5988", "default: 5989",
                "default: 127.0.0.1", "default: admin", "0 switches HTTPS off", SampleMain.PASSWORD_VARIABLE,
                "Exit codes");
        assertThat(main.err()).isEmpty();
        assertThat(main.started).isEmpty();
    }

    @Test
    void helpNeverShowsThePasswordFromTheEnvironment() {
        SampleMainTestSupport main = new SampleMainTestSupport(Map.of(SampleMain.PASSWORD_VARIABLE, "s3cretValue"),
                new PasswordGenerator(new SecureRandom()), NOT_STARTED);
        assertThat(main.exitCode("-h")).isZero();
        assertThat(main.out()).doesNotContain("s3cretValue");
    }

    @Test
    void versionNamesTheProgram() {
        SampleMainTestSupport main = main();
        assertThat(main.exitCode("--version")).isZero();
        assertThat(main.out()).startsWith(SampleMain.PROGRAM + " ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus|Unknown option: '--bogus'",
        "--http-port=http|'http' is not a port number",
        "--https-port=70000|'70000' is not a port number",
        "--http-port=-1|'-1' is not a port number",
        "--copy-rate=fast|'fast' is not a rate",
        "--copy-rate=0|at least 1 byte per second",
        "--user=a:b|cannot be an HTTP Basic user name",
        "--password=|the password must not be empty",
        "--http-port|Missing required parameter for option '--http-port'",
        "extra|Unmatched argument at index 0: 'extra'",
    })
    void badInputGivesOneLinePlusHintAndExitTwo(String arg, String expected) {
        SampleMainTestSupport main = main();
        assertThat(main.exitCode(arg)).isEqualTo(SampleMain.EXIT_USAGE);
        assertThat(main.err().lines()).hasSize(2);
        assertThat(main.err().lines().findFirst().orElseThrow()).startsWith(SampleMain.PROGRAM + ": error: ")
                .contains(expected);
        assertThat(main.err()).contains("Try 'cimforge-sample --help'").doesNotContain("Exception", "\tat ");
        assertThat(main.out()).isEmpty();
        assertThat(main.started).isEmpty();
    }

    @Test
    void bothPortsOffIsAUsageError() {
        SampleMainTestSupport main = main();
        assertThat(main.exitCode("--http-port", "0", "--https-port", "0")).isEqualTo(SampleMain.EXIT_USAGE);
        assertThat(main.err()).contains("nothing to serve");
    }

    @Test
    void samePortTwiceIsAUsageError() {
        SampleMainTestSupport main = main();
        assertThat(main.exitCode("--http-port", "6000", "--https-port", "6000")).isEqualTo(SampleMain.EXIT_USAGE);
        assertThat(main.err()).contains("they need different ports");
    }

    @Test
    void defaultsReachTheServerOptions() {
        SampleMainTestSupport main = main();
        main.exitCode();
        SampleOptions options = main.options();
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.httpPort()).isEqualTo(5988);
        assertThat(options.httpsPort()).isEqualTo(5989);
        assertThat(options.users()).containsOnlyKeys("admin");
        assertThat(options.dataDirectory()).isNull();
        assertThat(options.copyRate()).isZero();
        assertThat(options.initialSetup()).isInstanceOf(SampleConfigApplier.class);
    }

    @Test
    void httpsPortZeroSwitchesHttpsOff() {
        SampleMainTestSupport main = main();
        main.exitCode("--https-port", "0", "--http-port", "15988");
        assertThat(main.options().httpsPort()).isEqualTo(-1);
        assertThat(main.options().httpPort()).isEqualTo(15988);
    }

    @Test
    void httpPortZeroSwitchesHttpOff() {
        SampleMainTestSupport main = main();
        main.exitCode("--http-port=0");
        assertThat(main.options().httpPort()).isEqualTo(-1);
        assertThat(main.options().httpsPort()).isEqualTo(5989);
    }

    @Test
    void flagsReachTheServerOptions() {
        SampleMainTestSupport main = main();
        main.exitCode("--host", "0.0.0.0", "--user", "operator", "--password", "pw1", "--copy-rate", "200M");
        SampleOptions options = main.options();
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.users()).isEqualTo(Map.of("operator", "pw1"));
        assertThat(options.copyRate()).isEqualTo(200L << 20);
    }

    @Test
    void passwordFromTheEnvironmentIsUsedAndNotPrinted() {
        SampleMainTestSupport main = new SampleMainTestSupport(Map.of(SampleMain.PASSWORD_VARIABLE, "fromEnv"),
                new PasswordGenerator(new SecureRandom()), NOT_STARTED);
        main.exitCode();
        assertThat(main.options().users()).isEqualTo(Map.of("admin", "fromEnv"));
        assertThat(main.out() + main.err()).doesNotContain("fromEnv");
    }

    @Test
    void commandLinePasswordWinsOverTheEnvironment() {
        SampleMainTestSupport main = new SampleMainTestSupport(Map.of(SampleMain.PASSWORD_VARIABLE, "fromEnv"),
                new PasswordGenerator(new SecureRandom()), NOT_STARTED);
        main.exitCode("--password", "fromFlag");
        assertThat(main.options().users()).isEqualTo(Map.of("admin", "fromFlag"));
    }

    @Test
    void aStartupFailureIsOneLineWithExitOne() {
        IOException bind = new IOException("Failed to bind to /127.0.0.1:5988",
                new BindException("Address already in use"));
        SampleMainTestSupport main = new SampleMainTestSupport(Map.of(), new PasswordGenerator(new SecureRandom()),
                new IllegalStateException(bind));
        assertThat(main.exitCode()).isEqualTo(SampleMain.EXIT_STARTUP_FAILED);
        assertThat(main.err().lines()).containsExactly(SampleMain.PROGRAM + ": error: cannot start: Failed to bind to"
                + " /127.0.0.1:5988: Address already in use (is another provider running? choose other ports with"
                + " --http-port/--https-port)");
    }

    @Test
    void aConfigRefusalDuringStartIsReportedWithItsLocationAndExitTwo() {
        SampleConfigException located = new SampleConfigException("array.yaml:3:5", "pool 'p': too big");
        SampleMainTestSupport main = new SampleMainTestSupport(Map.of(), new PasswordGenerator(new SecureRandom()),
                new RuntimeException(new IllegalStateException(located.getMessage(), located)));
        assertThat(main.exitCode()).isEqualTo(SampleMain.EXIT_USAGE);
        assertThat(main.err().lines()).containsExactly("array.yaml:3:5: error: pool 'p': too big");
    }

    @Test
    void theDefaultArrayIsBuiltOnlyIntoAnEmptyEngine() {
        SampleMainTestSupport main = main();
        main.exitCode();
        SampleConfigApplier setup = (SampleConfigApplier) main.options().initialSetup();
        try (ArrayEngine engine = ArrayEngine.open(EngineConfig.defaults().withClock(new ManualClock()))) {
            setup.accept(engine);
            assertThat(setup.applied()).isTrue();
            assertThat(engine.storage().systems()).hasSize(2);
            assertThat(engine.storage().pools()).hasSize(3);
            assertThat(engine.storage().volumeCount()).isEqualTo(7);
            setup.accept(engine);
            assertThat(engine.storage().volumeCount()).as("not applied twice").isEqualTo(7);
        }
    }

    @Test
    void copyRatesAcceptBinaryUnits() {
        assertThat(CliSizes.parseRate("200M")).isEqualTo(200L << 20);
        assertThat(CliSizes.parseRate("200MB/s")).isEqualTo(200L << 20);
        assertThat(CliSizes.parseRate("1.5GiB")).isEqualTo(3L << 29);
        assertThat(CliSizes.parseRate("64k")).isEqualTo(65536);
        assertThat(CliSizes.parseRate("1000")).isEqualTo(1000);
        assertThatThrownBy(() -> CliSizes.parseSize("10M/s")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> CliSizes.parseRate("9000000P")).hasMessageContaining("too large");
        assertThat(CliSizes.format(256L << 20)).isEqualTo("256 MiB");
        assertThat(CliSizes.format(1000)).isEqualTo("1000 bytes");
    }

    @Test
    void anEndlessOrHugeConfigFileIsOneLineWithExitTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path huge = dir.resolve("huge.yaml");
        try (var out = java.nio.file.Files.newOutputStream(huge)) {
            byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes();
            for (long written = 0; written <= SampleConfigLoader.MAX_FILE_BYTES; written += line.length) {
                out.write(line);
            }
        }
        for (String file : new String[] {"/dev/zero", huge.toString()}) {
            if (file.startsWith("/dev/") && !java.nio.file.Files.exists(java.nio.file.Path.of(file))) {
                continue; // not on this system (Windows); the huge file still runs
            }
            SampleMainTestSupport main = main();
            assertThat(main.exitCode("--config", file)).as(file).isEqualTo(SampleMain.EXIT_USAGE);
            assertThat(main.err().lines()).as(file).containsExactly(file + ": error: larger than 4 MiB; a"
                    + " configuration describes an array (use 'count' for many volumes), it holds no data");
        }
        SampleMainTestSupport main = main();
        assertThat(main.exitCode("--config", dir.toString())).isEqualTo(SampleMain.EXIT_USAGE);
        assertThat(main.err()).contains("is a directory");
    }
}
