package org.cimforge.runtime.server.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same client loop on several threads at once and waits for all of them: the benchmarks' load drivers
 * (ServerBenchmark, ServerMemoryBenchmark, the sample's SampleScaleBenchmark) differ only in the loop. Every loop is
 * bounded by the time given and by its own count; a run that has not ended a minute after its time, or in which any
 * thread failed, throws with the first failure. Shared with generated-sample through the runtime's tests jar.
 */
public final class ClientThreads {

    /** One thread's loop: runs until {@code deadline} (a {@link System#nanoTime} value) and returns how many calls it made. */
    @FunctionalInterface
    public interface Loop {
        int run(int thread, long deadline) throws Exception;
    }

    /** What a run did: the calls made by each thread, the wall time, and the CPU time the client threads used. */
    public record Result(int[] calls, double seconds, long clientCpuNanos) {
        /** Calls made by all threads. */
        public int total() {
            return Arrays.stream(calls).sum();
        }
    }

    private ClientThreads() {
    }

    /** Runs {@code loop} on {@code threads} threads named {@code name-N} for at most {@code seconds}. */
    public static Result run(String name, int threads, long seconds, Loop loop) throws Exception {
        int[] calls = new int[threads];
        long[] cpu = new long[threads];
        Throwable[] failure = new Throwable[1];
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    calls[thread] = loop.run(thread, deadline);
                } catch (Throwable e) {
                    failure[0] = e;
                } finally {
                    cpu[thread] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    finished.countDown();
                }
            }, name + "-" + t);
            worker.start();
        }
        if (!finished.await(seconds + 60, TimeUnit.SECONDS) || failure[0] != null) {
            throw new IllegalStateException(name + " run failed", failure[0]);
        }
        return new Result(calls, (System.nanoTime() - start) / 1e9, Arrays.stream(cpu).sum());
    }
}
