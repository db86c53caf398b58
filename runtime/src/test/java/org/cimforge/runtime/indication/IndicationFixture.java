package org.cimforge.runtime.indication;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;
import org.metricshub.wbem.javax.wbem.listener.IndicationListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListenerFactory;

/** The test schema, a server over it, the SBLIM client and listener, and builders of jobs and subscriptions. */
final class IndicationFixture {
    static final String NS = "root/jobs";
    static final String INTEROP = "root/interop";
    static final String PROGRESS = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob AND "
            + "SourceInstance.CIM_ConcreteJob::PercentComplete <> PreviousInstance.CIM_ConcreteJob::PercentComplete";
    static final String COMPLETED_OK = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 17 "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 2";
    static final String FAILED = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 17 "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 6";
    static final String STATE_CHANGE = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob "
            + "AND SourceInstance.CIM_ConcreteJob::JobState <> PreviousInstance.CIM_ConcreteJob::JobState";
    static final String CREATED = "SELECT * FROM CIM_InstCreation WHERE SourceInstance ISA CIM_ConcreteJob";
    /** Retries short enough for tests: 3 retries 20, 40, 80 ms apart. */
    static final DeliverySettings SHORT_RETRIES = DeliverySettings.defaults()
            .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(80))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2));

    private IndicationFixture() {
    }

    static CimSchema schema() {
        try (InputStream in = IndicationFixture.class.getResourceAsStream("indication-test.mof")) {
            String mof = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CompilationResult result = MofCompiler.builder().build().compileText("indication-test.mof", mof);
            if (result.hasErrors()) {
                throw new IllegalStateException(result.renderDiagnostics());
            }
            return result.schema();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CimServer server(Path dataDirectory, DeliverySettings settings) throws Exception {
        return server(dataDirectory, settings, new CimProviderRegistry());
    }

    static CimServer server(Path dataDirectory, DeliverySettings settings, CimProviderRegistry providers)
            throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .dataDirectory(dataDirectory).indicationDelivery(settings).build();
        return CimServer.start(config, new CimClassRepository().namespace(NS, schema()), providers);
    }

    static WBEMClient client(CimServer server) throws WBEMException {
        WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrivateCredentials().add(new PasswordCredential("secret"));
        c.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(server.port()), null, null, null), subject,
                new Locale[] {Locale.US});
        return c;
    }

    static CIMObjectPath interopClass(String className) {
        return new CIMObjectPath(null, null, null, INTEROP, className, null);
    }

    static <T> List<T> drain(CloseableIterator<T> it) throws WBEMException {
        List<T> out = new ArrayList<>();
        try {
            while (it.hasNext()) {
                out.add(it.next());
            }
            if (it.getWBEMException() != null) {
                throw it.getWBEMException();
            }
        } finally {
            it.close();
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    // ---- subscriptions over CIM-XML ----

    static CIMObjectPath destination(WBEMClient client, String name, String url) throws WBEMException {
        return client.createInstance(new CIMInstance(interopClass("CIM_ListenerDestinationCIMXML"),
                new CIMProperty<?>[] {
                    new CIMProperty<>("Name", CIMDataType.STRING_T, name),
                    new CIMProperty<>("Destination", CIMDataType.STRING_T, url)}));
    }

    static CIMObjectPath filter(WBEMClient client, String name, String query) throws WBEMException {
        return filter(client, name, query, "DMTF:CQL");
    }

    static CIMObjectPath filter(WBEMClient client, String name, String query, String language) throws WBEMException {
        return client.createInstance(new CIMInstance(interopClass("CIM_IndicationFilter"), new CIMProperty<?>[] {
            new CIMProperty<>("Name", CIMDataType.STRING_T, name),
            new CIMProperty<>("Query", CIMDataType.STRING_T, query),
            new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, language),
            new CIMProperty<>("SourceNamespaces", CIMDataType.STRING_ARRAY_T, new String[] {NS})}));
    }

    static CIMObjectPath subscribe(WBEMClient client, CIMObjectPath filter, CIMObjectPath destination,
                                   Integer onFatalErrorPolicy) throws WBEMException {
        List<CIMProperty<?>> props = new ArrayList<>(List.of(
                new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"), withNamespace(filter)),
                new CIMProperty<>("Handler", new CIMDataType("CIM_ListenerDestination"), withNamespace(destination))));
        if (onFatalErrorPolicy != null) {
            props.add(new CIMProperty<>("OnFatalErrorPolicy", CIMDataType.UINT16_T,
                    new UnsignedInteger16(onFatalErrorPolicy)));
        }
        return client.createInstance(new CIMInstance(interopClass("CIM_IndicationSubscription"),
                props.toArray(new CIMProperty<?>[0])));
    }

    static CIMObjectPath withNamespace(CIMObjectPath p) {
        return p.getNamespace() != null && !p.getNamespace().isEmpty() ? p
                : new CIMObjectPath(null, null, null, INTEROP, p.getObjectName(), p.getKeys());
    }

    // ---- jobs ----

    static CIMInstance job(String id, int state, int percent, int... status) {
        UnsignedInteger16[] ops = new UnsignedInteger16[status.length];
        for (int i = 0; i < status.length; i++) {
            ops[i] = new UnsignedInteger16(status[i]);
        }
        CIMProperty<?> key = new CIMProperty<>("InstanceID", CIMDataType.STRING_T, id, true, false, null);
        return new CIMInstance(new CIMObjectPath(null, null, null, NS, "TST_ConcreteJob", new CIMProperty<?>[] {key}),
                new CIMProperty<?>[] {
                    key,
                    new CIMProperty<>("Name", CIMDataType.STRING_T, "CreateReplica"),
                    new CIMProperty<>("JobState", CIMDataType.UINT16_T, new UnsignedInteger16(state)),
                    new CIMProperty<>("PercentComplete", CIMDataType.UINT16_T, new UnsignedInteger16(percent)),
                    new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T, ops)});
    }

    static int intValue(CIMInstance i, String property) {
        return ((Number) i.getPropertyValue(property)).intValue();
    }

    /** The embedded instance a listener received in {@code property} (SBLIM decodes EmbeddedObject values). */
    static CIMInstance embedded(CIMInstance indication, String property) {
        Object v = indication.getPropertyValue(property);
        if (v instanceof CIMInstance i) {
            return i;
        }
        throw new AssertionError(property + " is not an embedded instance but " + (v == null ? "NULL"
                : v.getClass().getName() + ": " + v));
    }

    // ---- listener ----

    /** The SBLIM client's own CIM-XML indication listener on 127.0.0.1, recording what arrives. */
    static final class Listener implements AutoCloseable {
        final BlockingQueue<CIMInstance> received = new LinkedBlockingQueue<>();
        private final WBEMListener listener = WBEMListenerFactory.getListener("CIM-XML");
        private int port = -1;

        int start(int wantedPort) throws IOException {
            IndicationListener onIndication = (id, indication) -> received.add(indication);
            port = listener.addListener(onIndication, wantedPort, "http", "127.0.0.1");
            return port;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/listener";
        }

        void stop() {
            if (port > 0) {
                listener.removeListener(port);
            }
        }

        /** The next {@code n} indications, in arrival order; fails when they do not all arrive in time. */
        List<CIMInstance> take(int n, Duration timeout) throws InterruptedException {
            List<CIMInstance> result = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (result.size() < n) {
                long left = deadline - System.nanoTime();
                CIMInstance i = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (i == null) {
                    throw new AssertionError("only " + result.size() + " of " + n + " indications arrived within "
                            + timeout + ": " + result);
                }
                result.add(i);
            }
            return result;
        }

        @Override
        public void close() {
            stop();
        }
    }

    /** Waits (bounded) until {@code condition} holds. */
    static void eventually(Duration timeout, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
