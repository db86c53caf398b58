package org.cimforge.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.runtime.jobs.JobFixture.drain;
import static org.cimforge.runtime.jobs.JobFixture.servicePath;
import static org.cimforge.runtime.jobs.JobFixture.volumePath;

import java.time.Duration;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Removal of finished jobs after TimeBeforeRemoval, on a clock the tests move by hand. */
class JobRemovalTest {
    JobFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new JobFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    void assertGone(CimJob job) {
        assertThatThrownBy(() -> fx.get(job.path())).isInstanceOfSatisfying(WBEMException.class,
                e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
        assertThat(fx.jobs.find(job.instanceId())).isEmpty();
    }

    @Test
    void finishedJobStaysForTimeBeforeRemovalThenGoesWithItsRows() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").affectedElement(volumePath("v2"), 5).build());
        job.running();
        fx.clock.advance(Duration.ofHours(2));
        assertThat(fx.jobs.sweep()).as("a running job is never removed").isZero();
        job.complete();
        fx.clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(fx.jobs.sweep()).isZero();
        assertThat(fx.get(job.path()).getPropertyValue("InstanceID")).isEqualTo(job.instanceId());
        fx.clock.advance(Duration.ofMillis(1));
        assertThat(fx.jobs.sweep()).isEqualTo(1);
        assertGone(job);
        assertThat(drain(fx.client.referenceNames(volumePath("v2"), "CIM_AffectedJobElement", null))).isEmpty();
        assertThat(drain(fx.client.referenceNames(servicePath(), "CIM_OwningJobElement", null))).isEmpty();
        assertThat(fx.jobs.sweep()).isZero();
    }

    @Test
    void requestedRetentionIsHonoured() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").timeBeforeRemoval(Duration.ofSeconds(30)).build());
        assertThat(fx.get(job.path()).getPropertyValue("TimeBeforeRemoval").toString())
                .isEqualTo("00000000000030.000000:000");
        job.fail(3, "no space");
        fx.clock.advance(Duration.ofSeconds(29));
        assertThat(fx.jobs.sweep()).isZero();
        fx.clock.advance(Duration.ofSeconds(1));
        assertThat(fx.jobs.sweep()).isEqualTo(1);
        assertGone(job);
    }

    @Test
    void jobsThatAreNotDeletedOnCompletionStayUntilDeleted() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").deleteOnCompletion(false).build());
        job.complete();
        fx.clock.advance(Duration.ofDays(30));
        assertThat(fx.jobs.sweep()).isZero();
        assertThat(fx.get(job.path()).getPropertyValue("DeleteOnCompletion")).isEqualTo(Boolean.FALSE);
        fx.client.deleteInstance(job.path());
        assertGone(job);
    }

    @Test
    void modifyingRetentionAfterCompletionRestartsTheTimer() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        job.complete();
        fx.clock.advance(Duration.ofMinutes(4));
        CIMInstance change = new CIMInstance(job.path(), new CIMProperty<?>[] {
            new CIMProperty<>("TimeBeforeRemoval", CIMDataType.DATETIME_T,
                    new CIMDateTimeInterval("00000000000200.000000:000"))});
        fx.client.modifyInstance(change, new String[] {"TimeBeforeRemoval"});
        // Without the restart the job would be due at minute 5; now it is due two minutes after the change.
        fx.clock.advance(Duration.ofMinutes(2).minusMillis(1));
        assertThat(fx.jobs.sweep()).isZero();
        fx.clock.advance(Duration.ofMillis(1));
        assertThat(fx.jobs.sweep()).isEqualTo(1);
        assertGone(job);
    }

    @Test
    void turningDeleteOnCompletionOnLaterStartsTheTimerThen() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").deleteOnCompletion(false).build());
        job.complete();
        fx.clock.advance(Duration.ofHours(1));
        CIMInstance change = new CIMInstance(job.path(), new CIMProperty<?>[] {
            new CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T, Boolean.TRUE)});
        fx.client.modifyInstance(change, new String[] {"DeleteOnCompletion"});
        assertThat(fx.jobs.sweep()).isZero();
        fx.clock.advance(Duration.ofMinutes(5));
        assertThat(fx.jobs.sweep()).isEqualTo(1);
        assertGone(job);
    }

    @Test
    void backgroundSweepRemovesDueJobsAndStopsOnClose() throws Exception {
        try (JobFixture swept = new JobFixture(Duration.ofMillis(20))) {
            CimJob job = swept.jobs.start(swept.request("CreateReplica").timeBeforeRemoval(Duration.ofMinutes(1))
                    .build());
            job.complete();
            CIMObjectPath path = job.path();
            assertThat(swept.get(path)).isNotNull();
            swept.clock.advance(Duration.ofMinutes(1));
            // The sweep thread runs on its own schedule; wait for it, boundedly.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (swept.jobs.find(job.instanceId()).isPresent() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.sleep(5);
            }
            assertThat(swept.jobs.find(job.instanceId())).isEmpty();
            assertThat(swept.jobs.sweeping()).isTrue();
            swept.jobs.close();
            assertThat(swept.jobs.sweeping()).isFalse();
        }
    }
}
