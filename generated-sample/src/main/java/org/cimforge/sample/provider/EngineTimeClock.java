package org.cimforge.sample.provider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.cimforge.array.clock.EngineClock;

/** The engine's clock as a {@link Clock}, so that CIM job times and removal run on the same time as the array. */
public final class EngineTimeClock extends Clock {
    private final EngineClock clock;

    /** A view of {@code clock} in UTC. */
    public EngineTimeClock(EngineClock clock) {
        this.clock = clock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Instants do not depend on the zone; the job framework only reads instants.
        return this;
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
