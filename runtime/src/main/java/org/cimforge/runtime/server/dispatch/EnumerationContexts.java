package org.cimforge.runtime.server.dispatch;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cimforge.runtime.spi.CimErrorException;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Open pull enumerations, keyed by an opaque context string. Each holds a lazy iterator over the remaining results
 * (fed by the providers' streams), so opening a context costs nothing per instance. A context is dropped on close,
 * at the end of its sequence, or once its OperationTimeout passes without a pull; a background sweep closes expired
 * ones even when no further request arrives.
 */
final class EnumerationContexts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EnumerationContexts.class.getName());

    /** What a context yields: instances with paths, paths, or (OpenQueryInstances) instances without paths. */
    enum Kind { INSTANCES, PATHS, QUERY_INSTANCES }

    static final class Context {
        final String id;
        /** The user who opened it ("" when anonymous): only that user may pull from it or close it. */
        final String owner;
        final String namespace;
        final Kind kind;
        final Iterator<?> remaining;
        /** Number of results in all, or -1 when the providers' streams do not know it. */
        final long total;
        final AutoCloseable resource;
        long delivered;
        final long timeoutMillis;
        volatile long expiresAt;
        volatile boolean busy;

        Context(String id, String owner, String namespace, Kind kind, Iterator<?> remaining, long total,
                AutoCloseable resource, long timeoutMillis) {
            this.id = id;
            this.owner = owner;
            this.namespace = namespace;
            this.kind = kind;
            this.remaining = remaining;
            this.total = total;
            this.resource = resource;
            this.timeoutMillis = timeoutMillis;
            touch();
        }

        void touch() {
            expiresAt = System.currentTimeMillis() + timeoutMillis;
        }
    }

    private final Map<String, Context> open = new ConcurrentHashMap<>();
    private final int maxOpen;
    private final int maxPerUser;
    private final ScheduledExecutorService sweeper;

    /**
     * Contexts in all and per user: a context may hold what a provider returned as a list, so both bound memory, and
     * the per-user bound keeps one client from taking every place.
     */
    EnumerationContexts(int maxOpen, int maxPerUser) {
        this.maxOpen = maxOpen;
        this.maxPerUser = maxPerUser;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cim-enum-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::purge, 1, 1, TimeUnit.SECONDS);
    }

    Context open(String user, String namespace, Kind kind, Iterator<?> remaining, long total, AutoCloseable resource,
                 long timeoutMillis) {
        purge();
        String owner = user == null ? "" : user;
        if (open.size() >= maxOpen) {
            release(resource);
            throw new CimErrorException(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED,
                    "too many open enumeration contexts (" + maxOpen + " in all); close finished ones");
        }
        long mine = open.values().stream().filter(c -> c.owner.equals(owner)).count();
        if (mine >= maxPerUser) {
            release(resource);
            throw new CimErrorException(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED, "user " + owner + " has "
                    + mine + " open enumeration contexts, the limit per user; close finished ones");
        }
        Context c = new Context(UUID.randomUUID().toString(), owner, namespace, kind, remaining, total, resource,
                timeoutMillis);
        open.put(c.id, c);
        return c;
    }

    Context take(String user, String id, String namespace, Kind kind) {
        purge();
        Context c = id == null ? null : open.get(id);
        String owner = user == null ? "" : user;
        // Another user's context is answered as unknown: its existence is not theirs to learn.
        if (c == null || !c.owner.equals(owner) || !c.namespace.equalsIgnoreCase(namespace)
                || (kind != null && c.kind != kind)) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                    "enumeration context is unknown, closed, expired or of another kind");
        }
        c.touch();
        return c;
    }

    void close(String id) {
        Context c = id == null ? null : open.remove(id);
        if (c != null) {
            release(c.resource);
        }
    }

    int size() {
        return open.size();
    }

    void purge() {
        long now = System.currentTimeMillis();
        for (Context c : open.values()) {
            if (!c.busy && c.expiresAt < now && open.remove(c.id, c)) {
                release(c.resource);
            }
        }
    }

    private static void release(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing an enumeration source failed", e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        for (String id : open.keySet()) {
            close(id);
        }
    }
}
