package org.cimforge.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.EngineConfig;
import org.cimforge.array.clock.EngineClock;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.runtime.jobs.CimJobs;
import org.cimforge.runtime.jobs.JobSettings;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.sample.provider.ArrayContext;
import org.cimforge.sample.provider.ArrayDirectory;
import org.cimforge.sample.provider.ArrayInstances;
import org.cimforge.sample.provider.ArrayNames;
import org.cimforge.sample.provider.AssociationProviders;
import org.cimforge.sample.provider.CapabilityProviders;
import org.cimforge.sample.provider.ElementProviders;
import org.cimforge.sample.provider.EngineTimeClock;
import org.cimforge.sample.provider.EssServiceProvider;
import org.cimforge.sample.provider.EventRelay;
import org.cimforge.sample.provider.JobBridge;
import org.cimforge.sample.provider.ReplicationServiceProviderImpl;
import org.cimforge.sample.provider.TpdConfigurationServiceProvider;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * The sample SMI-S array provider as one object: the simulated array, the CIM-XML server with its job framework and
 * indication delivery, and the providers generated from this module's MOF, serving namespace {@value #NAMESPACE}.
 */
public final class SampleServer implements AutoCloseable {
    /** The namespace the array's classes are served in. */
    public static final String NAMESPACE = "root/cimforge";

    /** Where the bundled model is on the class path: the plugin's bundle of execution {@code sample-bindings}. */
    static final String SCHEMA_RESOURCE = "META-INF/cimforge/sample-bindings/schema.mof";

    /** The profiles registered in the interop namespace; each conforming element is a storage system. */
    private static final String[][] PROFILES = {
        {"SNIA", "Array", "1.8.0"},
        {"SNIA", "Block Services", "1.8.0"},
        {"SNIA", "Copy Services", "1.4.0"},
        {"SNIA", "Replication Services", "1.8.0"},
        {"SNIA", "Job Control", "1.8.0"},
        {"SNIA", "Indication", "1.8.0"},
    };

    private final SampleOptions options;
    private final ArrayEngine engine;
    private final ArrayNames names = new ArrayNames(NAMESPACE);
    private CimServer server;
    private CimJobs jobs;
    private EventRelay relay;
    private final Set<String> conforming = ConcurrentHashMap.newKeySet();

    private SampleServer(SampleOptions options, ArrayEngine engine) {
        this.options = options;
        this.engine = engine;
    }

    /** Opens the array (creating its initial contents when it is empty) and starts serving. */
    public static SampleServer start(SampleOptions options) throws Exception {
        return start(options, null);
    }

    /**
     * Like {@link #start(SampleOptions)}, with the array running on {@code clock} (for example a
     * {@link org.cimforge.array.clock.ManualClock} in tests); null takes the wall clock.
     */
    public static SampleServer start(SampleOptions options, EngineClock clock) throws Exception {
        EngineConfig config = EngineConfig.defaults();
        if (options.dataDirectory() != null) {
            // The server keeps its subscriptions in the data directory; the array gets a folder of its own.
            Files.createDirectories(options.dataDirectory().resolve("array"));
            config = config.withDataDirectory(options.dataDirectory().resolve("array"));
        }
        if (options.copyRate() > 0) {
            config = config.withCopyRate(options.copyRate());
        }
        if (clock != null) {
            config = config.withClock(clock);
        }
        ArrayEngine engine = ArrayEngine.open(config);
        SampleServer sample = new SampleServer(options, engine);
        try {
            if (engine.storage().systems().isEmpty() && options.initialSetup() != null) {
                options.initialSetup().accept(engine);
            }
            sample.serve(schema());
            return sample;
        } catch (Exception | Error e) {
            sample.close();
            throw e;
        }
    }

