package org.cimforge.runtime.jobs;

import java.util.Optional;
import org.cimforge.runtime.server.CimServer;

/**
 * A server's job framework: serves CIM_ConcreteJob (and the vendor subclasses providers choose) with
 * CIM_OwningJobElement and CIM_AffectedJobElement, GetError/GetErrors and RequestStateChange, removes finished jobs
 * after their TimeBeforeRemoval, and raises life-cycle indications through the server's publisher. The job classes
 * must be in the namespace's schema.
 */
public final class CimJobs implements AutoCloseable {
    private CimJobs() {
    }

    /** Installs the framework on a running or not yet started server. */
    public static CimJobs install(CimServer server, JobSettings settings) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Creates a job (JobState New), raises its creation indication and returns it. */
    public CimJob start(JobRequest request) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The job with this InstanceID, while it exists. */
    public Optional<CimJob> find(String instanceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Removes the finished jobs whose removal time has passed on the settings' clock; returns how many. */
    public int sweep() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops the background sweep. */
    @Override
    public void close() {
    }
}
