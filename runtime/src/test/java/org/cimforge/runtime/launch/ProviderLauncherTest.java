package org.cimforge.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** The command line of provider programs and the server it starts, driven over HTTP with the SBLIM client. */
class ProviderLauncherTest {
    static final String MOF = "cimforge-server/store-model.mof";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ProviderLauncher.Outcome launch(String... args) {
        return ProviderLauncher.launch("demo", getClass().getClassLoader(), MOF, setup -> { }, args,
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                        StandardCharsets.UTF_8));
    }

    @Test
    void defaultsAreTheSampleProvidersPortsAndRootCimv2() {
        ServerOptions o = ServerOptions.parse(new String[0], Map.of(ServerOptions.PASSWORD_VARIABLE, "envpw"));
        assertThat(o).isEqualTo(new ServerOptions("127.0.0.1", 5988, 5989, "admin", "envpw", false, "root/cimv2"));
        assertThat(o.toString()).doesNotContain("envpw");
    }

    @Test
    void portZeroSwitchesAProtocolOffAndAPasswordIsGeneratedWhenNoneIsGiven() {
        ServerOptions o = ServerOptions.parse(new String[] {"--https-port", "0", "--http-port=6000", "--user", "u",
            "--namespace", "root/x"}, Map.of());
        assertThat(o.httpsPort()).isEqualTo(-1);
        assertThat(o.httpPort()).isEqualTo(6000);
        assertThat(o.generatedPassword()).isTrue();
        assertThat(o.password()).hasSize(24);
        assertThat(ServerOptions.parse(new String[] {"--help"}, Map.of())).isNull();
    }

    @Test
    void mistakesAreOneLineAndExitCodeTwo() {
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--http-port", "70000"}, Map.of()))
                .hasMessageContaining("'70000' is not a port number");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--http-port", "0", "--https-port", "0"}, Map.of()))
                .hasMessageContaining("nothing to serve");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--colour", "red"}, Map.of()))
                .hasMessage("unknown option '--colour'");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--user"}, Map.of()))
                .hasMessage("missing value for --user");
        assertThat(launch("--http-port", "x")).isEqualTo(new ProviderLauncher.Outcome.Exit(2));
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("demo: error: --http-port: 'x' is not a port")
                .doesNotContain("\tat ");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(launch("--help")).isEqualTo(new ProviderLauncher.Outcome.Exit(0));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--http-port", "--https-port", "--host", "--user",
                "--password", "--namespace");
    }

    @Test
    void aMissingBundleIsAStartupFailureNamingIt() {
        ProviderLauncher.Outcome o = ProviderLauncher.launch("demo", getClass().getClassLoader(), "no/such.mof",
                setup -> { }, new String[] {"--http-port", "0"}, Map.of(), new PrintStream(out), new PrintStream(err));
        assertThat(o).isEqualTo(new ProviderLauncher.Outcome.Exit(1));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot start: no resource no/such.mof");
    }

    @Test
    void servesTheMofInstancesInTheNamespaceWithTheSetupsProvidersFirst() throws Exception {
        // A provider registered by the setup keeps its class; the store serves the other classes' MOF instances.
        CimInstanceProvider counters = new CimInstanceProvider() {
            @Override
            public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
                return List.of();
            }
        };
        ServerOptions options = new ServerOptions("127.0.0.1", 0, 0, "u", "pw", false, "root/x");
        try (ProviderServer server = ProviderServer.start(options, getClass().getClassLoader(), MOF,
                setup -> setup.providers().instances(setup.namespace(), "STO_Counter", counters))) {
            assertThat(server.httpUrl()).startsWith("http://127.0.0.1:");
            assertThat(server.httpsUrl()).startsWith("https://127.0.0.1:");
            WBEMClient client = server.connect();
            try {
                assertThat(count(client.enumerateInstanceNames(path("root/x", "STO_Disk")))).isEqualTo(2);
                assertThat(client.enumerateInstanceNames(path("root/x", "STO_Counter")).hasNext())
                        .isFalse();
                assertThat(client.enumerateInstanceNames(path("root/interop", "CIM_Namespace"))
                        .hasNext()).isTrue();
            } finally {
                client.close();
            }
            assertThat(server.store().size("root/x")).isGreaterThan(0);
        }
    }

    private static CIMObjectPath path(String namespace, String className) {
        return new CIMObjectPath(null, null, null, namespace, className, null);
    }

    private static int count(CloseableIterator<?> it) {
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        it.close();
        return n;
    }
}
