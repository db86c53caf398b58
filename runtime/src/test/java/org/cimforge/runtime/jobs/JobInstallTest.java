package org.cimforge.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.runtime.jobs.JobFixture.LEAN;
import static org.cimforge.runtime.jobs.JobFixture.NS;
import static org.cimforge.runtime.jobs.JobFixture.servicePath;
import static org.cimforge.runtime.jobs.JobFixture.volumePath;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;

/** Installing the framework, the schemas it accepts, the properties it sets, and the InstanceIDs it gives. */
class JobInstallTest {
    JobFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new JobFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void jobsNeedAServedNamespaceWhoseSchemaHasTheJobClass() {
        assertThatThrownBy(() -> fx.jobs.start(JobRequest.builder("root/none", "Work").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root/none");
        assertThatThrownBy(() -> fx.jobs.start(JobRequest.builder(NS, "Work").jobClass("XYZ_ConcreteJob").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XYZ_ConcreteJob").hasMessageContaining(NS);
        assertThatThrownBy(() -> fx.jobs.start(JobRequest.builder(NS, "Work").jobClass("CIM_StorageVolume")
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not CIM_ConcreteJob");
    }

    @Test
    void beforeTheFirstJobEnumerationsAnswerEmpty() throws Exception {
        assertThat(JobFixture.drain(fx.client.enumerateInstances(JobFixture.classPath(NS, "CIM_ConcreteJob"), true,
                false, false, null))).isEmpty();
        assertThat(JobFixture.drain(fx.client.referenceNames(servicePath(), "CIM_OwningJobElement", null)))
                .isEmpty();
    }

    @Test
    void leanClassGetsOnlyTheDeclaredProperties() throws Exception {
        CimJob job = fx.jobs.start(JobRequest.builder(LEAN, "Work").description("lean job").build());
        job.running();
        job.progress(10);
        CIMInstance seen = fx.get(job.path());
        assertThat(Arrays.stream(seen.getProperties()).map(CIMProperty::getName)).containsExactlyInAnyOrder(
                "InstanceID", "Description", "JobState", "PercentComplete", "TimeBeforeRemoval", "DeleteOnCompletion",
                "ErrorCode");
        assertThat(job.toInstance().getProperties()).hasSize(7);
    }

    @Test
    void leanSchemaWithoutAssociationsRefusesOwnersAndAffectedElements() {
        assertThatThrownBy(() -> fx.jobs.start(JobRequest.builder(LEAN, "Work").owningElement(servicePath())
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CIM_OwningJobElement");
        assertThatThrownBy(() -> fx.jobs.start(JobRequest.builder(LEAN, "Work").affectedElement(volumePath("v1"))
                .build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CIM_AffectedJobElement");
        CimJob job = fx.jobs.start(JobRequest.builder(LEAN, "Work").build());
        assertThatThrownBy(() -> job.addAffectedElement(volumePath("v1"), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutCimErrorInTheSchemaGetErrorsStillReturnsACimError() throws Exception {
        CimJob job = fx.jobs.start(JobRequest.builder(LEAN, "Work").build());
        job.fail(12, "disk gone");
        CIMArgument<?>[] out = new CIMArgument<?>[1];
        Object rc = fx.client.invokeMethod(job.path(), "GetErrors", new CIMArgument<?>[0], out);
        assertThat(((Number) rc).intValue()).isZero();
        CIMInstance error = (CIMInstance) ((Object[]) out[0].getValue())[0];
        assertThat(error.getClassName()).isEqualTo("CIM_Error");
        assertThat(error.getPropertyValue("MessageID")).isEqualTo("JOB12");
        assertThat(error.getPropertyValue("Message")).isEqualTo("disk gone");
    }

    @Test
    void aClassServedByAnotherProviderIsNotTakenOver() {
        CimInstanceProvider foreign = (context, className) -> List.of();
        fx.server.providers().instances(NS, "TST_ConcreteJob", foreign);
        assertThatThrownBy(() -> fx.jobs.start(fx.request("Work").jobClass("TST_ConcreteJob").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TST_ConcreteJob");
        assertThat(fx.server.providers().instanceProvider(NS, "TST_ConcreteJob")).isSameAs(foreign);
    }

    @Test
    void twoFrameworksDoNotShareANamespace() {
        fx.jobs.start(fx.request("Work").build());
        try (CimJobs second = CimJobs.install(fx.server, JobSettings.defaults().withSweepInterval(Duration.ZERO))) {
            assertThatThrownBy(() -> second.start(fx.request("Work").build()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void instanceIdsAreNeverReusedAndFixedOnesMoveTheCounter() {
        CimJob first = fx.jobs.start(fx.request("Work").build());
        CimJob second = fx.jobs.start(fx.request("Work").build());
        assertThat(first.instanceId()).isEqualTo("TST:1");
        assertThat(second.instanceId()).isEqualTo("TST:2");
        first.complete();
        fx.clock.advance(Duration.ofMinutes(5));
        fx.jobs.sweep();
        assertThat(fx.jobs.start(fx.request("Work").build()).instanceId()).isEqualTo("TST:3");

        Instant earlier = JobFixture.T0.minus(Duration.ofHours(1));
        CimJob restored = fx.jobs.start(fx.request("Work").instanceId("TST:40").timeSubmitted(earlier).build());
        assertThat(restored.toInstance().getPropertyValue("TimeSubmitted").toString())
                .isEqualTo("20240131110000.000000+000");
        assertThat(fx.jobs.start(fx.request("Work").build()).instanceId()).isEqualTo("TST:41");
        assertThat(fx.jobs.start(fx.request("Work").instanceId("OTHER:x").build()).instanceId())
                .isEqualTo("OTHER:x");
        assertThatThrownBy(() -> fx.jobs.start(fx.request("Work").instanceId("TST:40").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TST:40");
        assertThat(fx.jobs.find("TST:40")).containsSame(restored);
    }

    @Test
    void badProviderInputIsRefusedClearly() {
        CimJob job = fx.jobs.start(fx.request("Work").build());
        assertThatThrownBy(() -> job.fail(0, "no code")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ErrorCode");
        assertThatThrownBy(() -> job.progress(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..100");
        assertThat(job.isFinished()).isFalse();
        assertThatThrownBy(() -> fx.jobs.start(fx.request("Work").timeBeforeRemoval(Duration.ofSeconds(-1))
                .build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CimJobs.install(fx.server, JobSettings.defaults().withInstanceIdPrefix("A:B")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A:B");
    }
}
