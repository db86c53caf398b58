package org.cimforge.runtime.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-request deadlines (the request timeout, the body deadline), kept by one thread without waking it for each
 * request. Every request arms a deadline and almost every one disarms it again well before it is due; with a
 * {@code ScheduledThreadPoolExecutor} each arming became the head of an emptied queue and woke its thread, which cost
 * about 20 µs of CPU per request. Here a {@link Lane} holds the deadlines of one fixed duration, which therefore fall
 * due in the order they were armed: arming appends to a queue, disarming clears the entry, and the thread sleeps
 * until the oldest live entry is due, dropping cleared ones as it passes (and at least once a second).
 */
final class Deadlines implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Deadlines.class.getName());
    /** The longest the thread sleeps: how long cleared entries may wait to be dropped. */
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    /** False while the thread looks at the queues; a deadline armed then must wake it (see {@link Lane#arm}). */
    private volatile boolean asleep;
    /** When the sleeping thread will look again ({@link System#nanoTime()}). */
    private volatile long wakeAt;

    Deadlines(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** A lane for deadlines of one duration. */
    Lane lane(Duration duration) {
        Lane lane = new Lane(duration.toNanos());
        lanes.add(lane);
        return lane;
    }

    /** Deadlines of one fixed duration, due in the order they are armed. */
    final class Lane {
        private final long nanos;
        private final ConcurrentLinkedQueue<Armed> queue = new ConcurrentLinkedQueue<>();

        private Lane(long nanos) {
            this.nanos = nanos;
        }

        /**
         * Runs {@code action} on the deadline thread once the lane's duration has passed, unless the returned handle
         * is disarmed first. Refused once the deadlines are closed.
         */
        Armed arm(Runnable action) {
            if (closed) {
                throw new RejectedExecutionException("deadlines closed");
            }
            Armed a = new Armed(System.nanoTime() + nanos, action);
            queue.add(a);
            if (!asleep || a.due - wakeAt < 0) {
                LockSupport.unpark(thread);
            }
            return a;
        }
    }

    /** One armed deadline; {@link #disarm()} makes sure its action does not run (unless it is already running). */
    static final class Armed {
        final long due;
        private volatile Runnable action;

        Armed(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        /** Cancels the deadline and lets go of its action. */
        void disarm() {
            action = null;
        }
    }

    private void run() {
        long lastSweep = System.nanoTime();
        while (!closed) {
            asleep = false;
            long now = System.nanoTime();
            long next = now + SWEEP_NANOS;
            boolean sweep = now - lastSweep >= SWEEP_NANOS;
            for (Lane lane : lanes) {
                long due = expire(lane, now, sweep);
                if (due - next < 0) {
                    next = due;
                }
            }
            if (sweep) {
                lastSweep = now;
            }
            wakeAt = next;
            asleep = true;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /**
     * Runs the lane's due actions and drops cleared entries from its head; returns when its oldest live entry is due
     * (or far in the future when there is none). With {@code sweep}, also drops cleared entries behind a live head
     * (an operation that runs long must not keep a second's worth of finished requests' entries per second).
     */
    private long expire(Lane lane, long now, boolean sweep) {
        Armed head;
        while ((head = lane.queue.peek()) != null) {
            Runnable action = head.action;
            if (action == null) {
                lane.queue.poll();
                continue;
            }
            if (head.due - now > 0) {
                if (sweep) {
                    lane.queue.removeIf(a -> a.action == null);
                }
                return head.due;
            }
            lane.queue.poll();
            head.action = null;
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "a request deadline action failed", e);
            }
        }
        return now + SWEEP_NANOS;
    }

    /** Stops the thread; armed deadlines no longer fire and arming is refused. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        for (Lane lane : lanes) {
            lane.queue.clear();
        }
    }
}
