package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the server with sblim-wbemcli, a second client independent of both the server and the SBLIM Java client
 * (its hand-written response parser is strict about attributes). Needs Debian's {@code sblim-wbemcli} package: without
 * it the class is skipped with the reason, except in CI ({@code CI=true}), where it fails.
 */
class WbemcliTest {
    static final Path WBEMCLI = Path.of("/usr/bin/wbemcli");
    static CimServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        if (!RequiredProgram.isInstalled(WBEMCLI)) {
            return; // each test then fails (CI) or is skipped, in requireWbemcli
        }
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build();
        server = CimServer.start(config, TestModel.repository(), TestModel.providers());
        server.interop().registerProfile("SNIA", "Array", "1.8.0");
        base = "http://admin:secret@127.0.0.1:" + server.port();
    }

    @BeforeEach
    void requireWbemcli() {
        RequiredProgram.require(WBEMCLI, "sblim-wbemcli");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Runs wbemcli with a bounded wait and returns stdout and stderr together. */
    static String wbemcli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(WBEMCLI.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wbemcli did not finish: " + command);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("wbemcli %s exited with %s", command, out).isZero();
        return out;
    }

    @Test
    void enumerateClassNamesAndGetClass() throws Exception {
        assertThat(wbemcli("ecn", base + "/root/test")).contains("TST_Thing", "TST_PoolDisk");
        assertThat(wbemcli("gc", base + "/root/test:TST_Disk")).contains("DeviceID", "Capacity");
    }

    @Test
    void enumerateAndGetInstances() throws Exception {
        String names = wbemcli("ein", base + "/root/test:TST_Disk");
        assertThat(names).contains("TST_Disk.DeviceID=\"d1\"", "TST_FastDisk.DeviceID=\"f1\"");
        String all = wbemcli("ei", base + "/root/test:TST_Pool");
        assertThat(all).contains("InstanceID=\"p1\"", "Size=1000");
        String one = wbemcli("gi", base + "/root/test:TST_Disk.DeviceID=\"d2\"");
        assertThat(one).contains("Capacity=200", "Online=TRUE");
    }

    @Test
    void associatorsAndInvokeMethod() throws Exception {
        String assoc = wbemcli("ain", base + "/root/test:TST_Pool.InstanceID=\"p1\"");
        assertThat(assoc).contains("DeviceID=\"d1\"", "DeviceID=\"f1\"");
        String out = wbemcli("cm", base + "/root/test:TST_Disk", "Ping.Text=\"hi\",Count=3");
        assertThat(out).contains("3").contains("pong hi");
    }

    @Test
    void interopNamespaceIsDiscoverable() throws Exception {
        assertThat(wbemcli("ei", base + "/root/interop:CIM_RegisteredProfile")).contains("RegisteredName=\"Array\"");
        assertThat(wbemcli("ein", base + "/root/interop:CIM_Namespace")).contains("root/test");
        assertThat(wbemcli("ein", base + "/root/interop:CIM_ObjectManager")).contains("CIM_ObjectManager");
    }
}
