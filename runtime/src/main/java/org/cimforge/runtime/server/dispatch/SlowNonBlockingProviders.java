package org.cimforge.runtime.server.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cimforge.runtime.spi.CimInstanceProvider;

/**
 * Warns when a provider that says {@link CimInstanceProvider#nonBlocking()} took long to answer GetInstance: the
 * server ran the call on a connection's I/O thread, so every other client on that thread waited too. At most one
 * warning per provider a minute, so a slow provider cannot flood the log.
 */
final class SlowNonBlockingProviders {
    private static final Logger LOG = Logger.getLogger(SlowNonBlockingProviders.class.getName());
    static final long LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** By provider description, so typed providers (all served through one adapter class) are told apart. */
    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

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
        String who = describe(provider);
        Long last = lastWarned.get(who);
        if (last != null && now - last < QUIET_NANOS
                || (last == null ? lastWarned.putIfAbsent(who, now) != null : !lastWarned.replace(who, last, now))) {
            return;
        }
        LOG.log(Level.WARNING, "{0}: getInstance took {1} ms although the provider says nonBlocking(); it ran on a"
                + " connection''s I/O thread and held up the other clients there: return false from nonBlocking()"
                + " unless it answers from memory without waiting", new Object[] {who,
                    TimeUnit.NANOSECONDS.toMillis(elapsedNanos)});
    }
}
