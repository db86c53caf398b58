package org.cimforge.runtime.server.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cimforge.runtime.spi.CimInstanceProvider;

/**
 * Warns when a provider that says {@link CimInstanceProvider#nonBlocking()} took long to answer GetInstance: the
 * server runs such calls on a connection's I/O thread, so every other client on that thread waited too. At most one
 * warning per provider class a minute, so a slow provider cannot flood the log.
 */
final class SlowNonBlockingProviders {
    private static final Logger LOG = Logger.getLogger(SlowNonBlockingProviders.class.getName());
    static final long LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final Map<Class<?>, Long> lastWarned = new ConcurrentHashMap<>();

    /** The provider's own description when it has one (a typed provider's adapter names the typed class). */
    static String describe(CimInstanceProvider provider) {
        String text = provider.toString();
        String name = provider.getClass().getName();
        return text == null || text.startsWith(name + "@") ? name : text;
    }

    void check(CimInstanceProvider provider, long elapsedNanos) {
        if (elapsedNanos <= LIMIT_NANOS) {
            return;
        }
        long now = System.nanoTime();
        Long last = lastWarned.get(provider.getClass());
        if (last != null && now - last < QUIET_NANOS
                || (last == null ? lastWarned.putIfAbsent(provider.getClass(), now) != null
                    : !lastWarned.replace(provider.getClass(), last, now))) {
            return;
        }
        LOG.log(Level.WARNING, "{0}: getInstance took {1} ms although the provider says nonBlocking(); it ran on a"
                + " connection''s I/O thread and held up the other clients there: return false from nonBlocking()"
                + " unless it answers from memory without waiting", new Object[] {describe(provider),
                    TimeUnit.NANOSECONDS.toMillis(elapsedNanos)});
    }
}
