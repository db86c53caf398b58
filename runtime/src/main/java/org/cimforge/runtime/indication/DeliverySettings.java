package org.cimforge.runtime.indication;

import java.time.Duration;
import java.util.List;

/**
 * How the server delivers indications to listeners.
 *
 * @param retryAttempts        retries of one indication after its first failed attempt, before the subscription's
 *                             OnFatalErrorPolicy applies (default 10)
 * @param retryInterval        wait before the first retry; it doubles with each further retry (default 1 s)
 * @param maxRetryInterval     longest wait between two retries (default 10 s); with the defaults a listener may be
 *                             down for about 75 s before anything is given up
 * @param queueCapacity        indications held per destination (default 10,000); when a new one arrives at a full
 *                             queue the oldest waiting one is dropped, and the gap in its subscription's
 *                             SequenceNumber shows the loss
 * @param requestTimeout       longest wait for one listener response (default 10 s)
 * @param connectTimeout       longest wait for a connection to a listener (default 5 s)
 * @param trustAllCertificates accept any certificate from HTTPS listeners (no chain or host name check); for
 *                             development with self-signed listener certificates only, off by default (then the
 *                             JVM's trust store decides)
 * @param workerThreads        threads shared by all destinations' delivery workers (default 4)
 * @param allowedDestinations  listener hosts allowed besides loopback and the creating client's own address:
 *                             addresses, CIDR ranges ("10.1.0.0/16") or host names (default none)
 * @param quotas               how many filters, destinations and subscriptions clients may create, and how large
 *                             (see {@link SubscriptionQuotas#defaults()})
 */
public record DeliverySettings(int retryAttempts, Duration retryInterval, Duration maxRetryInterval, int queueCapacity,
                               Duration requestTimeout, Duration connectTimeout, boolean trustAllCertificates,
                               int workerThreads, List<String> allowedDestinations, SubscriptionQuotas quotas) {
    /** Validates. */
    public DeliverySettings {
        if (retryAttempts < 0) {
            throw new IllegalArgumentException("retryAttempts must not be negative");
        }
        if (retryInterval == null || retryInterval.isNegative() || maxRetryInterval == null
                || maxRetryInterval.compareTo(retryInterval) < 0) {
            throw new IllegalArgumentException("need 0 <= retryInterval <= maxRetryInterval");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()
                || connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
        allowedDestinations = allowedDestinations == null ? List.of() : List.copyOf(allowedDestinations);
        new DestinationPolicy(allowedDestinations); // refuses a malformed entry now, not at the first destination
        quotas = quotas == null ? SubscriptionQuotas.defaults() : quotas;
    }

    /** The defaults described above. */
    public static DeliverySettings defaults() {
        return new DeliverySettings(10, Duration.ofSeconds(1), Duration.ofSeconds(10), 10_000, Duration.ofSeconds(10),
                Duration.ofSeconds(5), false, 4, List.of(),
                SubscriptionQuotas.defaults());
    }

    /** A copy with other retry settings. */
    public DeliverySettings withRetries(int attempts, Duration interval, Duration maxInterval) {
        return new DeliverySettings(attempts, interval, maxInterval, queueCapacity, requestTimeout, connectTimeout,
                trustAllCertificates, workerThreads, allowedDestinations, quotas);
    }

    /** A copy with another queue capacity. */
    public DeliverySettings withQueueCapacity(int capacity) {
        return new DeliverySettings(retryAttempts, retryInterval, maxRetryInterval, capacity, requestTimeout,
                connectTimeout, trustAllCertificates, workerThreads, allowedDestinations, quotas);
    }

    /** A copy with other timeouts. */
    public DeliverySettings withTimeouts(Duration request, Duration connect) {
        return new DeliverySettings(retryAttempts, retryInterval, maxRetryInterval, queueCapacity, request, connect,
                trustAllCertificates, workerThreads, allowedDestinations, quotas);
    }

    /** A copy that does (or does not) trust any listener certificate. */
    public DeliverySettings withTrustAllCertificates(boolean trustAll) {
        return new DeliverySettings(retryAttempts, retryInterval, maxRetryInterval, queueCapacity, requestTimeout,
                connectTimeout, trustAll, workerThreads, allowedDestinations, quotas);
    }

    /** A copy that also admits these listener hosts: addresses, CIDR ranges or host names. */
    public DeliverySettings withAllowedDestinations(String... hostsOrRanges) {
        return new DeliverySettings(retryAttempts, retryInterval, maxRetryInterval, queueCapacity, requestTimeout,
                connectTimeout, trustAllCertificates, workerThreads, List.of(hostsOrRanges), quotas);
    }

    /** A copy with other limits on what clients may create. */
    public DeliverySettings withQuotas(SubscriptionQuotas value) {
        return new DeliverySettings(retryAttempts, retryInterval, maxRetryInterval, queueCapacity, requestTimeout,
                connectTimeout, trustAllCertificates, workerThreads, allowedDestinations, value);
    }

    /** The wait before retry number {@code retry} (1-based): doubling from retryInterval, capped. */
    Duration backoff(int retry) {
        long millis = retryInterval.toMillis();
        for (int i = 1; i < retry && millis < maxRetryInterval.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxRetryInterval.toMillis()));
    }
}
