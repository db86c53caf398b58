package org.cimforge.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@link SampleMain#launch} with captured output and a recording server starter. */
final class SampleMainTestSupport {
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final List<SampleOptions> started = new ArrayList<>();
    private final Map<String, String> environment;
    private final PasswordGenerator passwords;
    private final SampleMain.Starter starter;

    /** A launcher whose starter records the options and then fails with {@code startFailure}. */
    SampleMainTestSupport(Map<String, String> environment, PasswordGenerator passwords, Exception startFailure) {
        this.environment = environment;
        this.passwords = passwords;
        this.starter = options -> {
            started.add(options);
            throw startFailure;
        };
    }

    /** A launcher that really starts the sample server. */
    SampleMainTestSupport(Map<String, String> environment, PasswordGenerator passwords) {
        this.environment = environment;
        this.passwords = passwords;
        this.starter = options -> {
            started.add(options);
            return SampleServer.start(options);
        };
    }

    SampleMain.Launch launch(String... args) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new SampleMain(out, err, environment, passwords, starter).launch(args);
    }

    int exitCode(String... args) {
        SampleMain.Launch launch = launch(args);
        if (launch instanceof SampleMain.Launch.Exit exit) {
            return exit.code();
        }
        ((SampleMain.Launch.Running) launch).stop();
        throw new AssertionError("expected an exit, but the provider started");
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** The options of the only start attempt. */
    SampleOptions options() {
        if (started.size() != 1) {
            throw new AssertionError("expected one start attempt, saw " + started.size());
        }
        return started.get(0);
    }
}
