package org.cimforge.runtime.jobs;

import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * One job, as its provider drives it: report that it runs, its progress, the elements it produces, and how it ends.
 * Every change is visible to the next GetInstance and raises the matching life-cycle indication. Safe for concurrent
 * use; a change after the job finished is ignored.
 */
public interface CimJob {
    /** The job's InstanceID. */
    String instanceId();

    /** The job's object path (namespace, class and InstanceID key), what a method returns as its Job parameter. */
    CIMObjectPath path();

    /** The current JobState value (2 New, 4 Running, 7 Completed, 8 Terminated, 9 Killed, 10 Exception, ...). */
    int jobState();

    /** True once the job reached Completed, Terminated, Killed or Exception. */
    boolean isFinished();

    /** The job as a CIM instance, as GetInstance would return it now. */
    CIMInstance toInstance();

    /** New → Running. */
    void running();

    /** Sets PercentComplete (0..100); a value equal to the current one raises no indication. */
    void progress(int percent);

    /** Ties one more element to the job (CIM_AffectedJobElement), e.g. the target volume before completion. */
    void addAffectedElement(CIMObjectPath element, int... effects);

    /** Completed: JobState 7, OperationalStatus {OK, Completed}, PercentComplete 100, ErrorCode 0. */
    void complete();

    /**
     * Failed: JobState 10 Exception, OperationalStatus {Error, Completed}, the given non-zero ErrorCode and
     * ErrorDescription, and a CIM_Error for GetErrors built from them.
     */
    void fail(int errorCode, String description);

    /** Ended by a Terminate request that the provider carried out elsewhere (JobState 8, OperationalStatus Stopped). */
    void terminated(int errorCode, String description);

    /** Ended by a Kill request that the provider carried out elsewhere (JobState 9, OperationalStatus Stopped). */
    void killed(int errorCode, String description);
}
