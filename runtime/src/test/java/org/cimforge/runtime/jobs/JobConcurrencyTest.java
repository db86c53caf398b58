package org.cimforge.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.cimforge.runtime.jobs.JobFixture.Published;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.junit.jupiter.api.Test;

/** Engine threads drive jobs while HTTP clients read them: every reader sees a consistent, monotonic job. */
class JobConcurrencyTest {
    static final int JOBS = 4;
    static final int READS = 100;

    @Test
    void writersAndReadersDoNotSeeTornOrBackwardStates() throws Exception {
        try (JobFixture fx = new JobFixture()) {
            List<CimJob> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(fx.jobs.start(fx.request("Work" + i).build()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(JOBS + 2);
            try {
                List<Semaphore> turns = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    turns.add(new Semaphore(0));
                }
                AtomicInteger midway = new AtomicInteger();
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    CimJob job = jobs.get(i);
                    Semaphore turn = turns.get(i);
                    work.add(pool.submit(() -> {
                        job.running();
                        for (int p = 1; p <= 100; p++) {
                            // Each read lets every writer make one change, so reads really fall between changes;
                            // the bounded wait lets the writer finish should the readers stop early.
                            turn.tryAcquire(2, TimeUnit.SECONDS);
                            job.progress(p);
                        }
                        job.complete();
                        return null;
                    }));
                }
                Map<String, Integer> violations = new ConcurrentHashMap<>();
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        WBEMClient client = JobFixture.connect(fx.server.port());
                        try {
                            int[] last = new int[JOBS];
                            for (int n = 0; n < READS; n++) {
                                int k = n % JOBS;
                                CIMInstance seen = client.getInstance(jobs.get(k).path(), false, false, null);
                                int state = ((Number) seen.getPropertyValue("JobState")).intValue();
                                int percent = ((Number) seen.getPropertyValue("PercentComplete")).intValue();
                                if (percent < last[k] || state == 7 && percent != 100) {
                                    violations.merge(jobs.get(k).instanceId(), 1, Integer::sum);
                                }
                                if (state == 4 && percent > 0 && percent < 100) {
                                    midway.incrementAndGet();
                                }
                                last[k] = percent;
                                turns.forEach(Semaphore::release);
                            }
                        } finally {
                            client.close();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get(30, TimeUnit.SECONDS);
                }
                for (Future<?> f : readers) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertThat(violations).isEmpty();
                assertThat(midway.get()).as("reads that fell while jobs were running").isGreaterThan(READS / 2);
            } finally {
                pool.shutdownNow();
            }
            for (CimJob job : jobs) {
                assertThat(job.jobState()).isEqualTo(7);
                List<Published> told = fx.indications.about(job.instanceId());
                // creation, running, 100 progress steps, completion
                assertThat(told).hasSize(103);
                int previous = -1;
                for (Published p : told) {
                    int percent = ((Number) p.source().getPropertyValue("PercentComplete")).intValue();
                    assertThat(percent).isGreaterThanOrEqualTo(previous);
                    previous = percent;
                }
            }
        }
    }
}
