package org.cimforge.runtime.indication;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * The ordered delivery queue of one listener destination and its worker. At most one drain of a queue runs at a
 * time (on the shared executor), so indications reach the listener in the order they were queued; a retry waits
 * as a scheduled task, not in a sleeping thread. An indication leaves the queue only after the listener accepted it
 * or after the fatal-error policy gave it up, so nothing is sent again after a success.
 */
final class DestinationQueue {
    private static final Logger LOG = Logger.getLogger(DestinationQueue.class.getName());

    /** One indication waiting for delivery; the body is encoded once, on first use (by the worker). */
    private final class Pending {
        final SubscriptionEntry subscription;
        final CIMInstance indication;
        final String namespace;
        private byte[] body;

        Pending(SubscriptionEntry subscription, CIMInstance indication, String namespace) {
            this.subscription = subscription;
            this.indication = indication;
            this.namespace = namespace;
        }

        byte[] body() {
            if (body == null) {
                body = encoder.apply(indication, namespace);
            }
            return body;
        }
    }

    /** What the queue calls when an indication is given up after its retries. */
    interface FatalErrorHandler {
        void deliveryFailed(SubscriptionEntry subscription, String reason);
    }

    private final DestinationEntry destination;
    private final ExportSender sender;
    private final DeliverySettings settings;
    private final ScheduledExecutorService executor;
    private final FatalErrorHandler fatal;
    private final BiFunction<CIMInstance, String, byte[]> encoder;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private Pending inFlight;
    private boolean draining;
    private boolean closed;
    /** After a fatal failure, each indication gets one attempt until the listener accepts one again. */
    private boolean failing;
    private int retries;
    /** The failure last reported at WARNING, so a listener that keeps refusing is named once; null while it accepts. */
    private String reportedFailure;
    private long dropped;
    private long delivered;
    private long failedAttempts;

    DestinationQueue(DestinationEntry destination, ExportSender sender, DeliverySettings settings,
                     ScheduledExecutorService executor, FatalErrorHandler fatal,
                     BiFunction<CIMInstance, String, byte[]> encoder) {
        this.encoder = encoder;
        this.destination = destination;
        this.sender = sender;
        this.settings = settings;
        this.executor = executor;
        this.fatal = fatal;
    }

    /**
     * Queues an indication; never blocks. The subscription's next SequenceNumber is taken, and {@code build} makes
     * the indication with it, under the queue's lock, so sequence numbers follow the queue order. A full queue drops
     * its oldest waiting indication.
     */
    void offer(SubscriptionEntry subscription, String namespace, LongFunction<CIMInstance> build) {
        boolean start;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (waiting.size() >= settings.queueCapacity()) {
                waiting.pollFirst();
                dropped++;
                if (dropped == 1 || dropped % 1000 == 0) {
                    LOG.warning("indication queue of " + ExportSender.withoutUserInfo(destination.url()) + " is full ("
                            + settings.queueCapacity() + "); dropped the oldest, " + dropped + " so far");
                }
            }
            waiting.addLast(new Pending(subscription, build.apply(subscription.nextSequenceNumber()), namespace));
            start = !draining;
            draining = true;
        }
        if (start) {
            submit(0);
        }
    }

    private void submit(long delayMillis) {
        try {
            if (delayMillis <= 0) {
                executor.execute(this::drain);
            } else {
                executor.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // The service is closing; what is still queued is lost with it.
            synchronized (this) {
                draining = false;
            }
        }
    }

    private void drain() {
        while (true) {
            Pending current;
            synchronized (this) {
                if (closed) {
                    draining = false;
                    return;
                }
                if (inFlight == null) {
                    inFlight = waiting.pollFirst();
                    retries = 0;
                }
                if (inFlight == null) {
                    draining = false;
                    return;
                }
                current = inFlight;
            }
            if (!current.subscription.active()) {
                finish(current, false);
                continue;
            }
            String outcome;
            try {
                outcome = sender.send(destination.url(), current.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (this) {
                    draining = false;
                }
                return;
            } catch (RuntimeException e) {
                outcome = "cannot encode or send the indication: " + e;
            }
            String failure = outcome;
            if (failure == null) {
                finish(current, true);
                continue;
            }
            reportFailure(failure);
            long delay = -1;
            synchronized (this) {
                failedAttempts++;
                if (!failing && retries < settings.retryAttempts()) {
                    retries++;
                    delay = settings.backoff(retries).toMillis();
                }
            }
            if (delay >= 0) {
                LOG.log(Level.FINE, () -> "delivery to " + ExportSender.withoutUserInfo(destination.url())
                        + " failed (" + failure + "), retry " + retries + " in " + settings.backoff(retries));
                // The drain stays claimed while it waits, so nothing overtakes the indication being retried.
                submit(Math.max(1, delay));
                return;
            }
            boolean firstGivenUp;
            synchronized (this) {
                firstGivenUp = !failing;
                failing = true;
            }
            finish(current, false);
            // The first indication lost in a run of failures is a warning; the rest of the run would only repeat it.
            LOG.log(firstGivenUp ? Level.WARNING : Level.FINE, () -> "giving up an indication for "
                    + ExportSender.withoutUserInfo(destination.url()) + ": " + failure);
            fatal.deliveryFailed(current.subscription, failure);
        }
    }

    private void finish(Pending current, boolean success) {
        boolean recovered;
        synchronized (this) {
            if (inFlight == current) {
                inFlight = null;
            }
            recovered = success && reportedFailure != null;
            if (success) {
                delivered++;
                failing = false;
                reportedFailure = null;
            }
        }
        if (recovered) {
            LOG.info("indication listener " + ExportSender.withoutUserInfo(destination.url())
                    + " accepts deliveries again");
        }
    }

    /**
     * Reports a failed attempt at WARNING when the listener was accepting before or now fails for another reason;
     * retries that fail the same way stay at FINE, so a listener that refuses every request is named once, with its
     * answer, rather than once per attempt.
     */
    private void reportFailure(String failure) {
        boolean changed;
        synchronized (this) {
            changed = !failure.equals(reportedFailure);
            reportedFailure = failure;
        }
        if (changed) {
            LOG.warning("indication listener " + ExportSender.withoutUserInfo(destination.url())
                    + " does not accept deliveries: " + failure + " (retrying as the subscription's policy allows)");
        }
    }

    /** Drops every waiting indication of one subscription (after it was disabled or removed). */
    synchronized void discard(SubscriptionEntry subscription) {
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext();) {
            if (it.next().subscription == subscription) {
                it.remove();
            }
        }
    }

    /** Stops the queue; waiting indications are dropped. */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized long delivered() {
        return delivered;
    }

    synchronized long failedAttempts() {
        return failedAttempts;
    }

    synchronized int size() {
        return waiting.size() + (inFlight == null ? 0 : 1);
    }
}
