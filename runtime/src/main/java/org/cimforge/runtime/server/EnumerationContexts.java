package org.cimforge.runtime.server;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Open pull enumerations: the remaining results of each, keyed by an opaque context string, dropped on close, at
 * the end of the sequence, or once their OperationTimeout passes without a pull.
 */
final class EnumerationContexts {
    /** Whether a context yields instances with paths or paths only. */
    enum Kind { INSTANCES, PATHS }

    static final class Context {
        final String id;
        final String namespace;
        final Kind kind;
        final Iterator<?> remaining;
        final int total;
        int delivered;
        final long timeoutMillis;
        volatile long expiresAt;

        Context(String id, String namespace, Kind kind, List<?> results, long timeoutMillis) {
            this.id = id;
            this.namespace = namespace;
            this.kind = kind;
            this.remaining = results.iterator();
            this.total = results.size();
            this.timeoutMillis = timeoutMillis;
            this.expiresAt = System.currentTimeMillis() + timeoutMillis;
        }
    }

    private final Map<String, Context> open = new ConcurrentHashMap<>();
    private final int maxOpen;

    EnumerationContexts(int maxOpen) {
        this.maxOpen = maxOpen;
    }

    Context open(String namespace, Kind kind, List<?> results, long timeoutMillis) {
        purge();
        if (open.size() >= maxOpen) {
            throw new CimErrorException(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED,
                    "too many open enumeration contexts");
        }
        Context c = new Context(UUID.randomUUID().toString(), namespace, kind, results, timeoutMillis);
        open.put(c.id, c);
        return c;
    }

    Context take(String id, String namespace, Kind kind) {
        purge();
        Context c = id == null ? null : open.get(id);
        if (c == null || !c.namespace.equalsIgnoreCase(namespace) || (kind != null && c.kind != kind)) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                    "enumeration context is unknown, closed, expired or of another kind");
        }
        c.expiresAt = System.currentTimeMillis() + c.timeoutMillis;
        return c;
    }

    void close(String id) {
        open.remove(id);
    }

    int size() {
        return open.size();
    }

    private void purge() {
        long now = System.currentTimeMillis();
        open.values().removeIf(c -> c.expiresAt < now);
    }
}
