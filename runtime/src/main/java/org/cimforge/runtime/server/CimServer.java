package org.cimforge.runtime.server;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.Map;
import java.util.UUID;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.runtime.indication.IndicationService;
import org.cimforge.runtime.interop.CimInterop;
import org.cimforge.runtime.server.dispatch.CimDispatcher;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderHost;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.spi.IndicationPublisher;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded CIM-XML (DSP0200/DSP0201) WBEM server on Jetty: {@code CimServer.start(config, repository,
 * providers)} and clients can connect to {@code /cimom}.
 */
public final class CimServer implements CimProviderHost, AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;
    private final ServerConnector secureConnector;
    private final CimClassRepository repository;
    private final CimProviderRegistry providers;
    private volatile IndicationPublisher indications = IndicationPublisher.NONE;
    private final IndicationService indicationService;
    private final Deadlines timeouts;
    private final CimDispatcher dispatcher;
    private final CimServerConfig config;
    private final CimInterop interop;

    private CimServer(CimServerConfig config, CimClassRepository repository, CimProviderRegistry providers) {
        this.config = config;
        this.repository = repository;
        this.providers = providers;
        this.interop = CimInterop.install(repository, providers, systemName());
        this.indicationService = IndicationService.install(repository, providers, systemName(),
                config.indicationDelivery(), config.dataDirectory());
        this.indications = indicationService;
        this.dispatcher = new CimDispatcher(repository, providers);
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), Math.min(4, config.maxThreads()));
        pool.setName("cim-http");
        this.jetty = new Server(pool);
        // Operations run on the HTTP threads; one deadline thread answers for those that overrun the request timeout.
        this.timeouts = new Deadlines("cim-timeouts");
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = connector(config, http, config.https(), config.port());
        jetty.addConnector(connector);
        if (config.extraHttpsPort() >= 0) {
            HttpConfiguration secureHttp = new HttpConfiguration(http);
            secureConnector = connector(config, secureHttp, true, config.extraHttpsPort());
            jetty.addConnector(secureConnector);
        } else {
            secureConnector = null;
        }
        GracefulHandler graceful = new GracefulHandler();
        // One address may hold only part of the pool: its further requests wait without a thread, so a client that
        // opens many slow requests cannot starve the others.
        ThreadLimitHandler perAddress = new ThreadLimitHandler(null, false);
        perAddress.setThreadLimit(config.clientLimits().threadsPerAddress(config.maxThreads()));
        CimHttpHandler cim = new CimHttpHandler(dispatcher, config, timeouts);
        perAddress.setHandler(cim);
        // Requests that cannot wait are answered on the I/O thread; the rest go to a worker through the limit.
        graceful.setHandler(new IoThreadFirstHandler(cim, perAddress));
        jetty.setHandler(graceful);
        jetty.setStopTimeout(config.stopTimeout().toMillis());
    }

    private String storePassword;
    private KeyStore keyStore;

    private ServerConnector connector(CimServerConfig config, HttpConfiguration http, boolean secure, int port) {
        HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
        ServerConnector result;
        if (secure) {
            SecureRequestCustomizer customizer = new SecureRequestCustomizer();
            // A generated certificate names localhost/127.0.0.1 only; do not reject other Host headers over it.
            customizer.setSniHostCheck(false);
            http.addCustomizer(customizer);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            // TLS 1.2 and 1.3 with AEAD suites only: the CBC suites the JDK still enables are open to padding-oracle
            // attacks and are what scanners flag.
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            ssl.addExcludeCipherSuites(".*_CBC_.*", "TLS_RSA_WITH_.*", ".*_NULL_.*", ".*_anon_.*");
            if (keyStore == null) {
                keyStore = keyStore(config);
            }
            ssl.setKeyStore(keyStore);
            ssl.setKeyStorePassword(storePassword);
            result = new ServerConnector(jetty, new SslConnectionFactory(ssl, httpFactory.getProtocol()), httpFactory);
        } else {
            result = new ServerConnector(jetty, httpFactory) {
                @Override
                protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector,
                        SelectionKey key) {
                    OneEmptyReadEndPoint endPoint = new OneEmptyReadEndPoint(channel, selector, key, getScheduler());
                    endPoint.setIdleTimeout(getIdleTimeout());
                    return endPoint;
                }
            };
        }
        result.setHost(config.host());
        result.setPort(port);
        result.setIdleTimeout(Math.max(30_000, config.requestTimeout().toMillis() + 5_000));
        return result;
    }

    private KeyStore keyStore(CimServerConfig config) {
        try {
            if (config.keyStore() == null) {
                storePassword = UUID.randomUUID().toString();
                return SelfSignedCertificate.generate(config.host(), storePassword.toCharArray());
            }
            storePassword = config.keyStorePassword() == null ? "" : config.keyStorePassword();
            KeyStore store = KeyStore.getInstance(config.keyStore().toString().endsWith(".jks") ? "JKS" : "PKCS12");
            try (InputStream in = Files.newInputStream(config.keyStore())) {
                store.load(in, storePassword.toCharArray());
            }
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load key store " + config.keyStore() + ": " + e.getMessage(), e);
        }
    }

    /** Starts a server; it listens once this returns. */
    public static CimServer start(CimServerConfig config, CimClassRepository repository, CimProviderRegistry providers)
            throws Exception {
        return create(config, repository, providers).listen();
    }

    /**
     * Builds a server that does not listen yet, so that providers, the job framework and restored state can be put
     * in place before the first client can see the namespace half-filled; {@link #listen()} opens it.
     */
    public static CimServer create(CimServerConfig config, CimClassRepository repository,
                                   CimProviderRegistry providers) {
        JettyLogLevel.quietUnlessConfigured();
        return new CimServer(config, repository, providers);
    }

    /** Starts accepting connections; the server listens once this returns. */
    public CimServer listen() throws Exception {
        try {
            jetty.start();
        } catch (Exception e) {
            indicationService.close();
            throw e;
        }
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:5988}. */
    public String url() {
        return (config.https() ? "https" : "http") + "://" + config.host() + ":" + port();
    }

    /** The port of the extra HTTPS listener, or -1 when there is none. */
    public int httpsPort() {
        return secureConnector == null ? (config.https() ? port() : -1) : secureConnector.getLocalPort();
    }

    /** The HTTPS base URL, or null when the server has no HTTPS listener. */
    public String httpsUrl() {
        int p = httpsPort();
        return p < 0 ? null : "https://" + config.host() + ":" + p;
    }

    /** The configuration the server runs with. */
    public CimServerConfig config() {
        return config;
    }

    /** The class repository the server serves (shared, safe for concurrent reads). */
    @Override
    public CimClassRepository repository() {
        return repository;
    }

    /** The provider registry; providers may be registered while the server runs. */
    @Override
    public CimProviderRegistry providers() {
        return providers;
    }

    /** Where providers and the job framework publish indications for delivery to subscribers. */
    @Override
    public IndicationPublisher indications() {
        return indications;
    }

    /** The indication subscriptions of the interop namespace and their delivery (also {@link #indications()}). */
    public IndicationService indicationService() {
        return indicationService;
    }

    /** The interop namespace: register the profiles the server implements here. */
    public CimInterop interop() {
        return interop;
    }

    private static String systemName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** The dispatcher, for inspection in tests. */
    public CimDispatcher dispatcher() {
        return dispatcher;
    }

    /** Stops accepting requests, lets those in flight finish (up to the stop timeout), then shuts down. */
    public void stop() throws Exception {
        jetty.stop();
        timeouts.close();
        dispatcher.close();
        indicationService.close();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /**
     * Serves the classes of MOF files over HTTP without providers (class operations only): {@code java ... CimServer
     * PORT NAMESPACE FILE.mof... } with user {@code cimforge.user}/{@code cimforge.password} system properties, or
     * anonymous access when they are absent.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CimServer PORT NAMESPACE FILE.mof...");
            System.exit(2);
        }
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(java.nio.file.Path.of(args[i]));
        }
        CompilationResult result = MofCompiler.builder().build().compile(files);
        if (result.hasErrors()) {
            System.err.print(result.renderDiagnostics());
            System.exit(1);
        }
        String user = System.getProperty("cimforge.user");
        String password = System.getProperty("cimforge.password", "");
        CimServerConfig config = CimServerConfig.builder().port(Integer.parseInt(args[0]))
                .users(user == null ? Map.of() : Map.of(user, password)).allowAnonymous(user == null).build();
        CimServer server = start(config, new CimClassRepository().namespace(args[1], result.schema()),
                new CimProviderRegistry());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                // exiting anyway
            }
        }));
        System.out.println("CIM-XML server listening on " + server.url() + "/cimom");
    }
}
