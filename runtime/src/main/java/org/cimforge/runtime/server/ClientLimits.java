package org.cimforge.runtime.server;

import java.time.Duration;

/**
 * How long and how slowly one client may send a request, and how many worker threads the requests of one address
 * may hold at once, so that slow or greedy clients cannot starve the others.
 *
 * @param minRequestBytesPerSecond a request body that arrives more slowly than this on average is refused with 408
 *                                 and its connection closed (default 1,024 bytes per second)
 * @param bodyTimeout              longest time from the request headers to the last byte of the body, whatever the
 *                                 rate (default 30 s); then 408 and the connection closed
 * @param threadsPerAddress        worker threads the requests of one client address may hold at once; further
 *                                 requests from that address wait without holding a thread (default 0: half the
 *                                 worker pool)
 */
public record ClientLimits(long minRequestBytesPerSecond, Duration bodyTimeout, int threadsPerAddress) {
    /** Validates. */
    public ClientLimits {
        if (minRequestBytesPerSecond < 0) {
            throw new IllegalArgumentException("minRequestBytesPerSecond must not be negative");
        }
        if (bodyTimeout == null || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("bodyTimeout must be positive");
        }
        if (threadsPerAddress < 0) {
            throw new IllegalArgumentException("threadsPerAddress must not be negative (0 for half the pool)");
        }
    }

    /** The defaults described above. */
    public static ClientLimits defaults() {
        return new ClientLimits(1024, Duration.ofSeconds(30), 0);
    }

    /** The per-address thread limit for a pool of {@code maxThreads}. */
    int threadsPerAddress(int maxThreads) {
        return threadsPerAddress > 0 ? Math.min(threadsPerAddress, maxThreads) : Math.max(2, maxThreads / 2);
    }
}
