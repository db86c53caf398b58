package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * One client that opens pull enumerations and never finishes them reaches its own limit and locks nobody else out;
 * a context belongs to the user who opened it.
 */
class EnumerationContextLimitsTest {
    static EnumerateResponse<CIMInstance> open(WBEMClient client) throws WBEMException {
        // MaxObjectCount 0 and a long OperationTimeout: the context stays open until closed.
        return client.enumerateInstances(new CIMObjectPath(null, null, null, TestModel.NS, "TST_Disk", null), true,
                false, null, null, null, new UnsignedInteger32(3600), false, new UnsignedInteger32(0));
    }

    @Test
    void aUserThatHoardsContextsHitsItsOwnLimitOnly() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0)
                .users(Map.of("admin", "secret", "bob", "builder")).build();
        try (CimServer server = CimServer.start(config, TestModel.repository(), TestModel.providers())) {
            WBEMClient hoarder = SblimInteropTest.connect(server.port(), "admin", "secret");
            WBEMClient other = SblimInteropTest.connect(server.port(), "bob", "builder");
            List<String> held = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                held.add(open(hoarder).getContext());
            }
            assertThatThrownBy(() -> open(hoarder)).isInstanceOfSatisfying(WBEMException.class, e -> {
                assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED);
                assertThat(e.getMessage()).contains("user admin has 32 open enumeration contexts");
            });
            // Another user still pulls, and cannot touch the hoarder's contexts.
            EnumerateResponse<CIMInstance> mine = open(other);
            assertThat(mine.isEnd()).isFalse();
            CIMObjectPath disks = new CIMObjectPath(null, null, null, TestModel.NS, "TST_Disk", null);
            assertThatThrownBy(() -> other.getInstancesWithPath(disks, held.get(0), new UnsignedInteger32(10)))
                    .isInstanceOfSatisfying(WBEMException.class, e -> assertThat(e.getID())
                            .isEqualTo(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT));
            EnumerateResponse<CIMInstance> rest = other.getInstancesWithPath(disks, mine.getContext(),
                    new UnsignedInteger32(10));
            assertThat(SblimInteropTest.drain(rest.getResponses())).as("d1, d2 and f1").hasSize(3);
            assertThat(rest.isEnd()).isTrue();
            // Closing one of its own frees a place for the hoarder.
            hoarder.closeEnumeration(disks, held.get(0));
            assertThat(open(hoarder).getContext()).isNotBlank();
            hoarder.close();
            other.close();
        }
    }
}
