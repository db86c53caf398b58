package org.cimforge.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.runtime.jobs.JobFixture.NS;
import static org.cimforge.runtime.jobs.JobFixture.classPath;
import static org.cimforge.runtime.jobs.JobFixture.drain;
import static org.cimforge.runtime.jobs.JobFixture.servicePath;
import static org.cimforge.runtime.jobs.JobFixture.volumePath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs as an SBLIM client sees them over HTTP: polling, errors, associations, methods and intrinsic operations. */
class JobsOverHttpTest {
    static JobFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new JobFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    static int uint(CIMInstance i, String property) {
        Object v = i.getPropertyValue(property);
        assertThat(v).as(property).isInstanceOf(Number.class);
        return ((Number) v).intValue();
    }

    static List<Integer> status(CIMInstance i) {
        return Arrays.stream((UnsignedInteger16[]) i.getPropertyValue("OperationalStatus"))
                .map(UnsignedInteger16::intValue).toList();
    }

    static String text(Object datetime) {
        return datetime == null ? null : datetime.toString();
    }

    static CIMArgument<?> requested(int state) {
        return new CIMArgument<>("RequestedState", CIMDataType.UINT16_T, new UnsignedInteger16(state));
    }

    static int requestStateChange(CIMObjectPath job, CIMArgument<?>... in) throws WBEMException {
        return ((Number) fx.client.invokeMethod(job, "RequestStateChange", in, new CIMArgument<?>[0])).intValue();
    }

    @Test
    void pollingSeesNewThenRunningThenCompletedWithItsTimes() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").description("copy v1 to v2").build());
        assertThat(job.instanceId()).startsWith("TST:");
        CIMInstance fresh = fx.get(job.path());
        assertThat(fresh.getClassName()).isEqualTo("CIM_ConcreteJob");
        assertThat(fresh.getPropertyValue("InstanceID")).isEqualTo(job.instanceId());
        assertThat(fresh.getPropertyValue("Name")).isEqualTo("CreateReplica");
        assertThat(fresh.getPropertyValue("Description")).isEqualTo("copy v1 to v2");
        assertThat(uint(fresh, "JobState")).isEqualTo(2);
        assertThat(status(fresh)).containsExactly(15);
        assertThat(uint(fresh, "PercentComplete")).isZero();
        assertThat(uint(fresh, "ErrorCode")).isZero();
        assertThat(fresh.getPropertyValue("StartTime")).isNull();
        assertThat(fresh.getPropertyValue("TimeSubmitted")).isInstanceOf(CIMDateTimeAbsolute.class);
        assertThat(text(fresh.getPropertyValue("TimeSubmitted"))).isEqualTo("20240131120000.000000+000");
        assertThat(text(fresh.getPropertyValue("TimeBeforeRemoval"))).isEqualTo("00000000000500.000000:000");
        assertThat(fresh.getPropertyValue("DeleteOnCompletion")).isEqualTo(Boolean.TRUE);

        fx.clock.advance(Duration.ofSeconds(1));
        job.running();
        CIMInstance running = fx.get(job.path());
        assertThat(uint(running, "JobState")).isEqualTo(4);
        assertThat(status(running)).containsExactly(2);
        assertThat(text(running.getPropertyValue("StartTime"))).isEqualTo(text(running.getPropertyValue(
                "TimeOfLastStateChange")));

        fx.clock.advance(Duration.ofSeconds(2));
        job.progress(40);
        CIMInstance halfway = fx.get(job.path());
        assertThat(uint(halfway, "PercentComplete")).isEqualTo(40);
        assertThat(halfway.getPropertyValue("ElapsedTime")).isInstanceOf(CIMDateTimeInterval.class);
        assertThat(text(halfway.getPropertyValue("ElapsedTime"))).isEqualTo("00000000000002.000000:000");

