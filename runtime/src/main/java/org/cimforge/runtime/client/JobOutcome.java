package org.cimforge.runtime.client;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * How a job ended: the job instance as last read, its JobState (7 Completed, 8 Terminated, 9 Killed,
 * 10 Exception; another value when the wait timed out) and the elements it affected.
 */
public record JobOutcome(CIMInstance job, int jobState, List<CIMObjectPath> affectedElements, boolean timedOut) {

    /** DMTF CIM_ConcreteJob JobState value Completed. */
    public static final int COMPLETED = 7;

    public JobOutcome {
        affectedElements = List.copyOf(affectedElements);
    }

    /** True when the job finished successfully. */
    public boolean isCompleted() {
        return jobState == COMPLETED;
    }
}
