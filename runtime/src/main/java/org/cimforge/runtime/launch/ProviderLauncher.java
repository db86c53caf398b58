package org.cimforge.runtime.launch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The {@code main} of a provider program: reads the command line ({@link ServerOptions}), starts a
 * {@link ProviderServer}, says where it listens, and stops it cleanly on Ctrl-C. A generated {@code Main} is one call:
 * {@code ProviderLauncher.main("acme", "META-INF/cimforge/bindings/schema.mof", Main::register, args)}.
 */
public final class ProviderLauncher {
    /**
     * The JVM options the documented launch commands use ({@code java <these> -jar provider.jar}): the serial collector
     * and a heap that starts at 16 MB and grows as needed up to 512 MB. With the JVM's own defaults on a large machine
     * (G1, an initial heap of 1/64 of the RAM) a server holding 10,000 instances kept about 400 MB resident; with these
     * about 150 MB (runtime/README, "Memory"; docs/benchmarks.md). A jar cannot carry JVM options, so they are written
     * in the command.
     */
    public static final String RECOMMENDED_JVM_OPTIONS = "-XX:+UseSerialGC -Xms16m -Xmx512m";

    /** Exit code: bad command line. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: could not start (port in use, bad MOF bundle). */
    public static final int EXIT_STARTUP_FAILED = 1;

    private ProviderLauncher() {
    }

    /** Runs the program until the JVM is stopped; exits with 2 for a bad command line and 1 when it cannot start. */
    public static void main(String program, String schemaResource, Consumer<ProviderSetup> setup, String[] args)
            throws InterruptedException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Outcome outcome = launch(program, loader, schemaResource, setup, args, System.getenv(), System.out, System.err);
        if (outcome instanceof Outcome.Exit exit) {
            System.out.flush();
            System.exit(exit.code());
        }
        ProviderServer server = ((Outcome.Running) outcome).server();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println(program + ": stopping");
                server.close();
            } catch (Exception e) {
                System.err.println(program + ": error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, program + "-shutdown"));
        stopped.await();
    }

    /** What {@link #launch} led to: an exit code (help, errors) or a running server. */
    public sealed interface Outcome permits Outcome.Exit, Outcome.Running {
        /**
         * Nothing to run: exit with {@code code}.
         *
         * @param code 0 after {@code --help}, {@link #EXIT_USAGE} or {@link #EXIT_STARTUP_FAILED}
         */
        record Exit(int code) implements Outcome {
        }

        /**
         * A started server.
         *
         * @param server the server, to close when done
         */
        record Running(ProviderServer server) implements Outcome {
        }
    }

    /**
     * Parses {@code args} and starts the server, printing the URLs and the login to {@code out} and problems to
     * {@code err}. Never throws for a user mistake.
     */
    public static Outcome launch(String program, ClassLoader loader, String schemaResource,
                                Consumer<ProviderSetup> setup, String[] args, Map<String, String> environment,
                                PrintStream out, PrintStream err) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println(program + ": error: " + e.getMessage());
            err.println("Try '" + program + " --help' for the options.");
            return new Outcome.Exit(EXIT_USAGE);
        }
        if (options == null) {
            out.print(ServerOptions.usage(program));
            return new Outcome.Exit(0);
        }
        ProviderServer server;
        try {
            server = ProviderServer.start(options, loader, schemaResource, setup);
        } catch (Exception e) {
            err.println(program + ": error: cannot start: " + describe(e));
            return new Outcome.Exit(EXIT_STARTUP_FAILED);
        }
        List<String> urls = new ArrayList<>();
        if (server.httpUrl() != null) {
            urls.add(server.httpUrl());
        }
        if (server.httpsUrl() != null) {
            urls.add(server.httpsUrl() + " (self-signed certificate)");
        }
        out.println(program + ": serving namespace " + options.namespace() + " (and root/interop) at "
                + String.join(" and ", urls));
        out.println(program + ": authenticate as user '" + options.user() + "' with "
                + (options.generatedPassword() ? "the generated password " + options.password() + " (this run only)"
                : "the password given"));
        out.println(program + ": press Ctrl-C to stop");
        out.flush();
        return new Outcome.Running(server);
    }

    /** The messages along the cause chain, without Java class names where a message says more. */
    static String describe(Throwable error) {
        StringBuilder line = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 6; t = t.getCause(), depth++) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (line.indexOf(message) < 0) {
                line.append(line.length() == 0 ? "" : ": ").append(message);
            }
        }
        return line.toString().replace('\n', ' ');
    }
}
