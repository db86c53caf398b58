package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.indication.IndicationFixture.NS;
import static org.cimforge.runtime.indication.IndicationFixture.embedded;
import static org.cimforge.runtime.indication.IndicationFixture.intValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cimforge.runtime.jobs.CimJob;
import org.cimforge.runtime.jobs.CimJobs;
import org.cimforge.runtime.jobs.JobRequest;
import org.cimforge.runtime.jobs.JobSettings;
import org.cimforge.runtime.server.CimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Real jobs of the job framework, one that succeeds and one that fails, observed through the five SMI-S job-control
 * subscriptions by the SBLIM listener: the framework's own life-cycle indications pass the filters and arrive in the
 * order of the changes, with the job's state as the client would read it by GetInstance.
 */
class JobFrameworkIndicationTest {
    CimServer server;
    CimJobs jobs;
    WBEMClient client;
    IndicationFixture.Listener listener;

    @BeforeEach
    void start() throws Exception {
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES);
        jobs = CimJobs.install(server, JobSettings.defaults().withInstanceIdPrefix("TST")
                .withSweepInterval(Duration.ZERO));
        client = IndicationFixture.client(server);
        listener = new IndicationFixture.Listener();
        listener.start(0);
        CIMObjectPath destination = IndicationFixture.destination(client, "listener", listener.url());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("JobCreated", IndicationFixture.CREATED);
        filters.put("JobProgress", IndicationFixture.PROGRESS);
        filters.put("JobStateChange", IndicationFixture.STATE_CHANGE);
        filters.put("JobCompletedOK", IndicationFixture.COMPLETED_OK);
        filters.put("JobFailed", IndicationFixture.FAILED);
        for (Map.Entry<String, String> f : filters.entrySet()) {
            IndicationFixture.subscribe(client, IndicationFixture.filter(client, f.getKey(), f.getValue()),
                    destination, null);
        }
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        client.close();
        jobs.close();
        server.stop();
    }

    @Test
    void aSucceedingAndAFailingJobReachTheirSubscriptionsInOrder() throws Exception {
        CimJob good = jobs.start(JobRequest.builder(NS, "CreateReplica").jobClass("TST_ConcreteJob").build());
        good.running();
        good.progress(40);
        good.complete();
        CimJob bad = jobs.start(JobRequest.builder(NS, "CreateReplica").jobClass("TST_ConcreteJob").build());
        bad.running();
        bad.fail(32770, "copy target went offline");

        IndicationFixture.eventually(Duration.ofSeconds(20), "delivery settles",
                () -> server.indicationService().pendingCount() == 0);
        List<CIMInstance> got = listener.take((int) server.indicationService().deliveredCount(),
                Duration.ofSeconds(20));
        List<String> seen = new ArrayList<>();
        for (CIMInstance i : got) {
            CIMInstance source = embedded(i, "SourceInstance");
            seen.add(i.getPropertyValue("IndicationFilterName") + " " + i.getClassName() + " "
                    + source.getPropertyValue("InstanceID") + " state=" + intValue(source, "JobState")
                    + " pct=" + intValue(source, "PercentComplete"));
        }
        String g = good.instanceId();
        String b = bad.instanceId();
        // Each change is matched against the subscriptions in the order they were created.
        assertThat(seen).containsExactly(
                "JobCreated CIM_InstCreation " + g + " state=2 pct=0",
                "JobStateChange CIM_InstModification " + g + " state=4 pct=0",
                "JobProgress CIM_InstModification " + g + " state=4 pct=40",
                "JobProgress CIM_InstModification " + g + " state=7 pct=100",
                "JobStateChange CIM_InstModification " + g + " state=7 pct=100",
                "JobCompletedOK CIM_InstModification " + g + " state=7 pct=100",
                "JobCreated CIM_InstCreation " + b + " state=2 pct=0",
                "JobStateChange CIM_InstModification " + b + " state=4 pct=0",
                "JobStateChange CIM_InstModification " + b + " state=10 pct=0",
                "JobFailed CIM_InstModification " + b + " state=10 pct=0");
        // The failure carries the provider's code and text, so a client never reads it as success.
        CIMInstance failed = embedded(got.get(got.size() - 1), "SourceInstance");
        assertThat(intValue(failed, "ErrorCode")).isEqualTo(32770);
        assertThat(failed.getPropertyValue("ErrorDescription")).isEqualTo("copy target went offline");
        assertThat(operationalStatus(failed)).containsExactly(6, 17);
        CIMInstance completed = embedded(got.get(5), "SourceInstance");
        assertThat(operationalStatus(completed)).containsExactly(2, 17);
        assertThat(intValue(completed, "ErrorCode")).isZero();
    }

    private static List<Integer> operationalStatus(CIMInstance job) {
        List<Integer> codes = new ArrayList<>();
        for (Object o : (Object[]) job.getPropertyValue("OperationalStatus")) {
            codes.add(((Number) o).intValue());
        }
        return codes;
    }
}
