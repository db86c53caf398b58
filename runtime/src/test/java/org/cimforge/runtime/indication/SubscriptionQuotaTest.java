package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/** Quotas on what clients create in root/interop: per user, in total, by size, and a start over the quotas. */
class SubscriptionQuotaTest {
    static final DeliverySettings SMALL = IndicationFixture.SHORT_RETRIES.withQuotas(new SubscriptionQuotas(3, 5, 2_000));

    static CimServer server(Path data, DeliverySettings settings) throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret", "bob", "builder"))
                .dataDirectory(data).indicationDelivery(settings).build();
        return CimServer.start(config, new CimClassRepository().namespace(IndicationFixture.NS,
                IndicationFixture.schema()), new CimProviderRegistry());
    }

    static WBEMClient client(CimServer server, String user, String password) throws WBEMException {
        WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        c.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(server.port()), null, null, null), subject,
                new Locale[] {Locale.US});
        return c;
    }

    static CIMObjectPath filter(WBEMClient client, String name) throws WBEMException {
        return IndicationFixture.filter(client, name, IndicationFixture.CREATED);
    }

    static void limited(String messagePart, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WBEMException.class, e -> {
            assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void perUserAndTotalQuotasHoldAndFreeOnDelete() throws Exception {
        try (CimServer server = server(null, SMALL)) {
            WBEMClient admin = client(server, "admin", "secret");
            WBEMClient bob = client(server, "bob", "builder");
            CIMObjectPath first = IndicationFixture.withNamespace(filter(admin, "a1"));
            filter(admin, "a2");
            filter(admin, "a3");
            limited("user admin already holds 3 indication filters", () -> filter(admin, "a4"));
            filter(bob, "b1");
            filter(bob, "b2");
            limited("already holds 5 indication filters, its limit", () -> filter(bob, "b3"));
            admin.deleteInstance(first);
            filter(bob, "b3");
            assertThat(server.indicationService().filterCount()).isEqualTo(5);
            admin.close();
            bob.close();
        }
    }

    @Test
    void aUsersQuotaOutlivesARestart(@TempDir Path data) throws Exception {
        try (CimServer server = server(data, SMALL)) {
            WBEMClient admin = client(server, "admin", "secret");
            filter(admin, "a1");
            filter(admin, "a2");
            filter(admin, "a3");
            admin.close();
        }
        // The store keeps who created each filter: without it, a restart handed every user a fresh quota.
        try (CimServer server = server(data, SMALL)) {
            WBEMClient admin = client(server, "admin", "secret");
            WBEMClient bob = client(server, "bob", "builder");
            limited("user admin already holds 3 indication filters", () -> filter(admin, "a4"));
            filter(bob, "b1");
            assertThat(server.indicationService().filterCount()).isEqualTo(4);
            admin.close();
            bob.close();
        }
    }

    @Test
    void anOversizedInstanceIsRefused() throws Exception {
        try (CimServer server = server(null, SMALL)) {
            WBEMClient admin = client(server, "admin", "secret");
            limited("characters of text", () -> admin.createInstance(new CIMInstance(
                    IndicationFixture.interopClass("CIM_IndicationFilter"), new CIMProperty<?>[] {
                        new CIMProperty<>("Name", CIMDataType.STRING_T, "big"),
                        new CIMProperty<>("Query", CIMDataType.STRING_T, IndicationFixture.CREATED),
                        new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "DMTF:CQL"),
                        new CIMProperty<>("Description", CIMDataType.STRING_T, "x".repeat(100_000))})));
            limited("characters of text", () -> IndicationFixture.destination(admin, "long",
                    "http://127.0.0.1:5990/" + "p".repeat(3_000)));
            admin.close();
        }
    }

    @Test
    void aStoreOverTodaysQuotasStillStartsAndSaysWhatItSkipped(@TempDir Path data) throws Exception {
        DeliverySettings roomy = IndicationFixture.SHORT_RETRIES.withQuotas(new SubscriptionQuotas(10, 10, 2_000));
        try (CimServer server = server(data, roomy)) {
            WBEMClient admin = client(server, "admin", "secret");
            for (int i = 0; i < 5; i++) {
                filter(admin, "f" + i);
            }
            admin.close();
        }
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(SubscriptionRegistry.class.getName());
        log.addHandler(capture);
        try (CimServer server = server(data, IndicationFixture.SHORT_RETRIES.withQuotas(
                new SubscriptionQuotas(2, 3, 2_000)))) {
            assertThat(server.indicationService().filterCount()).isEqualTo(3);
            assertThat(warnings.stream().filter(w -> w.startsWith("skipping a stored filter")
                    && w.contains("limit of 3 indication filters"))).hasSize(2);
            WBEMClient admin = client(server, "admin", "secret");
            limited("its limit", () -> filter(admin, "another"));
            admin.close();
        } finally {
            log.removeHandler(capture);
        }
    }
}
