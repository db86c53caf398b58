package org.cimforge.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cimforge.array.StorageConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The command-line entry point of the sample SMI-S array provider ({@code java -jar cimforge-sample.jar}): reads the
 * flags, the configuration file and the password, starts a {@link SampleServer}, says where it listens, and closes
 * it cleanly on Ctrl-C.
 */
public final class SampleMain {
    /** The program name used in messages and in the usage text. */
    public static final String PROGRAM = "cimforge-sample";
    /** Environment variable read for the password when {@code --password} is not given (keeps it out of ps). */
    public static final String PASSWORD_VARIABLE = "CIMFORGE_SAMPLE_PASSWORD";
    /** Exit code: bad command line or configuration file. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: could not start. */
    public static final int EXIT_STARTUP_FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final PasswordGenerator passwords;
    private final Starter starter;

    /** A launcher printing to {@code out} and {@code err} and reading the password variable from {@code environment}. */
    public SampleMain(PrintStream out, PrintStream err, Map<String, String> environment) {
        this(out, err, environment, new PasswordGenerator(new SecureRandom()), SampleServer::start);
    }

    SampleMain(PrintStream out, PrintStream err, Map<String, String> environment, PasswordGenerator passwords,
               Starter starter) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.passwords = passwords;
        this.starter = starter;
    }

    /** How the server is started; tests replace it to see the options the command line produced. */
    @FunctionalInterface
    interface Starter {
        SampleServer start(SampleOptions options) throws Exception;
    }

    /** Runs the provider until Ctrl-C; exits with 1 when it cannot start and 2 for a bad command line. */
    public static void main(String[] args) throws InterruptedException {
        Launch launch = new SampleMain(System.out, System.err, System.getenv()).launch(args);
        if (launch instanceof Launch.Exit exit) {
            System.out.flush();
            System.exit(exit.code());
        }
        Launch.Running running = (Launch.Running) launch;
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, PROGRAM + "-shutdown"));
        // Serving happens on the server's threads; main waits so the JVM lives until the hook has closed everything.
        running.awaitStopped();
    }

    /** What {@link #launch} led to: an exit code (help, version, errors) or a running provider. */
    public sealed interface Launch permits Launch.Exit, Launch.Running {
        /**
         * Nothing to run: exit with {@code code}.
         *
         * @param code the process exit code
         */
        record Exit(int code) implements Launch {
        }

        /** A started provider; {@link #stop()} closes it once, whoever calls it first. */
        final class Running implements Launch {
            private final SampleServer server;
            private final PrintStream out;
            private final PrintStream err;
            private final Path dataDirectory;
            private final AtomicBoolean stopping = new AtomicBoolean();
            private final CountDownLatch stopped = new CountDownLatch(1);

            Running(SampleServer server, PrintStream out, PrintStream err, Path dataDirectory) {
                this.server = server;
                this.out = out;
                this.err = err;
                this.dataDirectory = dataDirectory;
            }

            /** The running server. */
            public SampleServer server() {
                return server;
            }

            /** Stops serving (requests in flight finish) and closes the array; later calls wait for the first. */
            public void stop() {
                if (!stopping.compareAndSet(false, true)) {
                    awaitQuietly();
                    return;
                }
                try {
                    out.println(PROGRAM + ": stopping");
                    server.close();
                    out.println(PROGRAM + ": stopped; " + (dataDirectory == null
                            ? "the in-memory array is discarded" : "the array is kept in " + dataDirectory));
                } catch (Exception | Error e) {
                    err.println(PROGRAM + ": error while stopping: " + CliErrors.describe(e));
                } finally {
                    out.flush();
                    stopped.countDown();
                }
            }

            /** Waits until {@link #stop()} has finished. */
            public void awaitStopped() throws InterruptedException {
                stopped.await();
            }

            private void awaitQuietly() {
                try {
                    stopped.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Parses {@code args}, prepares everything and starts the provider; never throws for a user mistake. */
    public Launch launch(String[] args) {
        CliOptions cli = new CliOptions();
        CommandLine commandLine = new CommandLine(cli);
        try {
            commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return new Launch.Exit(0);
            }
            if (commandLine.isVersionHelpRequested()) {
                commandLine.printVersionHelp(out);
                return new Launch.Exit(0);
            }
            checkCombination(commandLine, cli);
        } catch (ParameterException e) {
            err.println(PROGRAM + ": error: " + e.getMessage());
            err.println("Try '" + PROGRAM + " --help' for the options.");
            return new Launch.Exit(EXIT_USAGE);
        }

        SampleConfigApplier setup;
        try {
            setup = new SampleConfigApplier(cli.config == null ? SampleConfigLoader.loadDefault()
                    : SampleConfigLoader.load(cli.config));
        } catch (SampleConfigException e) {
            err.println(e.getMessage());
            return new Launch.Exit(EXIT_USAGE);
        }

        PasswordChoice password;
        try {
            password = choosePassword(cli);
        } catch (IOException e) {
            err.println(PROGRAM + ": error: cannot use the data directory " + cli.dataDirectory + ": "
                    + CliErrors.describe(e));
            return new Launch.Exit(EXIT_STARTUP_FAILED);
        }
        // Printed before the server starts: if starting fails, the saved password is still known to the user.
        if (password.mustBePrinted()) {
            out.println(PROGRAM + ": generated password for user '" + cli.user + "': " + password.password()
                    + (password.file() == null ? " (this run only: without --data-dir it is not kept)"
                    : " (kept in " + password.file() + "; it will not be printed again)"));
            out.flush();
        }

        SampleServer server;
        try {
            server = starter.start(new SampleOptions(cli.host, cli.httpPort == 0 ? -1 : cli.httpPort,
                    cli.httpsPort == 0 ? -1 : cli.httpsPort, Map.of(cli.user, password.password()), cli.dataDirectory,
                    cli.copyRate, setup));
        } catch (Exception | Error e) {
            SampleConfigException configProblem = CliErrors.configProblem(e);
            if (configProblem != null) {
                err.println(configProblem.getMessage());
                return new Launch.Exit(EXIT_USAGE);
            }
            err.println(PROGRAM + ": error: cannot start: " + CliErrors.describe(e));
            return new Launch.Exit(EXIT_STARTUP_FAILED);
        }
        announce(server, cli, password, setup);
        return new Launch.Running(server, out, err, cli.dataDirectory);
    }

    private static void checkCombination(CommandLine commandLine, CliOptions cli) {
        if (cli.httpPort == 0 && cli.httpsPort == 0) {
            throw new ParameterException(commandLine,
                    "nothing to serve: --http-port and --https-port are both 0 (0 switches a protocol off)");
        }
        if (cli.httpPort != 0 && cli.httpPort == cli.httpsPort) {
            throw new ParameterException(commandLine,
                    "--http-port and --https-port are both " + cli.httpPort + "; they need different ports");
        }
    }

    private PasswordChoice choosePassword(CliOptions cli) throws IOException {
        if (cli.dataDirectory != null) {
            // Created here, owner-only, before anything else writes into it: it will hold the password.
            PasswordStore.createPrivateDirectories(cli.dataDirectory);
            if (!Files.isWritable(cli.dataDirectory) || !Files.isReadable(cli.dataDirectory)) {
                throw new IOException("it is not readable and writable by this user");
            }
        }
        if (cli.password != null) {
            return new PasswordChoice(cli.password, PasswordChoice.Origin.COMMAND_LINE, null);
        }
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return new PasswordChoice(fromEnvironment, PasswordChoice.Origin.ENVIRONMENT, null);
        }
        if (cli.dataDirectory == null) {
            return new PasswordChoice(passwords.next(), PasswordChoice.Origin.GENERATED_FOR_THIS_RUN, null);
        }
        PasswordStore store = new PasswordStore(cli.dataDirectory, passwords);
        PasswordChoice choice = store.loadOrCreate();
        store.warnings().forEach(w -> err.println(PROGRAM + ": warning: " + w));
        return choice;
    }

    private void announce(SampleServer server, CliOptions cli, PasswordChoice password, SampleConfigApplier setup) {
        List<String> urls = new ArrayList<>();
        if (server.httpUrl() != null) {
            urls.add(server.httpUrl());
        }
        if (server.httpsUrl() != null) {
            urls.add(server.httpsUrl() + (cli.dataDirectory == null ? " (self-signed certificate)"
                    : " (self-signed certificate kept in " + cli.dataDirectory.resolve(SampleCertificate.KEY_STORE)
                    + ")"));
        }
        out.println(PROGRAM + " " + CliVersionProvider.version() + ": serving namespace " + SampleServer.NAMESPACE
                + " at " + String.join(" and ", urls));
        out.println(PROGRAM + ": authenticate as user '" + cli.user + "' with " + password.describeOrigin());
        out.println(PROGRAM + ": array: " + describeArray(server.engine().storage()) + ", " + origin(cli, setup)
                + "; copies run at " + CliSizes.format(server.engine().config().copyRateBytesPerSecond()) + "/s");
        out.println(PROGRAM + ": press Ctrl-C to stop");
        out.flush();
    }

    private static String describeArray(StorageConfiguration storage) {
        return count(storage.systems().size(), "system") + ", " + count(storage.pools().size(), "pool") + ", "
                + count(storage.volumeCount(), "volume");
    }

    private static String origin(CliOptions cli, SampleConfigApplier setup) {
        String kept = cli.dataDirectory == null ? " (in memory)" : " (kept in " + cli.dataDirectory + ")";
        if (setup.applied()) {
            return "created from " + (cli.config == null ? "the built-in sample array" : setup.source()) + kept;
        }
        return "reopened from " + cli.dataDirectory + (cli.config == null ? ""
                : " (" + cli.config + " not applied: the array was not empty)");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
