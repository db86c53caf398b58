package org.cimforge.runtime.jobs;

/**
 * What a provider lets clients do to a running job through CIM_ConcreteJob.RequestStateChange. Each method returns
 * true when the provider carried the request out (the framework then records the new JobState) and false when the
 * job cannot make that transition (the client gets 4097 Invalid State Transition). The default refuses everything.
 */
public interface JobControl {
    /** A control that refuses every state change. */
    JobControl NONE = new JobControl() {
    };

    /** RequestedState 4 Terminate: an orderly stop. */
    default boolean terminate(CimJob job) {
        return false;
    }

    /** RequestedState 5 Kill: an immediate stop. */
    default boolean kill(CimJob job) {
        return false;
    }

    /** RequestedState 3 Suspend. */
    default boolean suspend(CimJob job) {
        return false;
    }

    /** RequestedState 2 Start: resume a suspended job. */
    default boolean resume(CimJob job) {
        return false;
    }
}
