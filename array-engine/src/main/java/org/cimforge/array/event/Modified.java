package org.cimforge.array.event;

import java.time.Instant;
import org.cimforge.array.model.Entity;

/** An object changed; both versions are given so a listener can compare any property. */
public record Modified(long sequence, Instant time, Entity before, Entity after) implements EngineEvent {
}
