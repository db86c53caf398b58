package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** The provider killed with SIGKILL in the middle of a job and restarted on the same data directory. */
class FaultIT {
    private static final long MIB = 1L << 20;

    @TempDir
    Path data;

    @Test
    void killedMidJobLosesNothingAcknowledgedAndReportsTheJobAsEnded() throws Exception {
        CIMObjectPath volume;
        CIMObjectPath job;
        int httpPort;
        int httpsPort;
        // 16 MiB/s: a clone of the 2 GiB vv-log would take about two minutes, so it is surely running when killed.
        try (SampleProcess first = SampleProcess.start(data, "--copy-rate", "16M")) {
            httpPort = first.httpPort();
            httpsPort = first.httpsPort();
            WBEMClient client = Clients.sblim(first);
            CIMInstance system = Calls.named(client, "CIM_ComputerSystem", "InServ-sample");
            CIMObjectPath configuration = Clients.drain(client.associatorNames(system.getObjectPath(),
                    "CIM_HostedService", "CIM_StorageConfigurationService", null, null)).get(0);
            Calls.Answer made = Calls.invoke(client, configuration, "CreateOrModifyElementFromStoragePool",
                    Calls.string("ElementName", "it-acknowledged"), Calls.uint16("ElementType", 2),
                    Calls.ref("InPool", Calls.named(client, "CIM_StoragePool", "FC_r5").getObjectPath()),
                    Calls.uint64("Size", 64 * MIB));
            assertThat(made.returnCode()).isZero();
            volume = made.ref("TheElement");

            CIMObjectPath replication = Clients.drain(client.associatorNames(system.getObjectPath(),
                    "CIM_HostedService", "CIM_ReplicationService", null, null)).get(0);
            Calls.Answer started = Calls.invoke(client, replication, "CreateElementReplica",
                    Calls.string("ElementName", "it-interrupted"), Calls.uint16("SyncType", 8),
                    Calls.ref("SourceElement", Calls.named(client, "CIM_StorageVolume", "vv-log").getObjectPath()));
            assertThat(started.returnCode()).isEqualTo(4096);
            job = started.ref("Job");
            CIMInstance running = client.getInstance(job, false, false, null);
            assertThat(Calls.jobState(running)).isIn(2, 3, 4);
            client.close();
            first.kill();
            assertThat(first.isAlive()).isFalse();
        }

        try (SampleProcess second = SampleProcess.start(data, httpPort, httpsPort, "--copy-rate", "16M")) {
            WBEMClient client = Clients.sblim(second);
            assertThat(client.getInstance(volume, false, false, null).getPropertyValue("ElementName"))
                    .as("a volume acknowledged before the kill").isEqualTo("it-acknowledged");
            CIMInstance ended = Calls.awaitJob(client, job, Duration.ofSeconds(30));
            // The copy needed about two minutes and was killed within seconds: it cannot have completed, so the
            // only right end is Exception (10), with the engine's restart code 0x8002 (array-engine/README,
            // "Durability model") and OperationalStatus {Error, Completed}. Completed (7) here would be a bug.
            assertThat(Calls.jobState(ended)).as("the interrupted job is reported ended in Exception, never stuck")
                    .isEqualTo(10);
            assertThat(((Number) ended.getPropertyValue("ErrorCode")).intValue()).isEqualTo(0x8002);
            assertThat((String) ended.getPropertyValue("ErrorDescription")).isNotBlank();
            assertThat(Calls.operationalStatus(ended)).contains(6, 17);
            // The server serves normally after the restart.
            assertThat(Clients.drain(client.enumerateInstanceNames(Clients.classPath(SampleProcess.NAMESPACE,
                    "CIM_StorageVolume")))).isNotEmpty();
            client.close();
        }
    }
}
