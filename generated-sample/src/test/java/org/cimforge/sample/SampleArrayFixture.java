package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.VolumeRequest;
import org.cimforge.array.clock.ManualClock;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.cim.ConcreteJob;
import org.cimforge.sample.bindings.cim.client.ConcreteJobClient;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * A sample array served in-process on a free port of 127.0.0.1, on a manual clock, with a SBLIM client logged in:
 * a 3PAR ({@value #INSERV}, volumes {@code vv-base}, {@code vv-spare}, {@code vv-other}, 1 GiB each) and an ESS
 * ({@value #ESS}, ESSID {@value #ESS_ID}, volumes {@code ess-a}, {@code ess-b} in LSS 15 and {@code ess-c} outside any
 * LSS). Copies run at 64 MiB/s, so a 1 GiB copy takes 16 s of manual time.
 */
final class SampleArrayFixture implements AutoCloseable {
    static final String INSERV = "InServ-1";
    static final String ESS = "ESS-1";
    static final String ESS_ID = "2105.FA120";
    static final String LSS = ESS_ID + ":15:FF21";
    static final long GIB = 1L << 30;
    static final long COPY_RATE = 64L << 20;
    static final String USER = "admin";
    static final String PASSWORD = "s3cret-for-tests";

    final ManualClock clock = new ManualClock();
    final SampleServer server;
    final WBEMClient client;

    SampleArrayFixture() throws Exception {
        SampleOptions options = new SampleOptions("127.0.0.1", 0, -1, Map.of(USER, PASSWORD), null, COPY_RATE,
                SampleArrayFixture::populate);
        server = SampleServer.start(options, clock);
        client = connect(server.httpUrl(), USER, PASSWORD);
    }

    /** The initial contents of the test array. */
    static void populate(ArrayEngine engine) {
        StorageSystem inserv = engine.storage().createSystem(INSERV, 200 * GIB, null).orThrow();
        StoragePool fc = engine.storage().createPool(inserv.id(), "FC_r5", 20 * GIB, 0, 0).orThrow();
        for (String name : List.of("vv-base", "vv-spare", "vv-other")) {
            engine.storage().createVolume(VolumeRequest.thick(fc.id(), name, GIB)).orThrow();
        }
        StorageSystem ess = engine.storage().createSystem(ESS, 200 * GIB, ESS_ID).orThrow();
        StoragePool essPool = engine.storage().createPool(ess.id(), "ESS pool", 20 * GIB, 0, 0).orThrow();
        engine.storage().createVolume(VolumeRequest.thick(essPool.id(), "ess-a", GIB).inLss("15")).orThrow();
        engine.storage().createVolume(VolumeRequest.thick(essPool.id(), "ess-b", GIB).inLss("15")).orThrow();
        engine.storage().createVolume(VolumeRequest.thick(essPool.id(), "ess-c", GIB)).orThrow();
    }

    static WBEMClient connect(String url, String user, String password) throws WBEMException {
        java.net.URI uri = java.net.URI.create(url);
        WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        c.initialize(new CIMObjectPath(uri.getScheme(), uri.getHost(), String.valueOf(uri.getPort()), null, null,
                null), subject, new Locale[] {Locale.US});
        return c;
    }

    /** The one instance among {@code all} whose ElementName is {@code name}. */
    static <T extends CimInstanceBase> T named(List<T> all, String name) {
        List<T> found = all.stream().filter(i -> name.equals(i.toCimInstance().getPropertyValue("ElementName")))
                .toList();
        assertThat(found).as("instances named %s", name).hasSize(1);
        return found.get(0);
    }

    /** Moves the array's time forward (copies, control operations and PPRC cycles catch up at once). */
    void advance(Duration by) {
        clock.advance(by);
    }

    /**
     * Reads a job until {@code done} holds. The CIM job follows the engine job on the provider's event thread, so
     * this waits a bounded time (at most 5 s, 250 reads) for that thread rather than for the array.
     */
    ConcreteJob awaitJob(CimReference<?> job, java.util.function.Predicate<ConcreteJob> done) throws Exception {
        ConcreteJobClient jobs = new ConcreteJobClient(client, SampleServer.NAMESPACE);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ConcreteJob current = jobs.get(job.as(ConcreteJob.class));
        for (int i = 0; i < 250 && !done.test(current) && System.nanoTime() < deadline; i++) {
            Thread.sleep(20);
            current = jobs.get(job.as(ConcreteJob.class));
        }
        assertThat(done.test(current)).as("job %s reached the expected state: %s", job, current).isTrue();
        return current;
    }

    /** Waits (bounded, as {@link #awaitJob}) for a condition that the provider's event thread makes true. */
    static void eventually(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (int i = 0; i < 250 && !condition.get() && System.nanoTime() < deadline; i++) {
            Thread.sleep(20);
        }
        assertThat(condition.get()).as(what).isTrue();
    }

    @Override
    public void close() throws java.io.IOException {
        client.close();
        server.close();
    }
}
