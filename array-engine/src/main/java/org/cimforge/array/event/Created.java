package org.cimforge.array.event;

import java.time.Instant;
import org.cimforge.array.model.Entity;

/** An object came into existence. */
public record Created(long sequence, Instant time, Entity after) implements EngineEvent {
  @Override
  public Entity before() {
    return null;
  }
}
