package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cimforge.runtime.server.RequiredProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's wbemcli walkthrough run against the packaged provider: Debian's sblim-wbemcli is a C client with
 * its own CIM-XML code, so this is a third independent implementation on the wire. Runs where wbemcli is on the
 * PATH (or at {@code -Dcimforge.wbemcli=...}); elsewhere the tests report themselves skipped with the reason, except
 * in CI ({@code CI=true}, where {@code .ci/run} installs it), where a missing wbemcli fails them.
 */
class WbemcliIT {
    private static final Pattern JOB = Pattern.compile("Job \\(reference\\): \\S*?(TPD_ConcreteJob\\.InstanceID=\"[^\"]+\")");
    private static final Pattern JOB_STATE = Pattern.compile("JobState=(\\d+)");
    private static Path wbemcli;
    private static SampleProcess sample;

    @BeforeAll
    static void start() throws Exception {
        wbemcli = locate();
        if (!RequiredProgram.isInstalled(wbemcli)) {
            // Each test then fails (CI) or is skipped with the reason in requireWbemcli; an abort here would make
            // failsafe count no test at all.
            return;
        }
        sample = SampleProcess.start(null, "--copy-rate", "1G");
    }

    @BeforeEach
    void requireWbemcli() {
        // The runtime's rule for outside programs: skipped with the reason here, a failure under CI=true.
        RequiredProgram.require(wbemcli, "sblim-wbemcli");
    }

    @AfterAll
    static void stop() throws Exception {
        if (sample != null) {
            assertThat(sample.stop()).isIn(0, 130, 143);
        }
    }

    private static Path locate() {
        String configured = System.getProperty("cimforge.wbemcli");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wbemcli");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("/usr/bin/wbemcli");
    }

    private static String base(boolean withCredentials) {
        String auth = withCredentials ? SampleProcess.USER + ":" + SampleProcess.PASSWORD + "@" : "";
        return "http://" + auth + "127.0.0.1:" + sample.httpPort() + "/" + SampleProcess.NAMESPACE;
    }

    /** What one wbemcli run printed and how it exited. */
    private record Run(int exit, String out) {
    }

    private static Run wbemcli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(wbemcli.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("wbemcli " + List.of(args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static List<String> lines(Run run) {
        assertThat(run.exit()).as("wbemcli exit code, output:%n%s", run.out()).isZero();
        return run.out().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void listsTheVolumesOfBothArrays() throws Exception {
        List<String> paths = lines(wbemcli("ein", base(true) + ":CIM_StorageVolume"));
        // Seven volumes at start (five 3PAR, two on the ESS); the copy test may have added one.
        assertThat(paths).hasSizeBetween(7, 8);
        assertThat(paths).filteredOn(p -> p.contains(":CIM_StorageVolume.")).hasSize(2);
        List<String> named = lines(wbemcli("ei", base(true) + ":CIM_StorageVolume", "ElementName,BlockSize"));
        assertThat(named).anySatisfy(l -> assertThat(l).contains("ElementName=\"vv-data\"", "BlockSize=512"));
    }

    @Test
    void physicalCopyThroughCreateReplicaRunsAsAJobToCompletion() throws Exception {
        String source = lines(wbemcli("ei", base(true) + ":TPD_StorageVolume", "ElementName")).stream()
                .filter(l -> l.contains("ElementName=\"vv-log\"")).findFirst().orElseThrow().split(" ")[0];
        String service = lines(wbemcli("ein", base(true) + ":TPD_StorageConfigurationService")).get(0);
        String credentials = SampleProcess.USER + ":" + SampleProcess.PASSWORD + "@";
        Run call = wbemcli("cm", "http://" + credentials + service,
                "CreateReplica.ElementName=\"wbemcli-copy\",CopyType=5,SourceElement=" + source);
        assertThat(call.exit()).as(call.out()).isZero();
        assertThat(call.out()).contains("CreateReplica: 4096");
        Matcher job = JOB.matcher(call.out());
        assertThat(job.find()).as("a Job reference in %s", call.out()).isTrue();

        String jobPath = base(true) + ":" + job.group(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int state;
        do {
            Matcher m = JOB_STATE.matcher(String.join("\n", lines(wbemcli("gi", jobPath, "JobState"))));
            assertThat(m.find()).isTrue();
            state = Integer.parseInt(m.group(1));
            if (state != 7) {
                assertThat(System.nanoTime()).as("job still in JobState %d", state).isLessThan(deadline);
                Thread.sleep(200);
            }
        } while (state != 7);
        assertThat(lines(wbemcli("ei", base(true) + ":CIM_StorageVolume", "ElementName")))
                .anySatisfy(l -> assertThat(l).contains("ElementName=\"wbemcli-copy\""));
    }

    @Test
    void missingCredentialsAndUnknownNamespaceAreReportedAsErrors() throws Exception {
        Run anonymous = wbemcli("ein", base(false) + ":CIM_StorageVolume");
        assertThat(anonymous.exit()).isNotZero();
        assertThat(anonymous.out()).contains("Username/password required");
        Run wrong = wbemcli("ein", base(true).replace(SampleProcess.NAMESPACE, "root/nope") + ":CIM_StorageVolume");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.out()).contains("CIM_ERR_INVALID_NAMESPACE");
        assertThat(lines(wbemcli("ein", base(true) + ":CIM_StoragePool"))).hasSize(3);
    }
}
