package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Issue 25, item 2, against the packaged provider: indication filters beyond a user's quota (100) and one beyond the
 * size limit (65,536 characters) answer CIM_ERR_SERVER_LIMITS_EXCEEDED, a deleted filter frees its place, and the
 * provider restarts on its data directory with every filter it accepted. Bounded: 103 creations, two starts.
 */
class QuotaIT {
    private static final String INTEROP = "root/interop";
    private static final int PER_USER = 100;

    @Test
    void filtersBeyondTheQuotaAreRefusedAndARestartKeepsTheAcceptedOnes(@TempDir Path data) throws Exception {
        long start = System.nanoTime();
        List<CIMObjectPath> accepted = new ArrayList<>();
        try (SampleProcess first = SampleProcess.start(data)) {
            WBEMClient client = Clients.sblim(first);
            try {
                for (int i = 0; i < PER_USER; i++) {
                    accepted.add(client.createInstance(filter("quota-" + i, "")));
                }
                assertLimitExceeded(client, filter("quota-extra", ""), "the limit per user");

                // A deleted filter frees its place; an oversized one does not take it.
                client.deleteInstance(accepted.remove(0));
                assertLimitExceeded(client, filter("quota-huge", "x".repeat(70_000)), "characters of text");
                accepted.add(client.createInstance(filter("quota-again", "")));
                assertLimitExceeded(client, filter("quota-extra", ""), "the limit per user");
            } finally {
                client.close();
            }
            assertThat(first.stop()).as("exit code after SIGTERM").isIn(0, 130, 143);
        }

        try (SampleProcess second = SampleProcess.start(data)) {
            WBEMClient client = Clients.sblim(second);
            try {
                List<String> names = new ArrayList<>();
                for (CIMInstance f : Clients.drain(client.enumerateInstances(
                        new CIMObjectPath(null, null, null, INTEROP, "CIM_IndicationFilter", null), true, false,
                        false, null))) {
                    names.add((String) f.getPropertyValue("Name"));
                }
                assertThat(names).as("filters after the restart").hasSize(PER_USER).contains("quota-again")
                        .doesNotContain("quota-0", "quota-huge", "quota-extra");
                // The limits are in force after the restart too, the user's count included.
                assertLimitExceeded(client, filter("quota-extra", ""), "the limit per user");
                assertLimitExceeded(client, filter("quota-huge", "x".repeat(70_000)), "characters of text");
                // And the array itself is served.
                assertThat(Calls.named(client, "CIM_ComputerSystem", "InServ-sample")).isNotNull();
            } finally {
                client.close();
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(3));
    }

    private static CIMInstance filter(String name, String description) {
        List<CIMProperty<?>> props = new ArrayList<>(List.of(
                new CIMProperty<>("Name", CIMDataType.STRING_T, name),
                new CIMProperty<>("Query", CIMDataType.STRING_T, "SELECT * FROM CIM_InstCreation"),
                new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "DMTF:CQL"),
                new CIMProperty<>("SourceNamespaces", CIMDataType.STRING_ARRAY_T,
                        new String[] {SampleProcess.NAMESPACE})));
        if (!description.isEmpty()) {
            props.add(new CIMProperty<>("Description", CIMDataType.STRING_T, description));
        }
        return new CIMInstance(new CIMObjectPath(null, null, null, INTEROP, "CIM_IndicationFilter", null),
                props.toArray(new CIMProperty<?>[0]));
    }

    private static void assertLimitExceeded(WBEMClient client, CIMInstance instance, String reason) {
        assertThatThrownBy(() -> client.createInstance(instance)).as(instance.getPropertyValue("Name").toString())
                .isInstanceOfSatisfying(WBEMException.class, e -> {
                    assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED);
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
