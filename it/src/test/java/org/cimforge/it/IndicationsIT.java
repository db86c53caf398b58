package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.listener.IndicationListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListenerFactory;

/**
 * Job indications from the packaged provider received by the SBLIM client's own CIM-XML listener: a creation and a
 * successful completion per replica job, in order, with the job as embedded SourceInstance; and a listener that is
 * down for a few seconds while jobs run, which then gets every indication once and in order.
 */
class IndicationsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INTEROP = "root/interop";
    private static final String CREATED = "SELECT * FROM CIM_InstCreation WHERE SourceInstance ISA CIM_ConcreteJob";
    private static final String COMPLETED_OK = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA "
            + "CIM_ConcreteJob AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 17 "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 2";
    private static SampleProcess sample;
    private static WBEMClient client;
    private static final BlockingQueue<CIMInstance> received = new LinkedBlockingQueue<>();
    private static final WBEMListener listener = WBEMListenerFactory.getListener("CIM-XML");
    private static int listenerPort;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleProcess.start(null, "--copy-rate", "1G");
        client = Clients.sblim(sample);
        listenerPort = SampleProcess.freePort();
        listen();
        CIMObjectPath destination = client.createInstance(new CIMInstance(interop("CIM_ListenerDestinationCIMXML"),
                new CIMProperty<?>[] {
                    new CIMProperty<>("Name", CIMDataType.STRING_T, "it-listener"),
                    new CIMProperty<>("Destination", CIMDataType.STRING_T,
                            "http://127.0.0.1:" + listenerPort + "/it")}));
        subscribe(filter("it-job-created", CREATED), destination);
        subscribe(filter("it-job-completed-ok", COMPLETED_OK), destination);
    }

    @AfterAll
    static void stop() throws Exception {
        listener.removeListener(listenerPort);
        if (client != null) {
            client.close();
        }
        if (sample != null) {
            assertThat(sample.stop()).isIn(0, 130, 143);
        }
    }

    private static void listen() throws IOException {
        IndicationListener onIndication = (id, indication) -> received.add(indication);
        listener.addListener(onIndication, listenerPort, "http", "127.0.0.1");
    }

    private static CIMObjectPath interop(String className) {
        return new CIMObjectPath(null, null, null, INTEROP, className, null);
    }

    private static CIMObjectPath inInterop(CIMObjectPath p) {
        return new CIMObjectPath(null, null, null, INTEROP, p.getObjectName(), p.getKeys());
    }

    private static CIMObjectPath filter(String name, String query) throws WBEMException {
        return client.createInstance(new CIMInstance(interop("CIM_IndicationFilter"), new CIMProperty<?>[] {
            new CIMProperty<>("Name", CIMDataType.STRING_T, name),
            new CIMProperty<>("Query", CIMDataType.STRING_T, query),
            new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "DMTF:CQL"),
            new CIMProperty<>("SourceNamespaces", CIMDataType.STRING_ARRAY_T, new String[] {SampleProcess.NAMESPACE})}));
    }

    private static void subscribe(CIMObjectPath filter, CIMObjectPath destination) throws WBEMException {
        client.createInstance(new CIMInstance(interop("CIM_IndicationSubscription"), new CIMProperty<?>[] {
            new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"), inInterop(filter)),
            new CIMProperty<>("Handler", new CIMDataType("CIM_ListenerDestination"), inInterop(destination))}));
    }

    /** Starts a clone of vv-log and returns its job's InstanceID. */
    private static String startClone(String name) throws Exception {
        CIMInstance system = Calls.named(client, "CIM_ComputerSystem", "InServ-sample");
        CIMObjectPath replication = Clients.drain(client.associatorNames(system.getObjectPath(), "CIM_HostedService",
                "CIM_ReplicationService", null, null)).get(0);
        Calls.Answer started = Calls.invoke(client, replication, "CreateElementReplica",
                Calls.string("ElementName", name), Calls.uint16("SyncType", 8),
                Calls.ref("SourceElement", Calls.named(client, "CIM_StorageVolume", "vv-log").getObjectPath()));
        assertThat(started.returnCode()).isEqualTo(4096);
        CIMInstance done = Calls.awaitJob(client, started.ref("Job"), WAIT);
        assertThat(Calls.jobState(done)).isEqualTo(7);
        return (String) started.ref("Job").getKey("InstanceID").getValue();
    }

    /** One received indication reduced to what the tests compare: kind, job and its JobState. */
    private static String describe(CIMInstance indication) {
        CIMInstance job = (CIMInstance) indication.getPropertyValue("SourceInstance");
        String kind = indication.getClassName().endsWith("InstCreation") ? "created" : "completed";
        return kind + " " + job.getPropertyValue("InstanceID") + " state " + job.getPropertyValue("JobState");
    }

    private static List<CIMInstance> take(int n) throws InterruptedException {
        List<CIMInstance> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (out.size() < n) {
            CIMInstance next = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(next).as("indication %d of %d; had %s", out.size() + 1, n, out).isNotNull();
            out.add(next);
        }
        return out;
    }

    /** Asserts that within each SequenceContext (one per subscription) the numbers run on without a gap. */
    private static void assertNoGaps(List<CIMInstance> indications) {
        Map<Object, Long> last = new HashMap<>();
        for (CIMInstance i : indications) {
            Object context = i.getPropertyValue("SequenceContext");
            assertThat(context).as("SequenceContext of %s", describe(i)).isNotNull();
            long number = ((Number) i.getPropertyValue("SequenceNumber")).longValue();
            Long previous = last.put(context, number);
            if (previous != null) {
                assertThat(number).as("sequence number after %d in %s", previous, context).isEqualTo(previous + 1);
            }
        }
    }

    @Test
    void aReplicaJobIsAnnouncedWhenCreatedAndWhenItCompletes() throws Exception {
        received.clear();
        String job = startClone("it-indicated");
        List<CIMInstance> got = take(2);
        assertThat(got).extracting(IndicationsIT::describe).containsExactly(
                "created " + job + " state 2", "completed " + job + " state 7");
        CIMInstance completion = got.get(1);
        assertThat(completion.getPropertyValue("PreviousInstance")).isInstanceOf(CIMInstance.class);
        assertThat(((CIMInstance) completion.getPropertyValue("SourceInstance")).getPropertyValue("ErrorCode"))
                .satisfiesAnyOf(code -> assertThat(code).isNull(),
                        code -> assertThat(((Number) code).intValue()).isZero());
        assertNoGaps(got);
        Thread.sleep(500);
        assertThat(received).as("nothing more than the two").isEmpty();
    }

    @Test
    void aListenerThatIsDownForSecondsGetsEveryIndicationOnceInOrder() throws Exception {
        received.clear();
        listener.removeListener(listenerPort);
        // Both jobs end while nobody listens: the provider has to keep and retry four indications.
        String first = startClone("it-unheard-1");
        String second = startClone("it-unheard-2");
        Thread.sleep(3_000);
        assertThat(received).isEmpty();
        listen();
        List<CIMInstance> got = take(4);
        assertThat(got).extracting(IndicationsIT::describe).containsExactly(
                "created " + first + " state 2", "completed " + first + " state 7",
                "created " + second + " state 2", "completed " + second + " state 7");
        assertNoGaps(got);
        Thread.sleep(2_000);
        assertThat(received).as("each indication exactly once").isEmpty();
    }
}