        job.addAffectedElement(volumePath("v2"), 5);
        fx.clock.advance(Duration.ofSeconds(3));
        job.complete();
        fx.clock.advance(Duration.ofSeconds(30));
        CIMInstance done = fx.get(job.path());
        assertThat(uint(done, "JobState")).isEqualTo(7);
        assertThat(status(done)).containsExactlyInAnyOrder(2, 17);
        assertThat(uint(done, "PercentComplete")).isEqualTo(100);
        assertThat(uint(done, "ErrorCode")).isZero();
        assertThat(done.getPropertyValue("ErrorDescription")).isNull();
        assertThat(done.getPropertyValue("JobStatus")).isEqualTo("Completed");
        // Elapsed time stops at completion although the clock went on.
        assertThat(text(done.getPropertyValue("ElapsedTime"))).isEqualTo("00000000000005.000000:000");
        assertThat(job.isFinished()).isTrue();
    }

    @Test
    void affectedElementsAndOwnerAreReachableRightAfterCompletion() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        job.running();
        job.addAffectedElement(volumePath("v2"), 5);
        job.complete();
        List<CIMInstance> volumes = drain(fx.client.associatorInstances(job.path(), null, "CIM_StorageVolume", null, null,
                false, null));
        assertThat(volumes).extracting(CIMInstance::getClassName).containsExactly("TST_StorageVolume");
        assertThat(volumes.get(0).getPropertyValue("ElementName")).isEqualTo("volume v2");
        List<CIMInstance> rows = drain(fx.client.referenceInstances(job.path(), "CIM_AffectedJobElement", null, false,
                null));
        assertThat(rows).hasSize(1);
        assertThat(((UnsignedInteger16[]) rows.get(0).getPropertyValue("ElementEffects"))).containsExactly(
                new UnsignedInteger16(5));
        List<CIMObjectPath> owners = drain(fx.client.associatorNames(job.path(), "CIM_OwningJobElement", null,
                null, null));
        assertThat(owners).extracting(p -> (Object) p.getKey("Name").getValue()).containsExactly("replication");
    }

    @Test
    void elementSideTraversalReachesTheJobs() throws Exception {
        CimJob first = fx.jobs.start(fx.request("ModifyVolume").affectedElement(volumePath("v1"), 2).build());
        CimJob second = fx.jobs.start(fx.request("ModifyVolume").affectedElement(volumePath("v1"), 3).build());
        List<CIMInstance> rows = drain(fx.client.referenceInstances(volumePath("v1"), "CIM_AffectedJobElement", null,
                false, null));
        assertThat(rows).extracting(r -> (Object) ((CIMObjectPath) r.getPropertyValue("AffectingElement"))
                .getKey("InstanceID").getValue()).contains(first.instanceId(), second.instanceId());
        List<String> jobIds = drain(fx.client.associatorInstances(volumePath("v1"), "CIM_AffectedJobElement",
                "CIM_ConcreteJob", "AffectedElement", "AffectingElement", false, null)).stream()
                .map(i -> (String) i.getPropertyValue("InstanceID")).toList();
        assertThat(jobIds).contains(first.instanceId(), second.instanceId());
        List<String> owned = drain(fx.client.associatorNames(servicePath(), "CIM_OwningJobElement", null, null,
                null)).stream().map(p -> (String) p.getKey("InstanceID").getValue()).toList();
        assertThat(owned).contains(first.instanceId(), second.instanceId());
    }

    @Test
    void vendorSubclassJobsAreEnumeratedThroughTheDmtfClass() throws Exception {
        CimJob vendor = fx.jobs.start(fx.request("UpdateDeltaSnapshotSpace").jobClass("TST_ConcreteJob").build());
        CimJob plain = fx.jobs.start(fx.request("CreateReplica").build());
        List<CIMInstance> all = drain(fx.client.enumerateInstances(classPath(NS, "CIM_ConcreteJob"), true, false,
                false, null));
        assertThat(all).filteredOn(i -> vendor.instanceId().equals(i.getPropertyValue("InstanceID")))
                .extracting(CIMInstance::getClassName).containsExactly("TST_ConcreteJob");
        assertThat(all).filteredOn(i -> plain.instanceId().equals(i.getPropertyValue("InstanceID")))
                .extracting(CIMInstance::getClassName).containsExactly("CIM_ConcreteJob");
        List<CIMObjectPath> fromAbstract = drain(fx.client.enumerateInstanceNames(classPath(NS, "CIM_Job")));
        assertThat(fromAbstract).extracting(p -> (Object) p.getKey("InstanceID").getValue())
                .contains((Object) vendor.instanceId(), plain.instanceId());
        List<CIMInstance> onlyVendor = drain(fx.client.enumerateInstances(classPath(NS, "TST_ConcreteJob"), true,
                false, false, null));
        assertThat(onlyVendor).extracting(CIMInstance::getClassName).containsOnly("TST_ConcreteJob");
        assertThat(onlyVendor).extracting(i -> i.getPropertyValue("InstanceID")).contains(vendor.instanceId())
                .doesNotContain(plain.instanceId());
        assertThat(vendor.path().getObjectName()).isEqualTo("TST_ConcreteJob");
        assertThat(uint(fx.get(vendor.path()), "JobState")).isEqualTo(2);
        // Methods and associations work on the vendor class too.
        assertThat(requestStateChange(vendor.path(), requested(4))).isEqualTo(4097);
        assertThat(drain(fx.client.associatorNames(vendor.path(), "CIM_OwningJobElement", null, null, null)))
                .hasSize(1);
    }

    @Test
    void failedJobShowsExceptionAndGetErrorsReturnsCimError() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        job.running();
        job.progress(30);
        job.fail(42, "the target pool is full");
        CIMInstance failed = fx.get(job.path());
        assertThat(uint(failed, "JobState")).isEqualTo(10);
        assertThat(status(failed)).containsExactlyInAnyOrder(6, 17);
        assertThat(uint(failed, "ErrorCode")).isEqualTo(42);
        assertThat(failed.getPropertyValue("ErrorDescription")).isEqualTo("the target pool is full");
        assertThat(uint(failed, "PercentComplete")).isEqualTo(30);

        CIMArgument<?>[] out = new CIMArgument<?>[1];
        Object rc = fx.client.invokeMethod(job.path(), "GetErrors", new CIMArgument<?>[0], out);
        assertThat(((Number) rc).intValue()).isZero();
        assertThat(out[0].getName()).isEqualTo("Errors");
        Object[] errors = (Object[]) out[0].getValue();
        assertThat(errors).hasSize(1);
        CIMInstance error = (CIMInstance) errors[0];
        assertThat(error.getClassName()).isEqualTo("CIM_Error");
        assertThat(error.getPropertyValue("MessageID")).isEqualTo("JOB42");
        assertThat(error.getPropertyValue("Message")).isEqualTo("the target pool is full");
        assertThat(error.getPropertyValue("OwningEntity")).isEqualTo("TST");
        assertThat(((Number) error.getPropertyValue("CIMStatusCode")).intValue()).isEqualTo(1);
        assertThat(((Number) error.getPropertyValue("ErrorSourceFormat")).intValue()).isEqualTo(2);
        assertThat((String) error.getPropertyValue("ErrorSource")).contains(job.instanceId());

        CIMArgument<?>[] single = new CIMArgument<?>[1];
        fx.client.invokeMethod(job.path(), "GetError", new CIMArgument<?>[0], single);
        assertThat(((CIMInstance) single[0].getValue()).getPropertyValue("MessageID")).isEqualTo("JOB42");
    }

    @Test
    void successfulJobHasNoErrors() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        job.complete();
        CIMArgument<?>[] out = new CIMArgument<?>[1];
        Object rc = fx.client.invokeMethod(job.path(), "GetErrors", new CIMArgument<?>[0], out);
        assertThat(((Number) rc).intValue()).isZero();
        Object errors = out[0] == null ? null : out[0].getValue();
        assertThat(errors == null || ((Object[]) errors).length == 0).as("no CIM_Error for a successful job")
                .isTrue();
        CIMArgument<?>[] single = new CIMArgument<?>[1];
        fx.client.invokeMethod(job.path(), "GetError", new CIMArgument<?>[0], single);
        assertThat(single[0] == null || single[0].getValue() == null).isTrue();
    }

    @Test
    void terminateIsCarriedOutWhenTheProviderAgrees() throws Exception {
        List<CimJob> asked = new ArrayList<>();
        CimJob job = fx.jobs.start(fx.request("CreateReplica").control(new JobControl() {
            @Override
            public boolean terminate(CimJob j) {
                asked.add(j);
                return true;
            }
        }).build());
        job.running();
        job.progress(10);
        assertThat(requestStateChange(job.path(), requested(4))).isZero();
        assertThat(asked).containsExactly(job);
        CIMInstance stopped = fx.get(job.path());
        assertThat(uint(stopped, "JobState")).isEqualTo(8);
        assertThat(status(stopped)).containsExactly(10);
        assertThat(uint(stopped, "ErrorCode")).isNotZero();
        assertThat(uint(stopped, "PercentComplete")).isEqualTo(10);
        // Finished: a second request is an invalid transition and does not reach the provider.
        assertThat(requestStateChange(job.path(), requested(4))).isEqualTo(4097);
        assertThat(asked).hasSize(1);
    }

    @Test
    void providerMayRecordTheStopItselfWithItsOwnErrorCode() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").control(new JobControl() {
            @Override
            public boolean kill(CimJob j) {
                j.killed(77, "copy halted");
                return true;
            }
        }).build());
        job.running();
        assertThat(requestStateChange(job.path(), requested(5))).isZero();
        CIMInstance killed = fx.get(job.path());
        assertThat(uint(killed, "JobState")).isEqualTo(9);
        assertThat(uint(killed, "ErrorCode")).isEqualTo(77);
        assertThat(killed.getPropertyValue("ErrorDescription")).isEqualTo("copy halted");
    }

    @Test
    void refusedRequestLeavesTheJobAlone() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        job.running();
        CIMInstance before = fx.get(job.path());
        fx.clock.advance(Duration.ofSeconds(1));
        assertThat(requestStateChange(job.path(), requested(4))).isEqualTo(4097);
        assertThat(requestStateChange(job.path(), requested(5))).isEqualTo(4097);
        assertThat(requestStateChange(job.path(), requested(3))).isEqualTo(4097);
        assertThat(requestStateChange(job.path(), requested(6))).isEqualTo(4097);
        CIMInstance after = fx.get(job.path());
        assertThat(uint(after, "JobState")).isEqualTo(4);
        assertThat(text(after.getPropertyValue("TimeOfLastStateChange")))
                .isEqualTo(text(before.getPropertyValue("TimeOfLastStateChange")));
    }

    @Test
    void timeoutAndUnknownStatesAreRejectedBeforeTheProviderIsAsked() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CimJob job = fx.jobs.start(fx.request("CreateReplica").control(new JobControl() {
            @Override
            public boolean terminate(CimJob j) {
                calls.incrementAndGet();
                return true;
            }
        }).build());
        CIMArgument<?> tenSeconds = new CIMArgument<>("TimeoutPeriod", CIMDataType.DATETIME_T,
                new CIMDateTimeInterval("00000000000010.000000:000"));
        assertThat(requestStateChange(job.path(), requested(4), tenSeconds)).isEqualTo(4098);
        assertThat(requestStateChange(job.path(), requested(7))).isEqualTo(5);
        assertThat(requestStateChange(job.path(), requested(32768))).isEqualTo(5);
        assertThat(requestStateChange(job.path())).isEqualTo(5);
        assertThat(calls.get()).isZero();
        CIMArgument<?> zero = new CIMArgument<>("TimeoutPeriod", CIMDataType.DATETIME_T,
                new CIMDateTimeInterval("00000000000000.000000:000"));
        assertThat(requestStateChange(job.path(), requested(4), zero)).isZero();
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void suspendAndResumeRestoreTheEarlierState() throws Exception {
        JobControl pausable = new JobControl() {
            @Override
            public boolean suspend(CimJob j) {
                return true;
            }

            @Override
            public boolean resume(CimJob j) {
                return true;
            }
        };
        CimJob job = fx.jobs.start(fx.request("CreateReplica").control(pausable).build());
        assertThat(requestStateChange(job.path(), requested(2))).as("resume a job that is not suspended")
                .isEqualTo(4097);
        job.running();
        job.progress(20);
        assertThat(requestStateChange(job.path(), requested(3))).isZero();
        CIMInstance suspended = fx.get(job.path());
        assertThat(uint(suspended, "JobState")).isEqualTo(5);
        assertThat(status(suspended)).containsExactly(2);
        assertThat(uint(suspended, "PercentComplete")).isEqualTo(20);
        assertThat(requestStateChange(job.path(), requested(3))).isEqualTo(4097);
        assertThat(requestStateChange(job.path(), requested(2))).isZero();
        assertThat(uint(fx.get(job.path()), "JobState")).isEqualTo(4);
    }

    @Test
    void deprecatedKillJobKillsAndMayDelete() throws Exception {
        JobControl killable = new JobControl() {
            @Override
            public boolean kill(CimJob j) {
                return true;
            }
        };
        CimJob kept = fx.jobs.start(fx.request("CreateReplica").control(killable).build());
        CIMArgument<?>[] keep = {new CIMArgument<>("DeleteOnKill", CIMDataType.BOOLEAN_T, Boolean.FALSE)};
        assertThat(((Number) fx.client.invokeMethod(kept.path(), "KillJob", keep, new CIMArgument<?>[0]))
                .intValue()).isZero();
        assertThat(uint(fx.get(kept.path()), "JobState")).isEqualTo(9);
        assertThat(((Number) fx.client.invokeMethod(kept.path(), "KillJob", keep, new CIMArgument<?>[0]))
                .intValue()).as("already killed").isEqualTo(4);

        CimJob dropped = fx.jobs.start(fx.request("CreateReplica").control(killable).build());
        CIMArgument<?>[] drop = {new CIMArgument<>("DeleteOnKill", CIMDataType.BOOLEAN_T, Boolean.TRUE)};
        assertThat(((Number) fx.client.invokeMethod(dropped.path(), "KillJob", drop, new CIMArgument<?>[0]))
                .intValue()).isZero();
        assertNotFound(dropped.path());

        CimJob refused = fx.jobs.start(fx.request("CreateReplica").build());
        assertThat(((Number) fx.client.invokeMethod(refused.path(), "KillJob", keep, new CIMArgument<?>[0]))
                .intValue()).isEqualTo(4);
    }

    @Test
    void createInstanceIsNotSupported() {
        CIMObjectPath path = new CIMObjectPath(null, null, null, NS, "CIM_ConcreteJob", new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "TST:made-up", true, false, null)});
        CIMInstance instance = new CIMInstance(path, new CIMProperty<?>[] {path.getKey("InstanceID"),
            new CIMProperty<>("Name", CIMDataType.STRING_T, "mine")});
        assertCimError(() -> fx.client.createInstance(instance), WBEMException.CIM_ERR_NOT_SUPPORTED);
    }

    @Test
    void modifyTakesOnlyDeleteOnCompletionAndTimeBeforeRemoval() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        CIMInstance change = new CIMInstance(job.path(), new CIMProperty<?>[] {
            new CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T, Boolean.FALSE),
            new CIMProperty<>("TimeBeforeRemoval", CIMDataType.DATETIME_T,
                    new CIMDateTimeInterval("00000000000200.000000:000")),
            new CIMProperty<>("Name", CIMDataType.STRING_T, "renamed"),
            new CIMProperty<>("PercentComplete", CIMDataType.UINT16_T, new UnsignedInteger16(99))});
        fx.client.modifyInstance(change, new String[] {"DeleteOnCompletion", "TimeBeforeRemoval"});
        CIMInstance modified = fx.get(job.path());
        assertThat(modified.getPropertyValue("DeleteOnCompletion")).isEqualTo(Boolean.FALSE);
        assertThat(text(modified.getPropertyValue("TimeBeforeRemoval"))).isEqualTo("00000000000200.000000:000");

        assertCimError(() -> fx.client.modifyInstance(change, new String[] {"Name"}),
                WBEMException.CIM_ERR_NOT_SUPPORTED);
        assertCimError(() -> fx.client.modifyInstance(change, new String[] {"DeleteOnCompletion",
            "PercentComplete"}), WBEMException.CIM_ERR_NOT_SUPPORTED);
        // Nothing of a refused request is applied.
        assertThat(fx.get(job.path()).getPropertyValue("DeleteOnCompletion")).isEqualTo(Boolean.FALSE);
        CIMInstance absolute = new CIMInstance(job.path(), new CIMProperty<?>[] {
            new CIMProperty<>("TimeBeforeRemoval", CIMDataType.DATETIME_T,
                    new CIMDateTimeAbsolute("20240131120000.000000+000"))});
        assertCimError(() -> fx.client.modifyInstance(absolute, new String[] {"TimeBeforeRemoval"}),
                WBEMException.CIM_ERR_INVALID_PARAMETER);
    }

    @Test
    void modifyWithoutPropertyListAcceptsAFetchedInstanceWithOnlyWritableChanges() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").build());
        job.running();
        CIMInstance fetched = fx.get(job.path());
        job.progress(60);
        // The fetched copy is stale in PercentComplete; that is not a change the client asks for.
        CIMInstance toggled = fetched.deriveInstance(new CIMProperty<?>[] {
            new CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T, Boolean.FALSE)});
        fx.client.modifyInstance(toggled, null);
        assertThat(fx.get(job.path()).getPropertyValue("DeleteOnCompletion")).isEqualTo(Boolean.FALSE);
        CIMInstance renamed = fetched.deriveInstance(new CIMProperty<?>[] {
            new CIMProperty<>("Name", CIMDataType.STRING_T, "other name")});
        assertCimError(() -> fx.client.modifyInstance(renamed, null), WBEMException.CIM_ERR_NOT_SUPPORTED);
    }

    @Test
    void deleteOnlyRemovesFinishedJobsTogetherWithTheirRows() throws Exception {
        CimJob job = fx.jobs.start(fx.request("CreateReplica").affectedElement(volumePath("v2"), 5).build());
        job.running();
        assertCimError(() -> fx.client.deleteInstance(job.path()), WBEMException.CIM_ERR_FAILED);
        assertThat(fx.jobs.find(job.instanceId())).isPresent();
        job.complete();
        fx.client.deleteInstance(job.path());
        assertNotFound(job.path());
        assertThat(fx.jobs.find(job.instanceId())).isEmpty();
        assertThat(drain(fx.client.referenceNames(volumePath("v2"), "CIM_AffectedJobElement", null)))
                .extracting(p -> (Object) ((CIMObjectPath) p.getKey("AffectingElement").getValue()).getKey("InstanceID")
                        .getValue()).doesNotContain(job.instanceId());
        assertCimError(() -> fx.client.deleteInstance(job.path()), WBEMException.CIM_ERR_NOT_FOUND);
        // Later changes to a removed job are ignored.
        job.progress(5);
        assertThat(fx.jobs.find(job.instanceId())).isEmpty();
    }

    @Test
    void unknownJobsAreNotFound() {
        CIMObjectPath ghost = new CIMObjectPath(null, null, null, NS, "CIM_ConcreteJob", new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "TST:999999", true, false, null)});
        assertNotFound(ghost);
        assertCimError(() -> fx.client.deleteInstance(ghost), WBEMException.CIM_ERR_NOT_FOUND);
        assertCimError(() -> fx.client.invokeMethod(ghost, "GetErrors", new CIMArgument<?>[0],
                new CIMArgument<?>[1]), WBEMException.CIM_ERR_NOT_FOUND);
    }

    static void assertNotFound(CIMObjectPath path) {
        assertCimError(() -> fx.get(path), WBEMException.CIM_ERR_NOT_FOUND);
    }

    static void assertCimError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WBEMException.class,
                e -> assertThat(e.getID()).as(e.getMessage()).isEqualTo(code));
    }
}
