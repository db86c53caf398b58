package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.server.RawHttpTest.post;
import static org.cimforge.runtime.server.ServerRobustnessTest.http;
import static org.cimforge.runtime.server.ServerRobustnessTest.startWith;

import java.net.http.HttpResponse;
import java.util.List;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/** Where EnumerateInstanceNames and OpenEnumerateInstancePaths take their names from. */
@Timeout(60)
class EnumerateNamesSourceTest {
    static final String NAMES_OF_SETTINGS = ServerRobustnessTest.ENUMERATE_SETTINGS
            .replace("\"EnumerateInstances\"", "\"EnumerateInstanceNames\"");

    /** Answers names only: building its instances fails, so a names request that reaches them fails too. */
    static final class NamesOnly implements CimInstanceProvider {
        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            throw new IllegalStateException("instances were built for a names request");
        }

        @Override
        public List<CIMObjectPath> enumerateInstanceNames(CimOperationContext context, String className) {
            return List.of(name("n1"), name("n2"));
        }

        private static CIMObjectPath name(String id) {
            return new CIMObjectPath(null, null, null, null, "TST_Setting", new CIMProperty<?>[] {
                new CIMProperty<>("InstanceID", CIMDataType.STRING_T, id, true, false, null)});
        }
    }

    @Test
    void aProviderThatAnswersNamesIsAskedForNamesNotInstances() throws Exception {
        try (CimServer server = startWith(new NamesOnly())) {
            HttpResponse<String> r = http().send(post(server.url(), "EnumerateInstanceNames", NAMES_OF_SETTINGS)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("<ERROR").contains(">n1</KEYVALUE>", ">n2</KEYVALUE>");
            assertThat(r.body().split("<INSTANCENAME ", -1)).hasSize(3);
        }
    }

    @Test
    void aProviderThatOnlyStreamsInstancesStillAnswersNames() throws Exception {
        // FailingStream overrides streamInstances only (its enumerateInstances throws): names come from the stream.
        try (CimServer server = startWith(new ServerRobustnessTest.FailingStream(5, false))) {
            HttpResponse<String> r = http().send(post(server.url(), "EnumerateInstanceNames", NAMES_OF_SETTINGS)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("<ERROR").contains(">s0</KEYVALUE>", ">s4</KEYVALUE>");
            assertThat(r.body().split("<INSTANCENAME ", -1)).hasSize(6);
        }
    }
}
