package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.indication.IndicationFixture.NS;
import static org.cimforge.runtime.indication.IndicationFixture.job;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.client.JobIndicationWaiter;
import org.cimforge.runtime.client.JobOutcome;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** The client-side job wait by indication, against a server whose job provider publishes life-cycle indications. */
class JobIndicationWaiterTest {
    final AtomicReference<CIMInstance> current = new AtomicReference<>(job("TST:W", 4, 10, 2));
    final CountDownLatch firstRead = new CountDownLatch(1);
    final CIMObjectPath volume = new CIMObjectPath(null, null, null, NS, "TST_Volume", new CIMProperty<?>[] {
        new CIMProperty<>("DeviceID", CIMDataType.STRING_T, "vol-1", true, false, null)});
    CimServer server;
    WBEMClient client;

    @BeforeEach
    void start() throws Exception {
        CimProviderRegistry providers = new CimProviderRegistry()
                .instances(NS, "TST_ConcreteJob", new CimInstanceProvider() {
                    @Override
                    public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
                        firstRead.countDown();
                        return List.of(current.get());
                    }
                })
                .instances(NS, "TST_Volume", (context, className) -> List.of(new CIMInstance(volume,
                        volume.getKeys())))
                .instances(NS, "CIM_AffectedJobElement", (context, className) -> List.of(new CIMInstance(
                        new CIMObjectPath(null, null, null, NS, "CIM_AffectedJobElement", null), new CIMProperty<?>[] {
                            new CIMProperty<>("AffectedElement", new CIMDataType("CIM_ManagedElement"), volume, true,
                                    false, null),
                            new CIMProperty<>("AffectingElement", new CIMDataType("CIM_Job"),
                                    current.get().getObjectPath(), true, false, null)})));
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES, providers);
        client = IndicationFixture.client(server);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop();
    }

    private void change(CIMInstance next) {
        CIMInstance before = current.getAndSet(next);
        server.indicationService().publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION,
                before, next));
    }

    @Test
    void aCompletedJobIsReportedByIndication() throws Exception {
        try (JobIndicationWaiter waiter = JobIndicationWaiter.open(client, NS)) {
            assertThat(server.indicationService().subscriptionCount()).isEqualTo(3);
            CompletableFuture<Void> completion = CompletableFuture.runAsync(() -> {
                try {
                    // Complete only once the waiter has read the running job, so the indication must end the wait.
                    if (!firstRead.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the waiter never read the job");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                change(job("TST:W", 4, 90, 2));
                change(job("TST:W", 7, 100, 2, 17));
            });
            long started = System.nanoTime();
            JobOutcome outcome = waiter.await(CimReference.of(current.get().getObjectPath()), Duration.ofSeconds(60));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            completion.get(20, TimeUnit.SECONDS);

            assertThat(outcome.timedOut()).isFalse();
            assertThat(outcome.isCompleted()).isTrue();
            assertThat(outcome.jobState()).isEqualTo(7);
            assertThat(outcome.job().getPropertyValue("PercentComplete")).hasToString("100");
            assertThat(outcome.affectedElements()).extracting(p -> (Object) p.getKey("DeviceID").getValue())
                    .containsExactly("vol-1");
            assertThat(millis).as("well before the 60 s timeout").isLessThan(20_000);
        }
        assertThat(server.indicationService().subscriptionCount()).isZero();
        assertThat(IndicationFixture.drain(client.enumerateInstanceNames(
                IndicationFixture.interopClass("CIM_IndicationFilter")))).isEmpty();
        assertThat(IndicationFixture.drain(client.enumerateInstanceNames(
                IndicationFixture.interopClass("CIM_ListenerDestinationCIMXML")))).isEmpty();
    }

    @Test
    void aFailedJobEndsTheWaitWithItsState() throws Exception {
        try (JobIndicationWaiter waiter = JobIndicationWaiter.open(client, NS)) {
            CompletableFuture<Void> failure = CompletableFuture.runAsync(() -> {
                try {
                    firstRead.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                change(job("TST:W", 10, 10, 6, 17));
            });
            JobOutcome outcome = waiter.await(CimReference.of(current.get().getObjectPath()), Duration.ofSeconds(60));
            failure.get(20, TimeUnit.SECONDS);
            assertThat(outcome.timedOut()).isFalse();
            assertThat(outcome.jobState()).isEqualTo(10);
            assertThat(outcome.isCompleted()).isFalse();
        }
    }

    @Test
    void withoutAnIndicationTheWaitEndsWithAFinalRead() throws Exception {
        try (JobIndicationWaiter waiter = JobIndicationWaiter.open(client, NS)) {
            JobOutcome outcome = waiter.await(CimReference.of(current.get().getObjectPath()),
                    Duration.ofMillis(300));
            assertThat(outcome.timedOut()).isTrue();
            assertThat(outcome.jobState()).isEqualTo(4);
            assertThat(outcome.affectedElements()).isEmpty();

            // A job that already ended is answered by the first read.
            current.set(job("TST:W", 7, 100, 2, 17));
            JobOutcome done = waiter.await(CimReference.of(current.get().getObjectPath()), Duration.ofMillis(300));
            assertThat(done.timedOut()).isFalse();
            assertThat(done.isCompleted()).isTrue();
        }
    }
}
