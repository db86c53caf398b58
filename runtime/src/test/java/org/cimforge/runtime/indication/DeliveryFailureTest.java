package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.indication.IndicationFixture.NS;
import static org.cimforge.runtime.indication.IndicationFixture.embedded;
import static org.cimforge.runtime.indication.IndicationFixture.intValue;
import static org.cimforge.runtime.indication.IndicationFixture.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.runtime.server.CimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** Listeners that are down for a while, and the OnFatalErrorPolicy when they stay down. */
class DeliveryFailureTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    CimServer server;
    WBEMClient client;
    final IndicationFixture.Listener listener = new IndicationFixture.Listener();

    void start(DeliverySettings settings) throws Exception {
        server = IndicationFixture.server(null, settings);
        client = IndicationFixture.client(server);
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private CIMObjectPath subscribeCreations(int port, Integer policy) throws Exception {
        CIMObjectPath destination = IndicationFixture.destination(client, "late", "http://127.0.0.1:" + port + "/x");
        CIMObjectPath filter = IndicationFixture.filter(client, "Created", IndicationFixture.CREATED);
        return IndicationFixture.withNamespace(IndicationFixture.subscribe(client, filter, destination, policy));
    }

    private void publishJobs(int from, int to) {
        for (int i = from; i < to; i++) {
            server.indicationService().publish(NS, LifecycleIndications.creation(LifecycleIndications.CREATION,
                    job("TST:" + i, 2, 0, 15)));
        }
    }

    private static List<String> ids(List<CIMInstance> indications) {
        List<String> ids = new ArrayList<>();
        for (CIMInstance i : indications) {
            ids.add(embedded(i, "SourceInstance").getPropertyValue("InstanceID") + "#"
                    + i.getPropertyValue("SequenceNumber"));
        }
        return ids;
    }

    @Test
    void aListenerDownForSecondsGetsEverythingOnceInOrder() throws Exception {
        // Retries 100 ms apart doubling to 400 ms, 40 of them: about 15 s of patience.
        start(DeliverySettings.defaults().withRetries(40, Duration.ofMillis(100), Duration.ofMillis(400)));
        int port = IndicationFixture.freePort();
        subscribeCreations(port, null);
        IndicationService service = server.indicationService();

        publishJobs(0, 5);
        IndicationFixture.eventually(WAIT, "several attempts failed", () -> service.failedAttemptCount() >= 4);
        listener.start(port);
        assertThat(ids(listener.take(5, WAIT))).containsExactly("TST:0#0", "TST:1#1", "TST:2#2", "TST:3#3",
                "TST:4#4");

        // Down again (same port), more indications, then back.
        listener.stop();
        long failedBefore = service.failedAttemptCount();
        publishJobs(5, 8);
        IndicationFixture.eventually(WAIT, "the listener was found down",
                () -> service.failedAttemptCount() >= failedBefore + 3);
        listener.start(port);
        assertThat(ids(listener.take(3, WAIT))).containsExactly("TST:5#5", "TST:6#6", "TST:7#7");
        IndicationFixture.eventually(WAIT, "delivery settles", () -> service.pendingCount() == 0);
        assertThat(service.deliveredCount()).isEqualTo(8);
        assertThat(listener.received).isEmpty();
    }

    @Test
    void ignoreDropsTheIndicationAndTheSequenceShowsTheGap() throws Exception {
        start(IndicationFixture.SHORT_RETRIES);
        int port = IndicationFixture.freePort();
        CIMObjectPath subscription = subscribeCreations(port, 2);
        IndicationService service = server.indicationService();
        publishJobs(0, 1);
        IndicationFixture.eventually(WAIT, "the indication was given up", () -> service.pendingCount() == 0);
        assertThat(service.failedAttemptCount()).isEqualTo(4);
        assertThat(intValue(client.getInstance(subscription, false, false, null), "SubscriptionState")).isEqualTo(2);

        listener.start(port);
        publishJobs(1, 2);
        assertThat(ids(listener.take(1, WAIT))).containsExactly("TST:1#1");
    }

    @Test
    void disableTurnsTheSubscriptionOff() throws Exception {
        start(IndicationFixture.SHORT_RETRIES);
        int port = IndicationFixture.freePort();
        CIMObjectPath subscription = subscribeCreations(port, 3);
        publishJobs(0, 3);
        IndicationFixture.eventually(WAIT, "the subscription is disabled", () -> state(subscription) == 4);
        IndicationService service = server.indicationService();
        IndicationFixture.eventually(WAIT, "the queue is empty", () -> service.pendingCount() == 0);
        // The first indication used up the retries; the two behind it were dropped with the subscription's state.
        assertThat(service.failedAttemptCount()).isEqualTo(4);

        listener.start(port);
        publishJobs(3, 4);
        assertThat(service.pendingCount()).isZero();
        assertThat(service.deliveredCount()).isZero();
        assertThat(IndicationFixture.drain(client.enumerateInstanceNames(
                IndicationFixture.interopClass("CIM_IndicationSubscription")))).hasSize(1);
    }

    @Test
    void removeDeletesTheSubscriptionButKeepsFilterAndDestination() throws Exception {
        start(IndicationFixture.SHORT_RETRIES);
        int port = IndicationFixture.freePort();
        subscribeCreations(port, 4);
        publishJobs(0, 2);
        IndicationFixture.eventually(WAIT, "the subscription is removed",
                () -> server.indicationService().subscriptionCount() == 0);
        assertThat(IndicationFixture.drain(client.enumerateInstanceNames(
                IndicationFixture.interopClass("CIM_IndicationSubscription")))).isEmpty();
        assertThat(IndicationFixture.drain(client.enumerateInstanceNames(
                IndicationFixture.interopClass("CIM_IndicationFilter")))).hasSize(1);
        assertThat(IndicationFixture.drain(client.enumerateInstanceNames(
                IndicationFixture.interopClass("CIM_ListenerDestinationCIMXML")))).hasSize(1);
    }

    @Test
    void aFullQueueDropsTheOldestAndTheGapShows() throws Exception {
        start(IndicationFixture.SHORT_RETRIES.withRetries(1000, Duration.ofMillis(50), Duration.ofMillis(50))
                .withQueueCapacity(3));
        int port = IndicationFixture.freePort();
        subscribeCreations(port, null);
        IndicationService service = server.indicationService();
        publishJobs(0, 1);
        // The first is in flight (retrying); the queue behind it holds 3, so 4 more push out the oldest waiting one.
        IndicationFixture.eventually(WAIT, "the first is being retried", () -> service.failedAttemptCount() >= 1);
        publishJobs(1, 5);
        assertThat(service.droppedCount()).isEqualTo(1);
        listener.start(port);
        assertThat(ids(listener.take(4, WAIT))).containsExactly("TST:0#0", "TST:2#2", "TST:3#3", "TST:4#4");
    }

    private int state(CIMObjectPath subscription) {
        try {
            return intValue(client.getInstance(subscription, false, false, null), "SubscriptionState");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
