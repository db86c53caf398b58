package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.indication.IndicationFixture.NS;
import static org.cimforge.runtime.indication.IndicationFixture.embedded;
import static org.cimforge.runtime.indication.IndicationFixture.intValue;
import static org.cimforge.runtime.indication.IndicationFixture.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cimforge.runtime.server.CimServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** With a data directory, filters, destinations and subscriptions (and their state) survive a restart. */
class SubscriptionPersistenceTest {
    @TempDir
    Path data;

    @Test
    void subscriptionsAreRestoredAtTheNextStart() throws Exception {
        String firstContext;
        try (IndicationFixture.Listener listener = new IndicationFixture.Listener()) {
            listener.start(0);
            CimServer first = IndicationFixture.server(data, IndicationFixture.SHORT_RETRIES);
            WBEMClient client = IndicationFixture.client(first);
            CIMObjectPath destination = IndicationFixture.destination(client, "listener", listener.url());
            CIMObjectPath created = IndicationFixture.filter(client, "Created", IndicationFixture.CREATED);
            CIMObjectPath progress = IndicationFixture.filter(client, "Progress", IndicationFixture.PROGRESS);
            IndicationFixture.subscribe(client, created, destination, 3);
            CIMObjectPath off = IndicationFixture.withNamespace(
                    IndicationFixture.subscribe(client, progress, destination, null));
            client.modifyInstance(new CIMInstance(off, new CIMProperty<?>[] {
                new CIMProperty<>("SubscriptionState", CIMDataType.UINT16_T, new UnsignedInteger16(4))}),
                    new String[] {"SubscriptionState"});
            // Transient destinations (and what uses them) are not kept.
            client.createInstance(new CIMInstance(IndicationFixture.interopClass("CIM_ListenerDestinationCIMXML"),
                    new CIMProperty<?>[] {
                        new CIMProperty<>("Name", CIMDataType.STRING_T, "transient"),
                        new CIMProperty<>("Destination", CIMDataType.STRING_T, "http://127.0.0.1:1"),
                        new CIMProperty<>("PersistenceType", CIMDataType.UINT16_T, new UnsignedInteger16(3))}));
            first.indicationService().publish(NS, LifecycleIndications.creation(LifecycleIndications.CREATION,
                    job("TST:1", 2, 0, 15)));
            firstContext = (String) listener.take(1, Duration.ofSeconds(20)).get(0).getPropertyValue("SequenceContext");
            client.close();
            first.stop();

            CimServer second = IndicationFixture.server(data, IndicationFixture.SHORT_RETRIES);
            WBEMClient again = IndicationFixture.client(second);
            try {
                assertThat(IndicationFixture.drain(again.enumerateInstances(
                        IndicationFixture.interopClass("CIM_IndicationFilter"), true, false, false, null)))
                        .extracting(i -> i.getPropertyValue("Name") + ": " + i.getPropertyValue("Query"))
                        .containsExactlyInAnyOrder("Created: " + IndicationFixture.CREATED,
                                "Progress: " + IndicationFixture.PROGRESS);
                assertThat(IndicationFixture.drain(again.enumerateInstances(
                        IndicationFixture.interopClass("CIM_ListenerDestinationCIMXML"), true, false, false, null)))
                        .extracting(i -> i.getPropertyValue("Name") + " " + i.getPropertyValue("Destination"))
                        .containsExactly("listener " + listener.url());
                List<CIMInstance> subscriptions = IndicationFixture.drain(again.enumerateInstances(
                        IndicationFixture.interopClass("CIM_IndicationSubscription"), true, false, false, null));
                assertThat(subscriptions).extracting(s -> ((CIMObjectPath) s.getPropertyValue("Filter"))
                        .getKey("Name").getValue() + " state=" + intValue(s, "SubscriptionState") + " policy="
                        + intValue(s, "OnFatalErrorPolicy"))
                        .containsExactlyInAnyOrder("Created state=2 policy=3", "Progress state=4 policy=2");

                second.indicationService().publish(NS, LifecycleIndications.creation(LifecycleIndications.CREATION,
                        job("TST:2", 2, 0, 15)));
                second.indicationService().publish(NS, LifecycleIndications.modification(
                        LifecycleIndications.MODIFICATION, job("TST:2", 2, 0, 15), job("TST:2", 4, 10, 2)));
                CIMInstance got = listener.take(1, Duration.ofSeconds(20)).get(0);
                assertThat(embedded(got, "SourceInstance").getPropertyValue("InstanceID")).isEqualTo("TST:2");
                // A new start is a new sequence context: numbers start again at 0.
                assertThat(got.getPropertyValue("SequenceContext")).isNotEqualTo(firstContext);
                assertThat(got.getPropertyValue("SequenceNumber")).isEqualTo(0L);
                IndicationFixture.eventually(Duration.ofSeconds(20), "delivery settles",
                        () -> second.indicationService().pendingCount() == 0);
                assertThat(listener.received).isEmpty();
            } finally {
                again.close();
                second.stop();
            }
        }
    }
}
