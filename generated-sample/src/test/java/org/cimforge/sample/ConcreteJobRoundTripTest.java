package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cimforge.runtime.CimDateTime;
import org.cimforge.runtime.EnumValue;
import org.cimforge.sample.bindings.cim.ConcreteJob;
import org.cimforge.sample.bindings.cim.ConcreteJob.JobState;
import org.cimforge.sample.bindings.cim.ManagedSystemElement.OperationalStatus;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/** A ConcreteJob built with the typed builder survives the trip through a JSR48 CIMInstance. */
class ConcreteJobRoundTripTest {

    @Test
    void completedJobRoundTrip() {
        ConcreteJob job = new ConcreteJob.Builder()
                .instanceId("CIMFORGE:JOB:42")
                .name("CreateReplica")
                .jobState(JobState.COMPLETED)
                .percentComplete(100)
                .deleteOnCompletion(false)
                .timeBeforeRemoval(CimDateTime.Interval.of(Duration.ofMinutes(5)))
                .errorCode(0)
                .build();

        CIMInstance instance = job.toCimInstance();
        assertThat(instance.getClassName()).isEqualTo("CIM_ConcreteJob");
        assertThat(instance.getPropertyValue("JobState")).isEqualTo(new UnsignedInteger16(7));
        assertThat(instance.getPropertyValue("PercentComplete")).isEqualTo(new UnsignedInteger16(100));
        assertThat(instance.getObjectPath().getKeys()).hasSize(1);

        ConcreteJob back = ConcreteJob.fromCimInstance(instance);
        assertThat(back).isEqualTo(job);
        assertThat(back.getInstanceId()).isEqualTo("CIMFORGE:JOB:42");
        assertThat(back.getJobState()).isEqualTo(JobState.COMPLETED);
        assertThat(back.getPercentComplete()).isEqualTo(100);
        assertThat(back.getDeleteOnCompletion()).isFalse();
        assertThat(((CimDateTime.Interval) back.getTimeBeforeRemoval()).toDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void operationalStatusArrayIsReadFromACimInstance() {
        CIMInstance plain = minimalJob("CIMFORGE:JOB:43").build().toCimInstance();
        List<CIMProperty<?>> properties = new ArrayList<>(Arrays.asList(plain.getProperties()));
        properties.add(new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T,
                new UnsignedInteger16[] {new UnsignedInteger16(2), new UnsignedInteger16(17)}));
        CIMInstance withStatus = new CIMInstance(plain.getObjectPath(), properties.toArray(new CIMProperty<?>[0]));

        assertThat(ConcreteJob.fromCimInstance(withStatus).getOperationalStatus()).extracting(EnumValue::constant)
                .isEqualTo(List.of(OperationalStatus.OK, OperationalStatus.COMPLETED));
    }

    @Test
    void operationalStatusArrayIsWrittenByTheBuilder() {
        ConcreteJob job = minimalJob("CIMFORGE:JOB:44")
                .operationalStatus(OperationalStatus.OK, OperationalStatus.COMPLETED)
                .build();
        assertThat(ConcreteJob.fromCimInstance(job.toCimInstance()).getOperationalStatus())
                .extracting(EnumValue::constant)
                .isEqualTo(List.of(OperationalStatus.OK, OperationalStatus.COMPLETED));
    }

    /** A job with its key and the two properties CIM_ConcreteJob marks Required (build() refuses it without them). */
    private static ConcreteJob.Builder minimalJob(String instanceId) {
        return new ConcreteJob.Builder().instanceId(instanceId).name("copy")
                .timeBeforeRemoval(CimDateTime.Interval.of(Duration.ofMinutes(5)));
    }

    @Test
    void jobStateValues() {
        assertThat(JobState.NEW.low().intValue()).isEqualTo(2);
        assertThat(JobState.RUNNING.low().intValue()).isEqualTo(4);
        assertThat(JobState.COMPLETED.low().intValue()).isEqualTo(7);
        assertThat(JobState.TERMINATED.low().intValue()).isEqualTo(8);
        assertThat(JobState.KILLED.low().intValue()).isEqualTo(9);
        assertThat(JobState.EXCEPTION.low().intValue()).isEqualTo(10);
        assertThat(ConcreteJob.RequestStateChangeArgs.RequestedState.TERMINATE.low().intValue()).isEqualTo(4);
        assertThat(ConcreteJob.GetErrorResult.ReturnCode.ACCESS_DENIED.low().intValue()).isEqualTo(6);
    }
}
