package org.cimforge.runtime.jobs;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * How long a job change takes to become visible to a client that polls the job by GetInstance over HTTP on
 * 127.0.0.1. A poller thread runs GetInstance on the current job back to back, all the time; the writer (the main
 * thread, standing in for an engine) changes the job while those requests are in flight: JobState (New → Running,
 * Running → Completed) and PercentComplete (8 steps per job). Each change is timed from just before the change call
 * to the end of the first GetInstance whose answer shows it; after that the writer waits a random 0–1 ms, so that
 * changes land at random points of the poll cycle. Prints median, p99 and max for state changes and for
 * PercentComplete changes, how many GetInstance answers each change took to show, how many were already shown by a
 * request sent before the change, and how many answers to requests sent after a change call had returned still did
 * not show it (the job contract says none: a change is visible to the next GetInstance).
 *
 * <p>Run: {@code java -cp <runtime test classpath> org.cimforge.runtime.jobs.JobLatencyBenchmark [changes]}.
 */
public final class JobLatencyBenchmark {
    private static final int WARM_UP = 300;
    private static final int PROGRESS_STEPS = 8;
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private JobLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        CimClassRepository repository = new CimClassRepository()
                .namespace(JobFixture.NS, JobFixture.schema("jobs-model.mof"));
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build();
        try (CimServer server = CimServer.start(config, repository, new CimProviderRegistry());
             CimJobs jobs = CimJobs.install(server, JobSettings.defaults().withSweepInterval(Duration.ZERO))) {
            WBEMClient client = JobFixture.connect(server.port());
            Poller poller = new Poller(client);
            Thread polling = new Thread(poller, "job-poller");
            polling.start();
            try {
                measure(jobs, poller, WARM_UP);
                Result r = measure(jobs, poller, changes);
                poller.stop = true;
                polling.join(); // the poller's counters are read below
                System.out.printf(Locale.ROOT, "job change -> visible to GetInstance over HTTP, polled back to back "
                        + "while the writer changes the job (%d changes: %d state, %d PercentComplete)%n",
                        r.count(), r.stateCount, r.progressCount);
                System.out.println("    JobState changes:        " + summary(r.state, r.stateCount));
                System.out.println("    PercentComplete changes: " + summary(r.progress, r.progressCount));
                long[] polls = Arrays.copyOf(r.polls, r.count());
                Arrays.sort(polls);
                System.out.printf(Locale.ROOT, "    GetInstance answers until a change showed: median %d, max %d; "
                        + "shown by a request sent before the change: %d of %d%n",
                        polls[polls.length / 2], polls[polls.length - 1], r.inFlight, r.count());
                System.out.printf(Locale.ROOT, "    answers to requests sent after the change call returned that "
                        + "did not show it: %d of %d checked%n", poller.staleAfterReturn, poller.checked);
                if (poller.staleAfterReturn > 0) {
                    System.exit(1);
                }
            } finally {
                poller.stop = true;
                polling.join(TimeUnit.SECONDS.toMillis(10));
                client.close();
            }
        }
    }

    private static String summary(long[] nanos, int count) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.3f ms, p99 %.3f ms, max %.3f ms", millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /** Latencies by kind of change, answers needed per change, and how many an in-flight request already showed. */
    private static final class Result {
        final long[] state;
        final long[] progress;
        final long[] polls;
        int stateCount;
        int progressCount;
        int inFlight;

        Result(int changes) {
            state = new long[changes];
            progress = new long[changes];
            polls = new long[changes];
        }

        int count() {
            return stateCount + progressCount;
        }
    }

    private static Result measure(CimJobs jobs, Poller poller, int changes) throws Exception {
        Result result = new Result(changes);
        while (result.count() < changes) {
            CimJob job = jobs.start(JobRequest.builder(JobFixture.NS, "Benchmark").build());
            poller.target = job.path();
            // The baseline: the poller has read the new job once, so every later answer is a fresh read of it.
            poller.await(job.path(), 2, null, System.nanoTime() + MAX_WAIT.toNanos());
            change(result, poller, job, true, 4, null, job::running);
            for (int step = 1; step <= PROGRESS_STEPS && result.count() < changes; step++) {
                int percent = step * 10;
                change(result, poller, job, false, 4, percent, () -> job.progress(percent));
            }
            if (result.count() < changes) {
                change(result, poller, job, true, 7, 100, job::complete);
            } else {
                job.complete();
            }
        }
        poller.target = null;
        return result;
    }

    /** Makes one change while the poller runs and records when the poller first saw it. */
    private static void change(Result result, Poller poller, CimJob job, boolean isState, int state, Integer percent,
                               Runnable change) throws Exception {
        long answersBefore = poller.answers();
        poller.expected = null; // no answer is judged while a change is being made
        long t0 = System.nanoTime();
        change.run();
        poller.expected = new Poller.Expected(job.path(), state, percent, System.nanoTime());
        Poller.Seen seen = poller.await(job.path(), state, percent, t0 + MAX_WAIT.toNanos());
        int i = result.count();
        result.polls[i] = seen.answers() - answersBefore;
        if (seen.sentAt() < t0) {
            result.inFlight++;
        }
        if (isState) {
            result.state[result.stateCount++] = seen.at() - t0;
        } else {
            result.progress[result.progressCount++] = seen.at() - t0;
        }
        // Land the next change at a random point of the poll cycle, not always right after an answer.
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000));
    }

    /** Runs GetInstance on {@link #target} back to back and publishes every answer. */
    private static final class Poller implements Runnable {
        /** One answer: what it showed, when its request left, when it arrived, and how many answers so far. */
        record Seen(CIMObjectPath path, int state, int percent, long sentAt, long at, long answers) {
        }

        /** What every answer to a request sent after {@code returnedAt} must show. */
        record Expected(CIMObjectPath path, int state, Integer percent, long returnedAt) {
        }

        private final WBEMClient client;
        private final Object lock = new Object();
        volatile CIMObjectPath target;
        volatile boolean stop;
        volatile Expected expected;
        /** Answers judged against {@link #expected}, and those that did not show it; read after the poller stopped. */
        long checked;
        long staleAfterReturn;
        private Seen last;
        private long answers;
        private Exception failure;

        Poller(WBEMClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    CIMObjectPath path = target;
                    if (path == null) {
                        LockSupport.parkNanos(50_000);
                        continue;
                    }
                    long sent = System.nanoTime();
                    CIMInstance job = client.getInstance(path, false, false, null);
                    long at = System.nanoTime();
                    Number percent = (Number) job.getPropertyValue("PercentComplete");
                    int state = ((Number) job.getPropertyValue("JobState")).intValue();
                    Expected e = expected;
                    if (e != null && e.path().equals(path) && sent > e.returnedAt()) {
                        checked++;
                        if (state != e.state() || (e.percent() != null && (percent == null || percent.intValue() != e.percent()))) {
                            staleAfterReturn++;
                        }
                    }
                    synchronized (lock) {
                        answers++;
                        last = new Seen(path, state, percent == null ? -1 : percent.intValue(), sent, at, answers);
                        lock.notifyAll();
                    }
                }
            } catch (Exception e) {
                synchronized (lock) {
                    failure = e;
                    lock.notifyAll();
                }
            }
        }

        long answers() {
            synchronized (lock) {
                return answers;
            }
        }

        /** Waits for an answer about {@code path} showing {@code state} (and {@code percent} unless null). */
        Seen await(CIMObjectPath path, int state, Integer percent, long deadline) throws Exception {
            synchronized (lock) {
                while (last == null || !last.path().equals(path) || last.state() != state
                        || (percent != null && last.percent() != percent)) {
                    if (failure != null) {
                        throw failure;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("JobState " + state + ", PercentComplete " + percent
                                + " not visible within " + MAX_WAIT + "; last answer " + last);
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                return last;
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
