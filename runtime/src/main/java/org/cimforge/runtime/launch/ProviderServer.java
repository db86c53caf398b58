package org.cimforge.runtime.launch;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.security.auth.Subject;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.store.CimInstanceStore;
import org.cimforge.runtime.store.CimNamespaces;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * A running provider program: one namespace holding the classes and {@code instance of} declarations of a bundled
 * MOF (the plugin's {@code META-INF/cimforge/<execution id>/schema.mof}), served by the providers a setup step
 * registers (typed ones over the in-memory store, typically) and by the store for every other class with MOF
 * instances, with root/interop beside it, over HTTP, HTTPS or both. What {@code init}'s generated {@code Main} and
 * its test start.
 */
public final class ProviderServer implements AutoCloseable {
    private final CimServer server;
    private final ServerOptions options;
    private final CimInstanceStore store;

    private ProviderServer(CimServer server, ServerOptions options, CimInstanceStore store) {
        this.server = server;
        this.options = options;
        this.store = store;
    }

    /**
     * Compiles the MOF resource {@code schemaResource} of {@code loader}, lets {@code setup} register providers,
     * loads the MOF's instances into the store (classes with a provider of their own keep it) and starts listening.
     *
     * @throws IllegalArgumentException when the resource is missing or does not compile, or a MOF instance is refused
     * @throws Exception when the server cannot listen (a port in use, for example)
     */
    public static ProviderServer start(ServerOptions options, ClassLoader loader, String schemaResource,
                                       Consumer<ProviderSetup> setup) throws Exception {
        Objects.requireNonNull(options, "options");
        CimClassRepository classes = new CimClassRepository();
        CimProviderRegistry providers = new CimProviderRegistry();
        CimInstanceStore store = new CimInstanceStore(classes);
        // Providers first: CimNamespaces gives the store only the classes that have none.
        setup.accept(new ProviderSetup(options.namespace(), store, providers));
        new CimNamespaces(classes, providers, store).fromResource(options.namespace(), loader, schemaResource);
        return new ProviderServer(CimServer.start(config(options), classes, providers), options, store);
    }

    private static CimServerConfig config(ServerOptions options) {
        CimServerConfig.Builder config = CimServerConfig.builder().host(options.host())
                .users(Map.of(options.user(), options.password()));
        if (options.httpPort() >= 0) {
            config.port(options.httpPort()).extraHttpsPort(options.httpsPort());
        } else {
            config.port(options.httpsPort()).https(true);
        }
        return config.build();
    }

    /** The HTTP base URL ({@code http://127.0.0.1:5988}), or null when HTTP is off. */
    public String httpUrl() {
        return server.config().https() ? null : server.url();
    }

    /** The HTTPS base URL, or null when HTTPS is off. */
    public String httpsUrl() {
        return server.httpsUrl();
    }

    /** The options the server runs with. */
    public ServerOptions options() {
        return options;
    }

    /** The store of the served namespace, for reading or changing instances outside a request. */
    public CimInstanceStore store() {
        return store;
    }

    /** The embedded CIM-XML server, for registering profiles in root/interop or installing jobs. */
    public CimServer server() {
        return server;
    }

    /**
     * An SBLIM CIM-XML client logged in as the configured user, over HTTP when it is on, else HTTPS (which needs
     * {@code --add-exports java.base/sun.security.ssl=ALL-UNNAMED} on the JVM, see runtime/README). Close it after
     * use.
     */
    public WBEMClient connect() throws WBEMException {
        boolean http = httpUrl() != null;
        WBEMClient client = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(options.user()));
        subject.getPrivateCredentials().add(new PasswordCredential(options.password()));
        int port = http ? server.port() : server.httpsPort();
        client.initialize(new CIMObjectPath(http ? "http" : "https", options.host(), String.valueOf(port), null, null,
                null), subject, new Locale[] {Locale.US});
        return client;
    }

    /** Stops serving; requests in flight finish first. */
    @Override
    public void close() throws Exception {
        server.close();
    }
}
