package org.cimforge.runtime.launch;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a provider built on {@link ProviderServer} listens and whom it admits, read from a command line such as
 * {@code --http-port 5988 --https-port 0 --user admin --password pw --namespace root/x}.
 *
 * @param host      address to listen on (default 127.0.0.1)
 * @param httpPort  HTTP port; 0 picks a free one, -1 switches HTTP off
 * @param httpsPort HTTPS port (self-signed certificate); 0 picks a free one, -1 switches HTTPS off
 * @param user      the HTTP Basic user name
 * @param password  that user's password
 * @param generatedPassword whether the password was generated for this run (and has to be shown to the user)
 * @param namespace the namespace the MOF's classes and instances are served in
 */
public record ServerOptions(String host, int httpPort, int httpsPort, String user, String password,
                            boolean generatedPassword, String namespace) {
    /** Environment variable read for the password when {@code --password} is not given (keeps it out of ps). */
    public static final String PASSWORD_VARIABLE = "CIMFORGE_PASSWORD";
    /** The namespace served when {@code --namespace} is not given. */
    public static final String DEFAULT_NAMESPACE = "root/cimv2";

    /** Checks the combination: at least one protocol, different fixed ports, a usable user and namespace. */
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        if (httpPort < 0 && httpsPort < 0) {
            throw new IllegalArgumentException("nothing to serve: HTTP and HTTPS are both off");
        }
        if (httpPort > 0 && httpPort == httpsPort) {
            throw new IllegalArgumentException("HTTP and HTTPS are both on port " + httpPort + "; they need two ports");
        }
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + user + "' cannot be an HTTP Basic user name (non-empty, no ':')");
        }
        if (namespace == null || namespace.isBlank() || namespace.startsWith("/") || namespace.endsWith("/")) {
            throw new IllegalArgumentException("'" + namespace + "' is not a namespace name such as root/cimv2");
        }
    }

    /** Options for tests: loopback, free HTTP port, no HTTPS, the given user, password and namespace. */
    public static ServerOptions loopback(String user, String password, String namespace) {
        return new ServerOptions("127.0.0.1", 0, -1, user, password, false, namespace);
    }

    /** The option list {@link #parse} understands, for {@code --help}. */
    public static String usage(String program) {
        return "Usage: java -jar " + program + ".jar [OPTIONS]\n"
                + "Serves the classes and instances of the bundled MOF over CIM-XML, with root/interop beside them.\n"
                + "  --http-port PORT    HTTP port (default 5988; 0 switches HTTP off)\n"
                + "  --https-port PORT   HTTPS port, self-signed certificate (default 5989; 0 switches HTTPS off)\n"
                + "  --host ADDRESS      address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)\n"
                + "  --user NAME         user name clients authenticate with (default admin)\n"
                + "  --password PW       that user's password (default $" + PASSWORD_VARIABLE
                + ", else generated and printed)\n"
                + "  --namespace NAME    namespace to serve (default " + DEFAULT_NAMESPACE + ")\n"
                + "  --help              this text\n";
    }

    /**
     * Reads a command line; {@code environment} supplies {@link #PASSWORD_VARIABLE}. On the command line port 0
     * switches a protocol off, as in the sample provider. Returns null for {@code --help}.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or bad value, or a bad combination
     */
    public static ServerOptions parse(String[] args, Map<String, String> environment) {
        String host = "127.0.0.1";
        int http = 5988;
        int https = 5989;
        String user = "admin";
        String password = null;
        String namespace = DEFAULT_NAMESPACE;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "' (options start with --)");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + option);
                }
                value = args[++i];
            }
            switch (option) {
                case "--http-port" -> http = port(option, value);
                case "--https-port" -> https = port(option, value);
                case "--host" -> host = value;
                case "--user" -> user = value;
                case "--password" -> password = nonEmpty(option, value);
                case "--namespace" -> namespace = value;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        boolean generated = false;
        if (password == null) {
            password = environment.get(PASSWORD_VARIABLE);
        }
        if (password == null || password.isEmpty()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
            generated = true;
        }
        return new ServerOptions(host, http == 0 ? -1 : http, https == 0 ? -1 : https, user, password, generated,
                namespace);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": '" + value + "' is not a port number (0 to 65535; 0 switches"
                + " the protocol off)");
    }

    private static String nonEmpty(String option, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }

    @Override
    public String toString() {
        // Never the password: options end up in logs.
        return String.format(Locale.ROOT, "ServerOptions[host=%s, httpPort=%d, httpsPort=%d, user=%s, namespace=%s]",
                host, httpPort, httpsPort, user, namespace);
    }
}
