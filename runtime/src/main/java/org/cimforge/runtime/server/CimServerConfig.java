package org.cimforge.runtime.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cimforge.runtime.indication.DeliverySettings;

/**
 * Settings of an embedded CIM-XML server.
 *
 * @param host              address to bind (default 127.0.0.1; use 0.0.0.0 deliberately to serve a network)
 * @param port              port to bind; 0 picks a free one
 * @param https             serve HTTPS instead of HTTP
 * @param keyStore          PKCS#12 or JKS key store for HTTPS; null generates a self-signed certificate
 * @param keyStorePassword  password of {@code keyStore} (and of its key)
 * @param users             user name to password for HTTP Basic authentication
 * @param allowAnonymous    accept requests without credentials (never the default)
 * @param maxRequestBytes   largest request body accepted (larger ones get 413)
 * @param requestTimeout    longest time one operation may run before it is answered with CIM_ERR_FAILED
 * @param maxThreads        size of the bounded worker pool
 * @param stopTimeout       how long a graceful stop waits for requests in flight
 * @param extraHttpsPort    a second, HTTPS-only listener beside {@code port} (0 picks a free one, -1 for none), so one
 *                          server can answer on 5988 (HTTP) and 5989 (HTTPS) with the same providers
 * @param dataDirectory     where the server keeps what must survive a restart (indication subscriptions); null keeps
 *                          everything in memory
 * @param indicationDelivery retries, queue bound, timeouts and TLS trust of indication delivery to listeners
 * @param clientLimits      slowest request body, longest body time and threads per client address
 */
public record CimServerConfig(String host, int port, boolean https, Path keyStore, String keyStorePassword,
                              Map<String, String> users, boolean allowAnonymous, long maxRequestBytes,
                              Duration requestTimeout, int maxThreads, Duration stopTimeout,
                              int extraHttpsPort, Path dataDirectory, DeliverySettings indicationDelivery,
                              ClientLimits clientLimits) {
    /** Validates and copies. */
    public CimServerConfig {
        users = users == null ? Map.of() : Map.copyOf(users);
        indicationDelivery = indicationDelivery == null ? DeliverySettings.defaults() : indicationDelivery;
        clientLimits = clientLimits == null ? ClientLimits.defaults() : clientLimits;
        if (!allowAnonymous && users.isEmpty()) {
            throw new IllegalArgumentException("configure at least one user, or allow anonymous access explicitly");
        }
        if (maxThreads < 4) {
            throw new IllegalArgumentException("maxThreads must be at least 4");
        }
    }

    /** A builder with the defaults: loopback, port 5988, HTTP, 16 MiB bodies, 60 s timeout, 32 threads. */
    public static Builder builder() {
        return new Builder();
    }

    /** Step-by-step construction of a {@link CimServerConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 5988;
        private boolean https;
        private Path keyStore;
        private String keyStorePassword;
        private Map<String, String> users = Map.of();
        private boolean allowAnonymous;
        private long maxRequestBytes = 16L * 1024 * 1024;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxThreads = 32;
        private Duration stopTimeout = Duration.ofSeconds(10);
        private int extraHttpsPort = -1;
        private Path dataDirectory;
        private DeliverySettings indicationDelivery = DeliverySettings.defaults();
        private ClientLimits clientLimits = ClientLimits.defaults();

        /** Address to bind. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Port to bind (0 for any free port). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Serve HTTPS; with no key store a self-signed certificate is generated. */
        public Builder https(boolean value) {
            https = value;
            return this;
        }

        /** Key store file and its password for HTTPS. */
        public Builder keyStore(Path file, String password) {
            keyStore = file;
            keyStorePassword = password;
            return this;
        }

        /** Users allowed in (name to password). */
        public Builder users(Map<String, String> value) {
            users = value;
            return this;
        }

        /** Whether requests without credentials are served. */
        public Builder allowAnonymous(boolean value) {
            allowAnonymous = value;
            return this;
        }

        /** Largest request body, in bytes. */
        public Builder maxRequestBytes(long value) {
            maxRequestBytes = value;
            return this;
        }

        /** Longest run of one operation. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        /** Worker pool size. */
        public Builder maxThreads(int value) {
            maxThreads = value;
            return this;
        }

        /** Grace period of {@link CimServer#stop()}. */
        public Builder stopTimeout(Duration value) {
            stopTimeout = value;
            return this;
        }

        /** A second listener that serves HTTPS on this port (0 for any free port, -1 for none, the default). */
        public Builder extraHttpsPort(int value) {
            extraHttpsPort = value;
            return this;
        }

        /** Directory for state that must survive a restart; null (the default) keeps it in memory. */
        public Builder dataDirectory(Path value) {
            dataDirectory = value;
            return this;
        }

        /** How indications are delivered to listeners (see {@link DeliverySettings#defaults()}). */
        public Builder indicationDelivery(DeliverySettings value) {
            indicationDelivery = value;
            return this;
        }

        /** Limits on slow request bodies and on the threads one client address may hold. */
        public Builder clientLimits(ClientLimits value) {
            clientLimits = value;
            return this;
        }

        /** The configuration. */
        public CimServerConfig build() {
            return new CimServerConfig(host, port, https, keyStore, keyStorePassword, users, allowAnonymous,
                    maxRequestBytes, requestTimeout, maxThreads, stopTimeout, extraHttpsPort, dataDirectory,
                    indicationDelivery, clientLimits);
        }
    }
}
