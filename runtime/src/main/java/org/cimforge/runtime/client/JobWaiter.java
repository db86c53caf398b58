package org.cimforge.runtime.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.cimforge.runtime.CimReference;

/** Polls a CIM_ConcreteJob until it reaches a final JobState, then collects its affected elements. */
final class JobWaiter {
    private static final long FIRST_POLL_MILLIS = 50;
    private static final long MAX_POLL_MILLIS = 2000;

    private final WBEMClient client;
    private final String namespace;

    JobWaiter(WBEMClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    JobOutcome await(CimReference<?> job, Duration timeout) throws WBEMException {
        CIMObjectPath path = job.path();
        if (path.getNamespace() == null || path.getNamespace().isEmpty()) {
            path = new CIMObjectPath(null, null, null, namespace, path.getObjectName(), path.getKeys());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            CIMInstance instance = client.getInstance(path, false, false, null);
            Object state = instance.getPropertyValue("JobState");
            int jobState = state == null ? 0 : ((Number) state).intValue();
            boolean finished = jobState >= 7 && jobState <= 10;
            if (finished || System.nanoTime() >= deadline) {
                return new JobOutcome(instance, jobState, finished ? affected(path) : List.of(), !finished);
            }
            sleep(pause);
            // Back off so long jobs are not polled in a tight loop.
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
    }

    private List<CIMObjectPath> affected(CIMObjectPath job) throws WBEMException {
        List<CIMObjectPath> result = new ArrayList<>();
        CloseableIterator<CIMObjectPath> names = client.associatorNames(job, "CIM_AffectedJobElement", null, null, null);
        try {
            while (names.hasNext()) {
                result.add(names.next());
            }
        } finally {
            names.close();
        }
        return result;
    }

    private static void sleep(long millis) throws WBEMException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WBEMException(1, "interrupted while waiting for a job");
        }
    }
}
