package org.cimforge.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
    @Test
    void anArmedDeadlineFiresAfterItsDurationAndNotBefore() throws Exception {
        try (Deadlines deadlines = new Deadlines("test-deadlines")) {
            Deadlines.Lane lane = deadlines.lane(Duration.ofMillis(150));
            CountDownLatch fired = new CountDownLatch(1);
            long start = System.nanoTime();
            long[] at = new long[1];
            lane.arm(() -> {
                at[0] = System.nanoTime();
                fired.countDown();
            });
            assertTrue(fired.await(5, TimeUnit.SECONDS), "the deadline never fired");
            long millis = TimeUnit.NANOSECONDS.toMillis(at[0] - start);
            assertTrue(millis >= 150, "fired after " + millis + " ms, before its 150 ms");
            assertTrue(millis < 1_000, "fired only after " + millis + " ms: the sleeping thread was not woken");
        }
    }

    @Test
    void aDisarmedDeadlineDoesNotFire() throws Exception {
        try (Deadlines deadlines = new Deadlines("test-deadlines")) {
            Deadlines.Lane lane = deadlines.lane(Duration.ofMillis(50));
            AtomicInteger runs = new AtomicInteger();
            for (int i = 0; i < 1_000; i++) {
                lane.arm(runs::incrementAndGet).disarm();
            }
            CountDownLatch last = new CountDownLatch(1);
            lane.arm(last::countDown);
            assertTrue(last.await(5, TimeUnit.SECONDS));
            assertEquals(0, runs.get(), "a disarmed deadline ran");
        }
    }

    @Test
    void deadlinesOfTwoLanesFireInTheirOwnTime() throws Exception {
        try (Deadlines deadlines = new Deadlines("test-deadlines")) {
            Deadlines.Lane slow = deadlines.lane(Duration.ofSeconds(30));
            Deadlines.Lane quick = deadlines.lane(Duration.ofMillis(100));
            AtomicInteger slowRuns = new AtomicInteger();
            slow.arm(slowRuns::incrementAndGet);
            // Armed after a far deadline that the thread already sleeps towards: it must be woken for this one.
            Thread.sleep(50);
            CountDownLatch fired = new CountDownLatch(1);
            long start = System.nanoTime();
            quick.arm(fired::countDown);
            assertTrue(fired.await(5, TimeUnit.SECONDS));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 900);
            assertEquals(0, slowRuns.get());
        }
    }

    @Test
    void armingAfterCloseIsRefused() {
        Deadlines deadlines = new Deadlines("test-deadlines");
        Deadlines.Lane lane = deadlines.lane(Duration.ofSeconds(1));
        deadlines.close();
        assertThrows(RejectedExecutionException.class, () -> lane.arm(() -> { }));
    }
}
