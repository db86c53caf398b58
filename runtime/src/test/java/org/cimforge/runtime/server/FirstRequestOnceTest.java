package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.Subject;
import org.cimforge.runtime.spi.CimMethodResult;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * A fresh SBLIM client meets the 401 challenge on its very first request; that request must still run exactly once,
 * over HTTP and HTTPS, whether it creates an instance or invokes a method.
 */
class FirstRequestOnceTest {
    /** Enough fresh clients that a re-send on even a few of them shows; each costs a few milliseconds. */
    static final int CLIENTS = 25;

    static CimServer server;
    static final AtomicInteger creates = new AtomicInteger();
    static final AtomicInteger pings = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).extraHttpsPort(0)
                .users(Map.of("admin", "secret")).build();
        CimProviderRegistry providers = TestModel.providers();
        TestModel.MapProvider pools = new TestModel.MapProvider("InstanceID") {
            @Override
            public CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance)
                    throws WBEMException {
                creates.incrementAndGet();
                return super.createInstance(context, instance);
            }
        };
        providers.instances(TestModel.NS, "TST_Pool", pools);
        providers.methods(TestModel.NS, "TST_Disk", (context, target, method, in) -> {
            pings.incrementAndGet();
            return new CimMethodResult(new UnsignedInteger32(0), List.of());
        });
        server = CimServer.start(config, TestModel.repository(), providers);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    static WBEMClient fresh(String scheme) throws WBEMException {
        WBEMClient client = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrivateCredentials().add(new PasswordCredential("secret"));
        int port = scheme.equals("https") ? server.httpsPort() : server.port();
        client.initialize(new CIMObjectPath(scheme, "127.0.0.1", String.valueOf(port), null, null, null), subject,
                new Locale[] {Locale.US});
        return client;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void createInstanceAsFirstCallRunsOnce(String scheme) throws Exception {
        int before = creates.get();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String id = "first-" + scheme + "-" + i;
            WBEMClient client = fresh(scheme);
            try {
                CIMObjectPath made = client.createInstance(TestModel.pool(id));
                assertThat(made.getKeyValue("InstanceID")).isEqualTo(id);
            } catch (WBEMException e) {
                failures.add(id + ": " + e.getID() + " " + e.getMessage());
            } finally {
                client.close();
            }
        }
        assertThat(failures).as("a fresh client's first CreateInstance must not meet its own twin").isEmpty();
        assertThat(creates.get() - before).as("CreateInstance executions").isEqualTo(CLIENTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void invokeMethodAsFirstCallRunsOnce(String scheme) throws Exception {
        int before = pings.get();
        CIMObjectPath disk = TestModel.diskPath("TST_Disk", "d1");
        for (int i = 0; i < CLIENTS; i++) {
            WBEMClient client = fresh(scheme);
            try {
                Object answer = client.invokeMethod(disk, "Ping", new CIMArgument<?>[] {
                    new CIMArgument<>("Count", CIMDataType.UINT16_T, new UnsignedInteger16(i)),
                    new CIMArgument<>("Text", CIMDataType.STRING_T, "hello")}, new CIMArgument<?>[1]);
                assertThat(answer).isEqualTo(new UnsignedInteger32(0));
            } finally {
                client.close();
            }
        }
        assertThat(pings.get() - before).as("InvokeMethod executions").isEqualTo(CLIENTS);
    }
}
