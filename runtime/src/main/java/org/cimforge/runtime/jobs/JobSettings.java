package org.cimforge.runtime.jobs;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of a server's job framework.
 *
 * @param clock                    the clock of job times and removal (tests pass a settable one)
 * @param instanceIdPrefix         the {@code <OrgID>} part of job InstanceIDs ({@code <OrgID>:<LocalID>})
 * @param defaultTimeBeforeRemoval how long a finished job is kept when the request does not say (DMTF default 5 min)
 * @param sweepInterval            how often finished jobs past their TimeBeforeRemoval are removed; zero disables the
 *                                 background sweep (call {@link CimJobs#sweep()} instead)
 */
public record JobSettings(Clock clock, String instanceIdPrefix, Duration defaultTimeBeforeRemoval,
                          Duration sweepInterval) {
    /** The system clock, prefix {@code CIMForge}, 5 minutes retention, a sweep every second. */
    public static JobSettings defaults() {
        return new JobSettings(Clock.systemUTC(), "CIMForge", Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    /** The same settings with another clock. */
    public JobSettings withClock(Clock value) {
        return new JobSettings(value, instanceIdPrefix, defaultTimeBeforeRemoval, sweepInterval);
    }

    /** The same settings with another InstanceID prefix. */
    public JobSettings withInstanceIdPrefix(String value) {
        return new JobSettings(clock, value, defaultTimeBeforeRemoval, sweepInterval);
    }

    /** The same settings with another sweep interval (zero: no background sweep). */
    public JobSettings withSweepInterval(Duration value) {
        return new JobSettings(clock, instanceIdPrefix, defaultTimeBeforeRemoval, value);
    }
}
