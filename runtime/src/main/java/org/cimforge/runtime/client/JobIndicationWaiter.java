package org.cimforge.runtime.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.listener.IndicationListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListenerFactory;
import org.cimforge.runtime.CimReference;

/**
 * Waits for CIM_ConcreteJob completion by indication instead of polling: {@link #open} starts a local CIM-XML
 * listener (the SBLIM one) and subscribes it, in the server's interop namespace, to the SMI-S job filters (completed
 * OK, completed with error, and job state changes, which also catches terminated and killed jobs); {@link #await}
 * then returns as soon as the job's final state arrives, re-reading the job once with GetInstance, and falls back
 * to a last GetInstance when the timeout passes. {@link #close} removes the subscriptions and stops the listener.
 * One waiter serves any number of jobs of its namespace, also concurrently.
 */
public final class JobIndicationWaiter implements AutoCloseable {
    private static final String CQL = "DMTF:CQL";
    private static final String JOB_MODIFIED = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA "
            + "CIM_ConcreteJob AND ";
    private static final Map<String, String> FILTERS = Map.of(
            "completed-ok", JOB_MODIFIED + "ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 17 AND "
                    + "ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 2",
            "failed", JOB_MODIFIED + "ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 17 AND "
                    + "ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 6",
            "state-change", JOB_MODIFIED + "SourceInstance.CIM_ConcreteJob::JobState <> "
                    + "PreviousInstance.CIM_ConcreteJob::JobState");
    /** Final states remembered for jobs nobody waits for yet (a job may end before its waiter starts). */
    private static final int REMEMBERED_JOBS = 1000;

    /**
     * Where the listener runs and where the subscriptions go.
     *
     * @param interopNamespace namespace of the server's subscription classes (default root/interop)
     * @param listenAddress    local address the listener binds (default 127.0.0.1)
     * @param port             listener port, 0 for any free one
     * @param advertisedHost   host name or address the server should send to (default: listenAddress); set it
     *                         when the server runs on another machine
     */
    public record Options(String interopNamespace, String listenAddress, int port, String advertisedHost) {
        /** root/interop, a free port on 127.0.0.1. */
        public static Options defaults() {
            return new Options("root/interop", "127.0.0.1", 0, null);
        }
    }

