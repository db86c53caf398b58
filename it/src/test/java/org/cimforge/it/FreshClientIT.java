package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * A fresh SBLIM client's very first request meets the 401 challenge; against the packaged provider, over HTTP and
 * HTTPS, a first request that creates something must create it exactly once.
 */
class FreshClientIT {
    /** Fresh clients per test, alternating HTTP and HTTPS. */
    private static final int CLIENTS = 10;
    private static SampleProcess sample;
    private static WBEMClient client;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleProcess.start(null, "--copy-rate", "1G");
        client = Clients.sblim(sample);
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        sample.stop();
    }

    private static WBEMClient fresh(int i) throws WBEMException {
        return i % 2 == 0 ? Clients.sblim(sample)
                : Clients.sblim("https", sample.httpsPort(), SampleProcess.USER, SampleProcess.PASSWORD);
    }

    private static List<CIMInstance> volumesNamed(String prefix) throws WBEMException {
        List<CIMInstance> out = new ArrayList<>();
        for (CIMInstance v : Clients.drain(client.enumerateInstances(
                Clients.classPath(SampleProcess.NAMESPACE, "CIM_StorageVolume"), true, false, false, null))) {
            if (String.valueOf(v.getPropertyValue("ElementName")).startsWith(prefix)) {
                out.add(v);
            }
        }
        return out;
    }

    @Test
    void aJobStartingFirstCallMakesOneReplica() throws Exception {
        CIMInstance system = Calls.named(client, "CIM_ComputerSystem", "InServ-sample");
        CIMObjectPath replication = Clients.drain(client.associatorNames(system.getObjectPath(), "CIM_HostedService",
                "CIM_ReplicationService", null, null)).get(0);
        CIMObjectPath source = Calls.named(client, "CIM_StorageVolume", "vv-log").getObjectPath();
        List<Long> codes = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WBEMClient first = fresh(i);
            try {
                codes.add(Calls.invoke(first, replication, "CreateElementReplica",
                        Calls.string("ElementName", "fresh-replica-" + i), Calls.uint16("SyncType", 8),
                        Calls.ref("SourceElement", source)).returnCode());
            } finally {
                first.close();
            }
        }
        assertThat(codes).as("each CreateElementReplica started its job").containsOnly(4096L);
        assertThat(volumesNamed("fresh-replica-")).as("one target volume per call")
                .extracting(v -> v.getPropertyValue("ElementName"))
                .containsExactlyInAnyOrderElementsOf(names("fresh-replica-"));
    }

    @Test
    void aCreateInstanceFirstCallCreatesOnce() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WBEMClient first = fresh(i);
            try {
                CIMObjectPath filter = first.createInstance(new CIMInstance(
                        Clients.classPath("root/interop", "CIM_IndicationFilter"), new CIMProperty<?>[] {
                            new CIMProperty<>("Name", CIMDataType.STRING_T, "fresh-filter-" + i),
                            new CIMProperty<>("Query", CIMDataType.STRING_T, "SELECT * FROM CIM_InstCreation"),
                            new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "DMTF:CQL"),
                            new CIMProperty<>("SourceNamespaces", CIMDataType.STRING_ARRAY_T,
                                    new String[] {SampleProcess.NAMESPACE})}));
                made.add(String.valueOf(filter.getKeyValue("Name")));
            } finally {
                first.close();
            }
        }
        assertThat(made).as("no fresh client met CIM_ERR_ALREADY_EXISTS").containsExactlyElementsOf(
                names("fresh-filter-"));
        List<Object> stored = new ArrayList<>();
        for (CIMInstance f : Clients.drain(client.enumerateInstances(
                Clients.classPath("root/interop", "CIM_IndicationFilter"), true, false, false, null))) {
            if (String.valueOf(f.getPropertyValue("Name")).startsWith("fresh-filter-")) {
                stored.add(f.getPropertyValue("Name"));
            }
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(names("fresh-filter-"));
    }

    private static List<String> names(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}
