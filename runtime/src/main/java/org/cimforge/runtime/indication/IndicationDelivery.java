package org.cimforge.runtime.indication;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * The delivery side: one {@link DestinationQueue} per listener destination, all drained by one small scheduled
 * executor, and one HTTP client.
 */
final class IndicationDelivery implements AutoCloseable {
    private final DeliverySettings settings;
    private final ScheduledThreadPoolExecutor executor;
    private final ExportSender sender;
    private final DestinationQueue.FatalErrorHandler fatal;
    private final String host;
    private final Map<String, DestinationQueue> queues = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong(1000);

    IndicationDelivery(DeliverySettings settings, String host, DestinationQueue.FatalErrorHandler fatal) {
        this.settings = settings;
        this.host = host;
        this.fatal = fatal;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(settings.workerThreads(), r -> {
            Thread t = new Thread(r, "cim-indication-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.sender = new ExportSender(settings);
    }

    /** Queues an indication for the subscription's destination (see {@link DestinationQueue#offer}). */
    void enqueue(SubscriptionEntry subscription, String namespace, LongFunction<CIMInstance> build) {
        DestinationEntry d = subscription.destination;
        queues.computeIfAbsent(d.id(), k -> new DestinationQueue(d, sender, settings, executor, fatal,
                (indication, ns) -> ExportRequests.exportIndication(Long.toString(messageIds.incrementAndGet()),
                        indication, ns, host)))
                .offer(subscription, namespace, build);
    }

    void discard(SubscriptionEntry subscription) {
        DestinationQueue q = queues.get(subscription.destination.id());
        if (q != null) {
            q.discard(subscription);
        }
    }

    void destinationRemoved(DestinationEntry destination) {
        DestinationQueue q = queues.remove(destination.id());
        if (q != null) {
            q.close();
        }
    }

    /** Indications accepted by listeners so far. */
    long delivered() {
        return queues.values().stream().mapToLong(DestinationQueue::delivered).sum();
    }

    /** Indications dropped because a queue was full. */
    long dropped() {
        return queues.values().stream().mapToLong(DestinationQueue::dropped).sum();
    }

    /** Delivery attempts that failed (each retry counts). */
    long failedAttempts() {
        return queues.values().stream().mapToLong(DestinationQueue::failedAttempts).sum();
    }

    /** Indications waiting or being sent. */
    int pending() {
        return queues.values().stream().mapToInt(DestinationQueue::size).sum();
    }

    @Override
    public void close() {
        queues.values().forEach(DestinationQueue::close);
        executor.shutdownNow();
        try {
            executor.awaitTermination(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
