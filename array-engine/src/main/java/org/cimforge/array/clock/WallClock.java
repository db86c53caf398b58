package org.cimforge.array.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The real time of the machine; what a running sample provider uses. */
public final class WallClock implements EngineClock {

  @Override
  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public boolean isWallClock() {
    return true;
  }
}
