package org.cimforge.runtime.client;

/**
 * What a method that may start a job finally produced: its typed result, and the job's outcome when
 * it started one (null when the method completed at once).
 *
 * @param <R> the generated result type
 */
public record MethodOutcome<R>(R result, JobOutcome job) {

    /** True when the method ran as a job. */
    public boolean ranAsJob() {
        return job != null;
    }
}
