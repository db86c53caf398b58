package org.cimforge.array.event;

import java.time.Instant;
import org.cimforge.array.model.Entity;

/** An object went away; {@code before} holds its last values. */
public record Deleted(long sequence, Instant time, Entity before) implements EngineEvent {
  @Override
  public Entity after() {
    return null;
  }
}