    private final WBEMClient client;
    private final String jobNamespace;
    private final Options options;
    private final WBEMListener listener;
    private final int listenerPort;
    private final List<CIMObjectPath> created = new ArrayList<>();
    private final Map<String, CIMInstance> finished = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CIMInstance> eldest) {
            return size() > REMEMBERED_JOBS;
        }
    };

    private long finalStates;

    private JobIndicationWaiter(WBEMClient client, String jobNamespace, Options options) throws WBEMException {
        this.client = client;
        this.jobNamespace = jobNamespace;
        this.options = options;
        this.listener = WBEMListenerFactory.getListener("CIM-XML");
        try {
            IndicationListener onIndication = (id, indication) -> received(indication);
            this.listenerPort = listener.addListener(onIndication, options.port(), "http", options.listenAddress());
        } catch (IOException e) {
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, "cannot start an indication listener on "
                    + options.listenAddress() + ":" + options.port() + ": " + e.getMessage());
        }
    }

    /** Starts a listener on a free loopback port and subscribes it to the job filters of {@code jobNamespace}. */
    public static JobIndicationWaiter open(WBEMClient client, String jobNamespace) throws WBEMException {
        return open(client, jobNamespace, Options.defaults());
    }

    /** Starts a listener as {@code options} say and subscribes it to the job filters of {@code jobNamespace}. */
    public static JobIndicationWaiter open(WBEMClient client, String jobNamespace, Options options)
            throws WBEMException {
        JobIndicationWaiter waiter = new JobIndicationWaiter(client, jobNamespace, options);
        try {
            waiter.subscribe();
        } catch (WBEMException | RuntimeException e) {
            waiter.close();
            throw e;
        }
        return waiter;
    }

    /** How many indications of a job reaching a final state this waiter has received, for diagnostics. */
    public long finalStatesReceived() {
        synchronized (finished) {
            return finalStates;
        }
    }

    /** The port the listener receives indications on. */
    public int listenerPort() {
        return listenerPort;
    }

    private void subscribe() throws WBEMException {
        String ns = options.interopNamespace();
        // A read first: a server without subscription classes fails here, before anything is created on it.
        close(client.enumerateInstanceNames(new CIMObjectPath(null, null, null, ns, "CIM_IndicationSubscription",
                null)));
        String prefix = "CIMForge-JobWait-" + UUID.randomUUID();
        String host = options.advertisedHost() != null ? options.advertisedHost() : options.listenAddress();
        CIMObjectPath destination = create(new CIMInstance(classPath("CIM_ListenerDestinationCIMXML"),
                new CIMProperty<?>[] {
                    string("Name", prefix),
                    string("Destination", "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                            + listenerPort + "/cimforge-job-wait"),
                    new CIMProperty<>("PersistenceType", CIMDataType.UINT16_T, new UnsignedInteger16(3))}));
        for (Map.Entry<String, String> f : FILTERS.entrySet()) {
            CIMObjectPath filter = create(new CIMInstance(classPath("CIM_IndicationFilter"), new CIMProperty<?>[] {
                string("Name", prefix + "-" + f.getKey()),
                string("Query", f.getValue()),
                string("QueryLanguage", CQL),
                new CIMProperty<>("SourceNamespaces", CIMDataType.STRING_ARRAY_T, new String[] {jobNamespace})}));
            create(new CIMInstance(classPath("CIM_IndicationSubscription"), new CIMProperty<?>[] {
                new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"), filter, true, false, null),
                new CIMProperty<>("Handler", new CIMDataType("CIM_ListenerDestination"), destination, true, false,
                        null),
                // Remove: a subscription whose listener is gone should not linger on the server.
                new CIMProperty<>("OnFatalErrorPolicy", CIMDataType.UINT16_T, new UnsignedInteger16(4))}));
        }
    }

    private CIMObjectPath create(CIMInstance instance) throws WBEMException {
        CIMObjectPath path = client.createInstance(instance);
        if (path.getNamespace() == null || path.getNamespace().isEmpty()) {
            path = new CIMObjectPath(null, null, null, options.interopNamespace(), path.getObjectName(),
                    path.getKeys());
        }
        created.add(path);
        return path;
    }

    private CIMObjectPath classPath(String className) {
        return new CIMObjectPath(null, null, null, options.interopNamespace(), className, null);
    }

    private static CIMProperty<String> string(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value);
    }

    private void received(CIMInstance indication) {
        Object source = indication.getPropertyValue("SourceInstance");
        if (!(source instanceof CIMInstance job)) {
            return;
        }
        Object id = job.getPropertyValue("InstanceID");
        if (id != null && isFinal(jobState(job))) {
            synchronized (finished) {
                finalStates++;
                finished.put(id.toString(), job);
                finished.notifyAll();
            }
        }
    }

    /**
     * Waits until the job reaches a final JobState (7–10) or {@code timeout} passes, and reports it like the polling
     * wait of {@link TypedClient}: the job as read last, its JobState, the elements it affected, and whether the wait
     * timed out.
     */
    public JobOutcome await(CimReference<?> job, Duration timeout) throws WBEMException {
        CIMObjectPath path = job.path();
        if (path.getNamespace() == null || path.getNamespace().isEmpty()) {
            path = new CIMObjectPath(null, null, null, jobNamespace, path.getObjectName(), path.getKeys());
        }
        CIMProperty<?> key = path.getKey("InstanceID");
        if (key == null || key.getValue() == null) {
            throw new IllegalArgumentException("a CIM_ConcreteJob path needs its InstanceID key: " + path);
        }
        String id = key.getValue().toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        // The job may have ended before the wait began; one read settles that.
        CIMInstance current = client.getInstance(path, false, false, null);
        if (isFinal(jobState(current))) {
            return outcome(path, current, false);
        }
        CIMInstance reported = waitFor(id, deadline);
        CIMInstance last;
        try {
            last = client.getInstance(path, false, false, null);
        } catch (WBEMException e) {
            // A job deleted right after it ended is still reported by what the indication carried.
            if (e.getID() != WBEMException.CIM_ERR_NOT_FOUND || reported == null) {
                throw e;
            }
            last = reported;
        }
        boolean done = isFinal(jobState(last));
        return outcome(path, last, !done);
    }

    private CIMInstance waitFor(String id, long deadline) throws WBEMException {
        synchronized (finished) {
            while (true) {
                CIMInstance done = finished.remove(id);
                if (done != null) {
                    return done;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    finished.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WBEMException(WBEMException.CIM_ERR_FAILED, "interrupted while waiting for a job");
                }
            }
        }
    }

    private JobOutcome outcome(CIMObjectPath path, CIMInstance job, boolean timedOut) throws WBEMException {
        int state = jobState(job);
        return new JobOutcome(job, state, isFinal(state) ? affected(path) : List.of(), timedOut);
    }

    private List<CIMObjectPath> affected(CIMObjectPath job) throws WBEMException {
        List<CIMObjectPath> result = new ArrayList<>();
        CloseableIterator<CIMObjectPath> names = client.associatorNames(job, "CIM_AffectedJobElement", null, null,
                null);
        try {
            while (names.hasNext()) {
                result.add(names.next());
            }
        } finally {
            names.close();
        }
        return result;
    }

    private static int jobState(CIMInstance job) {
        Object state = job == null ? null : job.getPropertyValue("JobState");
        return state instanceof Number n ? n.intValue() : 0;
    }

    private static boolean isFinal(int jobState) {
        return jobState >= 7 && jobState <= 10;
    }

    private static void close(CloseableIterator<?> it) throws WBEMException {
        try {
            while (it.hasNext()) {
                it.next();
            }
            WBEMException failure = it.getWBEMException();
            if (failure != null) {
                throw failure;
            }
        } finally {
            it.close();
        }
    }

    /** Deletes the subscriptions, filters and destination (subscriptions first) and stops the listener. */
    @Override
    public void close() {
        for (int i = created.size() - 1; i >= 0; i--) {
            CIMObjectPath p = created.get(i);
            if (p.getObjectName().equalsIgnoreCase("CIM_ListenerDestinationCIMXML")) {
                continue;
            }
            delete(p);
        }
        for (CIMObjectPath p : created) {
            if (p.getObjectName().equalsIgnoreCase("CIM_ListenerDestinationCIMXML")) {
                delete(p);
            }
        }
        created.clear();
        listener.removeListener(listenerPort);
    }

    private void delete(CIMObjectPath p) {
        try {
            client.deleteInstance(p);
        } catch (WBEMException e) {
            // Best effort: the server may be gone, and a leftover transient subscription does no harm there.
        }
    }
}
