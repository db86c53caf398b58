package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.indication.IndicationFixture.NS;
import static org.cimforge.runtime.indication.IndicationFixture.embedded;
import static org.cimforge.runtime.indication.IndicationFixture.intValue;
import static org.cimforge.runtime.indication.IndicationFixture.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimforge.runtime.server.CimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The five SMI-S job-control filters subscribed with the SBLIM client over HTTP, indications delivered to the SBLIM
 * listener: exactly the expected ones arrive, in order, with their embedded instances and filled properties.
 */
class SblimIndicationDeliveryTest {
    CimServer server;
    WBEMClient client;
    IndicationFixture.Listener listener;

    @BeforeEach
    void start() throws Exception {
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES);
        client = IndicationFixture.client(server);
        listener = new IndicationFixture.Listener();
        listener.start(0);
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        client.close();
        server.stop();
    }

    @Test
    void jobLifecycleReachesTheFiveJobControlSubscriptionsInOrder() throws Exception {
        CIMObjectPath destination = IndicationFixture.destination(client, "listener", listener.url());
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("JobProgress", IndicationFixture.PROGRESS);
        filters.put("JobCompletedOK", IndicationFixture.COMPLETED_OK);
        filters.put("JobFailed", IndicationFixture.FAILED);
        filters.put("JobStateChange", IndicationFixture.STATE_CHANGE);
        filters.put("JobCreated", IndicationFixture.CREATED);
        for (Map.Entry<String, String> f : filters.entrySet()) {
            CIMObjectPath filter = IndicationFixture.filter(client, f.getKey(), f.getValue());
            CIMObjectPath subscription = IndicationFixture.subscribe(client, filter, destination, null);
            CIMInstance read = client.getInstance(IndicationFixture.withNamespace(subscription), false, false, null);
            assertThat(intValue(read, "SubscriptionState")).isEqualTo(2);
        }

        CIMInstance queued = job("TST:1", 2, 0, 15);
        CIMInstance running = job("TST:1", 4, 50, 2);
        CIMInstance further = job("TST:1", 4, 60, 2);
        CIMInstance done = job("TST:1", 7, 100, 2, 17);
        CIMInstance other = job("TST:2", 4, 30, 2);
        CIMInstance broken = job("TST:2", 10, 30, 6, 17);
        CIMInstance volume = new CIMInstance(new CIMObjectPath(null, null, null, NS, "TST_Volume", null),
                running.getProperties());

        IndicationService service = server.indicationService();
        service.publish(NS, LifecycleIndications.creation(LifecycleIndications.CREATION, queued));
        service.publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION, queued, running));
        // A vendor class known only in the source namespace still counts as a CIM_InstModification.
        service.publish(NS, LifecycleIndications.modification("TST_JobInstModification", running, further));
        // Neither a job nor a change any filter looks for: nothing goes out.
        service.publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION, volume, volume));
        service.publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION, further, further));
        service.publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION, further, done));
        service.publish(NS, LifecycleIndications.deletion(LifecycleIndications.DELETION, done));
        service.publish(NS, LifecycleIndications.creation(LifecycleIndications.CREATION, other));
        service.publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION, other, broken));
        // Another namespace is not watched by these filters.
        service.publish("root/interop", LifecycleIndications.creation(LifecycleIndications.CREATION, queued));

        List<CIMInstance> got = listener.take(10, Duration.ofSeconds(20));
        List<String> seen = new ArrayList<>();
        for (CIMInstance i : got) {
            CIMInstance source = embedded(i, "SourceInstance");
            seen.add(i.getPropertyValue("IndicationFilterName") + " " + i.getClassName() + " "
                    + source.getPropertyValue("InstanceID") + " state=" + intValue(source, "JobState") + " pct="
                    + intValue(source, "PercentComplete"));
        }
        assertThat(seen).containsExactly(
                "JobCreated CIM_InstCreation TST:1 state=2 pct=0",
                "JobProgress CIM_InstModification TST:1 state=4 pct=50",
                "JobStateChange CIM_InstModification TST:1 state=4 pct=50",
                "JobProgress TST_JobInstModification TST:1 state=4 pct=60",
                "JobProgress CIM_InstModification TST:1 state=7 pct=100",
                "JobCompletedOK CIM_InstModification TST:1 state=7 pct=100",
                "JobStateChange CIM_InstModification TST:1 state=7 pct=100",
                "JobCreated CIM_InstCreation TST:2 state=4 pct=30",
                "JobFailed CIM_InstModification TST:2 state=10 pct=30",
                "JobStateChange CIM_InstModification TST:2 state=10 pct=30");
        eventually(() -> service.pendingCount() == 0);
        assertThat(service.deliveredCount()).isEqualTo(10);
        assertThat(listener.received).isEmpty();

        CIMInstance completed = got.get(5);
        CIMInstance previous = embedded(completed, "PreviousInstance");
        assertThat(intValue(previous, "JobState")).isEqualTo(4);
        assertThat(intValue(previous, "PercentComplete")).isEqualTo(60);
        assertThat((Object[]) embedded(completed, "SourceInstance").getPropertyValue("OperationalStatus"))
                .extracting(o -> ((Number) o).intValue()).containsExactly(2, 17);
        assertThat(completed.getPropertyValue("SourceInstanceModelPath"))
                .isEqualTo("/root/jobs:TST_ConcreteJob.InstanceID=\"TST:1\"");
        assertThat(completed.getPropertyValue("SourceInstanceHost")).isNotNull();
        assertThat(completed.getPropertyValue("IndicationTime")).isNotNull();
        assertThat((Object[]) completed.getPropertyValue("ChangedPropertyNames"))
                .containsExactlyInAnyOrder("JobState", "PercentComplete", "OperationalStatus");

        // Per subscription: one SequenceContext, SequenceNumbers counting from 0 without gaps.
        Map<String, List<Long>> numbers = new HashMap<>();
        Map<String, String> contexts = new HashMap<>();
        for (CIMInstance i : got) {
            String filter = (String) i.getPropertyValue("IndicationFilterName");
            numbers.computeIfAbsent(filter, k -> new ArrayList<>()).add((Long) i.getPropertyValue("SequenceNumber"));
            String context = (String) i.getPropertyValue("SequenceContext");
            assertThat(contexts.putIfAbsent(filter, context)).isIn(null, context);
        }
        assertThat(numbers.get("JobProgress")).containsExactly(0L, 1L, 2L);
        assertThat(numbers.get("JobStateChange")).containsExactly(0L, 1L, 2L);
        assertThat(numbers.get("JobCreated")).containsExactly(0L, 1L);
        assertThat(numbers.get("JobCompletedOK")).containsExactly(0L);
        assertThat(numbers.get("JobFailed")).containsExactly(0L);
        assertThat(contexts.values()).doesNotHaveDuplicates();
    }

    @Test
    void selectListLimitsTheDeliveredProperties() throws Exception {
        CIMObjectPath destination = IndicationFixture.destination(client, "listener", listener.url());
        CIMObjectPath filter = IndicationFixture.filter(client, "StateOnly", "SELECT SourceInstance FROM "
                + "CIM_InstModification WHERE SourceInstance.CIM_ConcreteJob::JobState = 7", "WQL");
        IndicationFixture.subscribe(client, filter, destination, null);
        server.indicationService().publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION,
                job("TST:9", 4, 50, 2), job("TST:9", 7, 100, 2, 17)));
        CIMInstance got = listener.take(1, Duration.ofSeconds(20)).get(0);
        assertThat(got.getProperty("PreviousInstance")).isNull();
        assertThat(got.getProperty("ChangedPropertyNames")).isNull();
        assertThat(embedded(got, "SourceInstance").getPropertyValue("InstanceID")).isEqualTo("TST:9");
        assertThat(got.getPropertyValue("IndicationFilterName")).isEqualTo("StateOnly");
    }

    @Test
    void disabledSubscriptionsDeliverNothingUntilEnabledAgain() throws Exception {
        CIMObjectPath destination = IndicationFixture.destination(client, "listener", listener.url());
        CIMObjectPath filter = IndicationFixture.filter(client, "Created", IndicationFixture.CREATED);
        CIMObjectPath subscription = IndicationFixture.withNamespace(
                IndicationFixture.subscribe(client, filter, destination, null));
        setState(subscription, 4);
        server.indicationService().publish(NS, LifecycleIndications.creation(LifecycleIndications.CREATION,
                job("TST:3", 2, 0, 15)));
        setState(subscription, 2);
        server.indicationService().publish(NS, LifecycleIndications.creation(LifecycleIndications.CREATION,
                job("TST:4", 2, 0, 15)));
        CIMInstance got = listener.take(1, Duration.ofSeconds(20)).get(0);
        assertThat(embedded(got, "SourceInstance").getPropertyValue("InstanceID")).isEqualTo("TST:4");
        assertThat(got.getPropertyValue("SequenceNumber")).isEqualTo(0L);
        eventually(() -> server.indicationService().pendingCount() == 0);
        assertThat(server.indicationService().deliveredCount()).isEqualTo(1);
    }

    private void setState(CIMObjectPath subscription, int state) throws Exception {
        CIMInstance current = client.getInstance(subscription, false, false, null);
        List<org.metricshub.wbem.javax.cim.CIMProperty<?>> props = new ArrayList<>();
        for (org.metricshub.wbem.javax.cim.CIMProperty<?> p : current.getProperties()) {
            if (!p.getName().equalsIgnoreCase("SubscriptionState")) {
                props.add(p);
            }
        }
        props.add(new org.metricshub.wbem.javax.cim.CIMProperty<>("SubscriptionState",
                org.metricshub.wbem.javax.cim.CIMDataType.UINT16_T,
                new org.metricshub.wbem.javax.cim.UnsignedInteger16(state)));
        client.modifyInstance(new CIMInstance(subscription, props.toArray(new org.metricshub.wbem.javax.cim.CIMProperty<?>[0])),
                new String[] {"SubscriptionState"});
        assertThat(intValue(client.getInstance(subscription, false, false, null), "SubscriptionState"))
                .isEqualTo(state);
    }

    static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        IndicationFixture.eventually(Duration.ofSeconds(20), "delivery settles", condition);
    }
}