    /** Compiles the model bundled with the bindings (the same MOF they were generated from). */
    static CimSchema schema() throws IOException {
        String text;
        try (InputStream in = SampleServer.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CompilationResult result = MofCompiler.builder().build().compileText("schema.mof", text);
        if (result.hasErrors()) {
            throw new IllegalStateException("the bundled schema does not compile:\n" + result.renderDiagnostics());
        }
        return result.schema();
    }

    private void serve(CimSchema schema) throws Exception {
        CimClassRepository repository = new CimClassRepository().namespace(NAMESPACE, schema);
        CimServerConfig.Builder config = CimServerConfig.builder()
                .host(options.host())
                .users(options.users())
                .dataDirectory(options.dataDirectory());
        if (options.httpPort() >= 0) {
            config.port(options.httpPort()).extraHttpsPort(options.httpsPort() >= 0 ? options.httpsPort() : -1);
        } else {
            config.port(options.httpsPort()).https(true);
        }
        if (options.httpsPort() >= 0 && options.dataDirectory() != null) {
            SampleCertificate.Kept kept = SampleCertificate.keep(options.dataDirectory(), options.host());
            config.keyStore(kept.keyStore(), kept.password());
        }
        // Built first and opened last, so no client sees the namespace before its providers and restored jobs.
        server = CimServer.create(config.build(), repository, new CimProviderRegistry());
        jobs = CimJobs.install(server, JobSettings.defaults()
                .withClock(new EngineTimeClock(engine.config().clock()))
                .withInstanceIdPrefix(ArrayNames.ORG));

        ArrayDirectory directory = new ArrayDirectory(engine, names);
        ArrayInstances instances = new ArrayInstances(directory);
        relay = new EventRelay(instances, server::indications);
        JobBridge bridge = new JobBridge(jobs, instances, relay.executor());
        relay.jobs(bridge);
        relay.onNewSystem(this::conformsTo);
        engine.addListener(relay);
        ArrayContext ctx = new ArrayContext(instances, bridge);
        register(server.providers(), ctx);
        bridge.restore();
        engine.storage().systems().forEach(this::conformsTo);
        server.listen();
    }

    private static void register(CimProviderRegistry registry, ArrayContext ctx) {
        registry.typed(NAMESPACE, new ElementProviders.EssSystems(ctx))
                .typed(NAMESPACE, new ElementProviders.TpdSystems(ctx))
                .typed(NAMESPACE, new ElementProviders.Pools(ctx))
                .typed(NAMESPACE, new ElementProviders.EssVolumes(ctx))
                .typed(NAMESPACE, new ElementProviders.TpdVolumes(ctx))
                .typed(NAMESPACE, new ElementProviders.EssRelationships(ctx))
                .typed(NAMESPACE, new ElementProviders.TpdRelationships(ctx))
                .typed(NAMESPACE, new ElementProviders.Groups(ctx))
                .typed(NAMESPACE, new TpdConfigurationServiceProvider(ctx))
                .typed(NAMESPACE, new EssServiceProvider(ctx))
                .typed(NAMESPACE, new ReplicationServiceProviderImpl(ctx))
                .typed(NAMESPACE, new CapabilityProviders.Configuration(ctx))
                .typed(NAMESPACE, new CapabilityProviders.Copy(ctx))
                .typed(NAMESPACE, new CapabilityProviders.Replication(ctx))
                .typed(NAMESPACE, new AssociationProviders.Hosted(ctx))
                .typed(NAMESPACE, new AssociationProviders.Devices(ctx))
                .typed(NAMESPACE, new AssociationProviders.HostedPools(ctx))
                .typed(NAMESPACE, new AssociationProviders.Allocated(ctx))
                .typed(NAMESPACE, new AssociationProviders.Capabilities(ctx));
    }

    /** Registers the profiles (once) and ties each storage system to them. */
    private void conformsTo(StorageSystem system) {
        if (!conforming.add(system.id())) {
            return;
        }
        CIMObjectPath element = names.system(system).path();
        for (String[] profile : PROFILES) {
            server.interop().conformsTo(server.interop().registerProfile(profile[0], profile[1], profile[2]), element);
        }
    }

    /** The HTTP base URL (e.g. {@code http://127.0.0.1:5988}), or null when HTTP is off. */
    public String httpUrl() {
        return options.httpPort() >= 0 ? server.url() : null;
    }

    /** The HTTPS base URL, or null when HTTPS is off. */
    public String httpsUrl() {
        return server.httpsUrl();
    }

    /** The provider registry, for tests that look at what the providers declare. */
    org.cimforge.runtime.spi.CimProviderRegistry providers() {
        return server.providers();
    }

    /** The simulated array behind the providers. */
    public ArrayEngine engine() {
        return engine;
    }

    /** Stops serving (letting requests in flight finish), then closes the array so nothing acknowledged is lost. */
    @Override
    public void close() throws IOException {
        Exception failure = null;
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            failure = e;
        }
        if (relay != null) {
            engine.removeListener(relay);
            relay.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        engine.close();
        if (failure != null) {
            throw new IOException("stopping the server failed: " + failure.getMessage(), failure);
        }
    }
}
