package org.cimforge.runtime.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * How long a job change takes to become visible to a client's GetInstance over HTTP on 127.0.0.1: a provider thread
 * sets PercentComplete, and the SBLIM client polls GetInstance until it reads the new value. Prints median, p99 and
 * max over a bounded number of changes, and how many GetInstance calls each change needed.
 *
 * <p>Run: {@code java -cp <runtime test classpath> org.cimforge.runtime.jobs.JobLatencyBenchmark [changes]}.
 */
public final class JobLatencyBenchmark {
    private static final int WARM_UP = 300;
    private static final int MAX_POLLS = 1_000;
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
            try {
                measure(jobs, client, WARM_UP);
                Result r = measure(jobs, client, changes);
                long[] sorted = r.nanos.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "job change -> visible to GetInstance over HTTP (%d changes): "
                        + "median %.3f ms, p99 %.3f ms, max %.3f ms; GetInstance calls per change: max %d%n",
                        sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                        millis(sorted[sorted.length - 1]), r.maxPolls);
            } finally {
                client.close();
            }
        }
    }

    private record Result(long[] nanos, int maxPolls) {
    }

    private static Result measure(CimJobs jobs, WBEMClient client, int changes) throws Exception {
        long[] nanos = new long[changes];
        int maxPolls = 0;
        List<CimJob> started = new ArrayList<>();
        CimJob job = null;
        for (int i = 0; i < changes; i++) {
            int percent = i % 99 + 1;
            if (percent == 1) {
                if (job != null) {
                    job.complete();
                }
                job = jobs.start(JobRequest.builder(JobFixture.NS, "Benchmark").build());
                job.running();
                started.add(job);
            }
            CimJob current = job;
            // The change is made on another thread, as an engine would, and timed from just before it.
            long t0 = System.nanoTime();
            Thread writer = new Thread(() -> current.progress(percent));
            writer.start();
            writer.join();
            int polls = 0;
            long deadline = t0 + MAX_WAIT.toNanos();
            while (true) {
                polls++;
                CIMInstance seen = client.getInstance(current.path(), false, false, null);
                if (((Number) seen.getPropertyValue("PercentComplete")).intValue() == percent) {
                    break;
                }
                if (polls >= MAX_POLLS || System.nanoTime() > deadline) {
                    throw new IllegalStateException("change " + i + " not visible after " + polls + " polls");
                }
            }
            nanos[i] = System.nanoTime() - t0;
            maxPolls = Math.max(maxPolls, polls);
        }
        if (job != null) {
            job.complete();
        }
        return new Result(nanos, maxPolls);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
