package org.cimforge.runtime.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.spi.IndicationPublisher;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * A server on 127.0.0.1 serving the job test model in {@value #NS} and the lean model in {@value #LEAN}, with a
 * service and two volumes, a job framework on a settable clock that records its indications, and an SBLIM client.
 */
final class JobFixture implements AutoCloseable {
    static final String NS = "root/jobs";
    static final String LEAN = "root/lean";
    static final Instant T0 = Instant.parse("2024-01-31T12:00:00Z");

    final SettableClock clock = new SettableClock(T0);
    final RecordingPublisher indications = new RecordingPublisher();
    final CimServer server;
    final CimJobs jobs;
    final WBEMClient client;

    JobFixture() throws Exception {
        this(Duration.ZERO);
    }

    JobFixture(Duration sweepInterval) throws Exception {
        CimClassRepository repository = new CimClassRepository()
                .namespace(NS, schema("jobs-model.mof"))
                .namespace(LEAN, schema("lean-jobs.mof"));
        CimProviderRegistry providers = new CimProviderRegistry()
                .instances(NS, "CIM_Service", new Store(service()))
                .instances(NS, "TST_StorageVolume", new Store(volume("v1"), volume("v2")));
        server = CimServer.start(CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build(),
                repository, providers);
        JobSettings settings = JobSettings.defaults().withClock(clock).withInstanceIdPrefix("TST")
                .withSweepInterval(sweepInterval);
        jobs = CimJobs.install(server, settings, () -> indications);
        client = connect(server.port());
    }

    static CimSchema schema(String resource) {
        try (InputStream in = JobFixture.class.getResourceAsStream(resource)) {
            String mof = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CompilationResult result = MofCompiler.builder().build().compileText(resource, mof);
            if (result.hasErrors()) {
                throw new IllegalStateException(result.renderDiagnostics());
            }
            return result.schema();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static WBEMClient connect(int port) throws WBEMException {
        WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrivateCredentials().add(new PasswordCredential("secret"));
        c.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(port), null, null, null), subject,
                new Locale[] {Locale.US});
        return c;
    }

    static <T> List<T> drain(CloseableIterator<T> it) {
        List<T> out = new ArrayList<>();
        try {
            while (it.hasNext()) {
                out.add(it.next());
            }
        } finally {
            it.close();
        }
        return out;
    }

    static CIMObjectPath servicePath() {
        return new CIMObjectPath(null, null, null, NS, "CIM_Service", new CIMProperty<?>[] {
            new CIMProperty<>("CreationClassName", CIMDataType.STRING_T, "CIM_Service", true, false, null),
            new CIMProperty<>("Name", CIMDataType.STRING_T, "replication", true, false, null)});
    }

    static CIMObjectPath volumePath(String id) {
        return new CIMObjectPath(null, null, null, NS, "TST_StorageVolume", new CIMProperty<?>[] {
            new CIMProperty<>("DeviceID", CIMDataType.STRING_T, id, true, false, null)});
    }

    static CIMInstance service() {
        return new CIMInstance(servicePath(), servicePath().getKeys());
    }

    static CIMInstance volume(String id) {
        CIMObjectPath path = volumePath(id);
        return new CIMInstance(path, new CIMProperty<?>[] {path.getKey("DeviceID"),
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "volume " + id)});
    }

    static CIMObjectPath classPath(String namespace, String className) {
        return new CIMObjectPath(null, null, null, namespace, className, null);
    }

    JobRequest.Builder request(String name) {
        return JobRequest.builder(NS, name).owningElement(servicePath());
    }

    CIMInstance get(CIMObjectPath path) throws WBEMException {
        return client.getInstance(path, false, false, null);
    }

    @Override
    public void close() throws Exception {
        jobs.close();
        client.close();
        server.stop();
    }

    /** A clock tests move by hand. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** One published indication. */
    record Published(String namespace, CIMInstance indication) {
        String className() {
            return indication.getClassName();
        }

        CIMInstance source() {
            return (CIMInstance) indication.getPropertyValue("SourceInstance");
        }

        CIMInstance previous() {
            return (CIMInstance) indication.getPropertyValue("PreviousInstance");
        }
    }

    /** Keeps every indication in publication order. */
    static final class RecordingPublisher implements IndicationPublisher {
        private final List<Published> all = new ArrayList<>();

        @Override
        public synchronized void publish(String sourceNamespace, CIMInstance indication) {
            all.add(new Published(sourceNamespace, indication));
        }

        /** The indications about one job, in order. */
        synchronized List<Published> about(String instanceId) {
            return all.stream().filter(p -> instanceId.equals(p.source().getPropertyValue("InstanceID"))).toList();
        }
    }

    /** Serves fixed instances of whatever classes they belong to. */
    static final class Store implements CimInstanceProvider {
        private final Map<String, CIMInstance> instances = new ConcurrentHashMap<>();

        Store(CIMInstance... initial) {
            for (CIMInstance i : initial) {
                instances.put(i.getObjectPath().toString(), i);
            }
        }

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            return instances.values().stream().filter(i -> i.getClassName().equalsIgnoreCase(className)).toList();
        }
    }
}
