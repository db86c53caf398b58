package org.cimforge.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.cimforge.runtime.jobs.JobFixture.Published;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The life-cycle indications a job raises, in order, with the instances before and after each change. */
class JobIndicationsTest {
    JobFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new JobFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    static int number(CIMInstance i, String property) {
        return ((Number) i.getPropertyValue(property)).intValue();
    }

    static List<Integer> status(CIMInstance i) {
        return Arrays.stream((UnsignedInteger16[]) i.getPropertyValue("OperationalStatus"))
                .map(UnsignedInteger16::intValue).toList();
    }

    static List<String> changed(Published p) {
        return List.of((String[]) p.indication().getPropertyValue("ChangedPropertyNames"));
    }

    @Test
    void aJobsLifeIsToldInOrder() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        fx.clock.advance(Duration.ofSeconds(1));
        job.running();
        job.progress(50);
        job.progress(50);
        fx.clock.advance(Duration.ofSeconds(1));
        job.complete();
        job.progress(70);
        job.fail(9, "too late");
        fx.clock.advance(Duration.ofMinutes(5));
        assertThat(fx.jobs.sweep()).isEqualTo(1);

        List<Published> told = fx.indications.about(job.instanceId());
        assertThat(told).extracting(Published::className).containsExactly("CIM_InstCreation",
                "CIM_InstModification", "CIM_InstModification", "CIM_InstModification", "CIM_InstDeletion");
        assertThat(told).extracting(Published::namespace).containsOnly(JobFixture.NS);

        Published created = told.get(0);
        assertThat(created.source().getClassName()).isEqualTo("CIM_ConcreteJob");
        assertThat(number(created.source(), "JobState")).isEqualTo(2);
        assertThat(created.previous()).isNull();

        Published started = told.get(1);
        assertThat(number(started.previous(), "JobState")).isEqualTo(2);
        assertThat(number(started.source(), "JobState")).isEqualTo(4);
        assertThat(changed(started)).contains("JobState", "OperationalStatus", "StartTime")
                .doesNotContain("InstanceID", "PercentComplete");

        Published progressed = told.get(2);
        assertThat(number(progressed.previous(), "PercentComplete")).isZero();
        assertThat(number(progressed.source(), "PercentComplete")).isEqualTo(50);
        assertThat(changed(progressed)).containsExactly("PercentComplete");

        Published completed = told.get(3);
        assertThat(status(completed.previous())).containsExactly(2);
        assertThat(status(completed.source())).containsExactlyInAnyOrder(2, 17);
        assertThat(number(completed.source(), "PercentComplete")).isEqualTo(100);
        assertThat(number(completed.source(), "ErrorCode")).isZero();

        Published deleted = told.get(4);
        assertThat(number(deleted.source(), "JobState")).isEqualTo(7);
        assertThat(deleted.previous()).isNull();
    }

    @Test
    void requestIndicationClassesAndStateRequestsAreUsed() throws Exception {
        JobControl stoppable = new JobControl() {
            @Override
            public boolean terminate(CimJob j) {
                return true;
            }
        };
        CimJob job = fx.jobs.start(fx.request("UpdateDeltaSnapshotSpace").jobClass("TST_ConcreteJob")
                .indicationClasses("TST_JobCreation", "TST_ConcreteJobInstModification", "TST_JobDeletion")
                .control(stoppable).build());
        job.running();
        fx.client.invokeMethod(job.path(), "RequestStateChange", new CIMArgument<?>[] {new CIMArgument<>(
                "RequestedState", CIMDataType.UINT16_T, new UnsignedInteger16(4))}, new CIMArgument<?>[0]);
        fx.client.deleteInstance(job.path());
        List<Published> told = fx.indications.about(job.instanceId());
        assertThat(told).extracting(Published::className).containsExactly("TST_JobCreation",
                "TST_ConcreteJobInstModification", "TST_ConcreteJobInstModification", "TST_JobDeletion");
        assertThat(told.get(0).source().getClassName()).isEqualTo("TST_ConcreteJob");
        assertThat(number(told.get(2).previous(), "JobState")).isEqualTo(4);
        assertThat(number(told.get(2).source(), "JobState")).isEqualTo(8);
        assertThat(status(told.get(2).source())).containsExactly(10);
    }

    @Test
    void modifyingRetentionIsAVisibleChangeButRewritingTheSameValueIsNot() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        CIMInstance same = new CIMInstance(job.path(), new org.metricshub.wbem.javax.cim.CIMProperty<?>[] {
            new org.metricshub.wbem.javax.cim.CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T,
                    Boolean.TRUE)});
        fx.client.modifyInstance(same, new String[] {"DeleteOnCompletion"});
        CIMInstance off = new CIMInstance(job.path(), new org.metricshub.wbem.javax.cim.CIMProperty<?>[] {
            new org.metricshub.wbem.javax.cim.CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T,
                    Boolean.FALSE)});
        fx.client.modifyInstance(off, new String[] {"DeleteOnCompletion"});
        List<Published> told = fx.indications.about(job.instanceId());
        assertThat(told).extracting(Published::className).containsExactly("CIM_InstCreation",
                "CIM_InstModification");
        assertThat(changed(told.get(1))).containsExactly("DeleteOnCompletion");
    }

    @Test
    void aFailingPublisherDoesNotBreakTheJob() throws Exception {
        try (JobFixture broken = new JobFixture()) {
            CimJobs jobs = CimJobs.install(broken.server, JobSettings.defaults().withSweepInterval(Duration.ZERO),
                    () -> (ns, indication) -> {
                        throw new IllegalStateException("listener unreachable");
                    });
            // The fixture's own framework already serves root/jobs; the lean namespace is free for this one.
            CimJob job = jobs.start(JobRequest.builder(JobFixture.LEAN, "Work").build());
            job.running();
            job.complete();
            assertThat(job.jobState()).isEqualTo(7);
            assertThat(number(broken.get(job.path()), "JobState")).isEqualTo(7);
            jobs.close();
        }
    }
}
