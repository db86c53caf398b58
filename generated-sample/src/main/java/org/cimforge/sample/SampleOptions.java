package org.cimforge.sample;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.cimforge.array.ArrayEngine;

/**
 * How to run the sample SMI-S array provider.
 *
 * @param host          address to bind (127.0.0.1 unless told otherwise)
 * @param httpPort      HTTP port (0 picks a free one; -1 for none)
 * @param httpsPort     HTTPS port (0 picks a free one; -1 for none)
 * @param users         user name to password for HTTP Basic authentication (never empty)
 * @param dataDirectory durable state of the array and the subscriptions; null keeps everything in memory
 * @param copyRate      simulated copy rate in bytes per second; 0 keeps the engine default
 * @param initialSetup  what to create in an empty array (systems, pools, volumes); run once, before serving
 */
public record SampleOptions(String host, int httpPort, int httpsPort, Map<String, String> users, Path dataDirectory,
                            long copyRate, Consumer<ArrayEngine> initialSetup) {
    /** Validates and copies. */
    public SampleOptions {
        users = Map.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the sample provider needs at least one user");
        }
        if (httpPort < 0 && httpsPort < 0) {
            throw new IllegalArgumentException("enable HTTP or HTTPS");
        }
    }
}
