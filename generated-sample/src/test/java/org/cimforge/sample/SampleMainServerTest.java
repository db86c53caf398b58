package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import org.cimforge.runtime.client.MethodOutcome;
import org.cimforge.sample.bindings.cim.StoragePool;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.client.StoragePoolClient;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService;
import org.cimforge.sample.bindings.hp3par.client.TpdStorageConfigurationServiceClient;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyElementFromStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyElementFromStoragePoolResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/** Starts the provider the way {@code main} does, on free ports of 127.0.0.1, and talks to it over HTTP. */
class SampleMainServerTest {
    private static final Pattern GENERATED = Pattern.compile("generated password for user 'admin': ([A-Za-z0-9]+)");
    private static final List<String> DEFAULT_VOLUMES = List.of("vv-data", "vv-log", "vv-web-1", "vv-web-2",
            "vv-web-3", "ess-1", "ess-2");

    @TempDir
    Path dir;

    /** Free ports: the command line cannot ask for port 0, so the test finds some itself. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static SampleMainTestSupport main() {
        return new SampleMainTestSupport(Map.of(), new PasswordGenerator(new SecureRandom()));
    }

    private static String generatedPassword(SampleMainTestSupport main) {
        Matcher m = GENERATED.matcher(main.out());
        assertThat(m.find()).as("a generated password in %s", main.out()).isTrue();
        return m.group(1);
    }

    private static WBEMClient connect(int port, String user, String password) throws WBEMException {
        WBEMClient client = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        client.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(port), null, null, null), subject,
                new Locale[] {Locale.US});
        return client;
    }

    private static List<String> volumeNamesBySblim(WBEMClient client) throws WBEMException {
        List<String> names = new ArrayList<>();
        CIMObjectPath volumes = new CIMObjectPath(null, null, null, SampleServer.NAMESPACE, "CIM_StorageVolume", null);
        CloseableIterator<CIMInstance> it = client.enumerateInstances(volumes, true, false, false, null);
        try {
            for (int i = 0; i < 10_000 && it.hasNext(); i++) {
                names.add(String.valueOf(it.next().getPropertyValue("ElementName")));
            }
        } finally {
            it.close();
        }
        return names;
    }

    @Test
    void servesTheDefaultArrayWithAuthenticationAndStopsCleanly() throws Exception {
        int[] ports = freePorts(2);
        SampleMainTestSupport main = main();
        SampleMain.Launch launch = main.launch("--http-port", "" + ports[0], "--https-port", "" + ports[1]);
        assertThat(launch).as(main.err()).isInstanceOf(SampleMain.Launch.Running.class);
        SampleMain.Launch.Running running = (SampleMain.Launch.Running) launch;
        WBEMClient client = null;
        try {
            assertThat(main.out()).contains("serving namespace root/cimforge at http://127.0.0.1:" + ports[0]
                    + " and https://127.0.0.1:" + ports[1], "authenticate as user 'admin' with the password printed"
                    + " above (valid for this run only)", "array: 2 systems, 3 pools, 7 volumes, created from the"
                    + " built-in sample array (in memory); copies run at 256 MiB/s", "press Ctrl-C to stop");
            String password = generatedPassword(main);
            client = connect(ports[0], "admin", password);
            assertThat(volumeNamesBySblim(client)).containsExactlyInAnyOrderElementsOf(DEFAULT_VOLUMES);
            assertThat(new StorageVolumeClient(client, SampleServer.NAMESPACE).enumerate())
                    .extracting(StorageVolume::getElementName).containsExactlyInAnyOrderElementsOf(DEFAULT_VOLUMES);

            WBEMClient intruder = connect(ports[0], "admin", password + "x");
            try {
                assertThatThrownBy(() -> volumeNamesBySblim(intruder)).isInstanceOf(WBEMException.class);
            } finally {
                intruder.close();
            }
        } finally {
            if (client != null) {
                client.close();
            }
            running.stop();
        }
        assertThat(main.out()).contains("stopping", "stopped; the in-memory array is discarded");
        assertThat(main.err()).isEmpty();
        try (ServerSocket reuse = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress())) {
            assertThat(reuse.getLocalPort()).as("the HTTP port is free again after stop").isEqualTo(ports[0]);
        }
    }

    @Test
    void aDataDirectoryKeepsTheArrayAndThePasswordAcrossRestarts() throws Exception {
        Path data = dir.resolve("data");
        Path other = Files.writeString(dir.resolve("other.yaml"), "systems: []\n");
        int[] ports = freePorts(1);
        String[] args = {"--http-port", "" + ports[0], "--https-port", "0", "--data-dir", data.toString()};

        SampleMainTestSupport first = main();
        SampleMain.Launch.Running running = (SampleMain.Launch.Running) first.launch(args);
        String password = generatedPassword(first);
        try {
            assertThat(running.server().httpsUrl()).isNull();
            assertThat(first.out()).contains("at http://127.0.0.1:" + ports[0] + "\n");
            WBEMClient client = connect(ports[0], "admin", password);
            try {
                // An acknowledged change made over CIM: a new volume in pool FC_r5 of the 3PAR.
                StoragePool pool = new StoragePoolClient(client, SampleServer.NAMESPACE).enumerate().stream()
                        .filter(p -> "FC_r5".equals(p.getElementName())).findFirst().orElseThrow();
                TpdStorageConfigurationService service = new TpdStorageConfigurationServiceClient(client,
                        SampleServer.NAMESPACE).enumerate().get(0);
                CreateOrModifyElementFromStoragePoolResult created = new TpdStorageConfigurationServiceClient(client,
                        SampleServer.NAMESPACE).createOrModifyElementFromStoragePool(service.reference(),
                        new CreateOrModifyElementFromStoragePoolArgs.Builder().elementName("vv-new")
                                .elementType(CreateOrModifyElementFromStoragePoolArgs.ElementType.STORAGE_VOLUME)
                                .inPool(pool.reference()).size(BigInteger.valueOf(1L << 30)).build());
                assertThat(created.getReturnValue().number()).isZero();
            } finally {
                client.close();
            }
        } finally {
            running.stop();
        }
        assertThat(first.out()).contains("stopped; the array is kept in " + data);

        SampleMainTestSupport second = main();
        String[] again = {args[0], args[1], args[2], args[3], args[4], args[5], "--config", other.toString()};
        running = (SampleMain.Launch.Running) second.launch(again);
        try {
            assertThat(second.out()).doesNotContain(password).contains("with the password generated at first start"
                    + " (kept in " + data.resolve("password") + ")", "array: 2 systems, 3 pools, 8 volumes, reopened"
                    + " from " + data + " (" + other + " not applied: the array was not empty)");
            WBEMClient client = connect(ports[0], "admin", password);
            try {
                assertThat(volumeNamesBySblim(client)).contains("vv-new").hasSize(8);
            } finally {
                client.close();
            }
        } finally {
            running.stop();
        }
    }

    /** The Java walkthrough of the README, as written there (only the port and the password differ). */
    @Test
    void theReadmeJavaWalkthroughRuns() throws Exception {
        int[] ports = freePorts(1);
        SampleMainTestSupport main = main();
        // A fast copy rate so that the 8 GiB copy of vv-data ends within the test's patience.
        SampleMain.Launch.Running running = (SampleMain.Launch.Running) main.launch("--http-port", "" + ports[0],
                "--https-port", "0", "--copy-rate", "4G");
        String password = generatedPassword(main);
        WBEMClient wbem = connect(ports[0], "admin", password);
        try {
            String ns = SampleServer.NAMESPACE;
            List<StorageVolume> volumes = new StorageVolumeClient(wbem, ns).enumerate();
            StorageVolume source = volumes.stream().filter(v -> "vv-data".equals(v.getElementName())).findFirst()
                    .orElseThrow();
            TpdStorageConfigurationServiceClient services = new TpdStorageConfigurationServiceClient(wbem, ns);
            TpdStorageConfigurationService service = services.enumerate().get(0);
            MethodOutcome<CreateReplicaResult> copy = services.createReplicaAndWait(service.reference(),
                    new CreateReplicaArgs.Builder().elementName("vv-data-copy").sourceElement(source.reference())
                            .copyType(CreateReplicaArgs.CopyType.UN_SYNC_UN_ASSOC).build(),
                    Duration.ofMinutes(1));

            assertThat(copy.result().getReturnCode())
                    .isEqualTo(CreateReplicaResult.ReturnCode.METHOD_PARAMETERS_CHECKED_JOB_STARTED);
            assertThat(copy.job().isCompleted()).as("job state %s", copy.job().jobState()).isTrue();
            assertThat(new StorageVolumeClient(wbem, ns).get(copy.result().getTargetElement().as(StorageVolume.class)).getElementName())
                    .isEqualTo("vv-data-copy");
        } finally {
            wbem.close();
            running.stop();
        }
    }

    @Test
    void aPortInUseIsOneClearLineAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SampleMainTestSupport main = main();
            SampleMain.Launch launch = main.launch("--http-port", "" + taken.getLocalPort(), "--https-port", "0",
                    "--password", "p");
            assertThat(launch).isEqualTo(new SampleMain.Launch.Exit(SampleMain.EXIT_STARTUP_FAILED));
            assertThat(main.err().lines()).singleElement().asString()
                    .startsWith("cimforge-sample: error: cannot start: ")
                    .contains("" + taken.getLocalPort(), "choose other ports with --http-port/--https-port")
                    .doesNotContain("Exception", "\tat ");
        }
    }
}
