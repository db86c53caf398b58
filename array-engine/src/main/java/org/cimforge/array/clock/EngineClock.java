package org.cimforge.array.clock;

import java.time.Instant;

/** The engine's notion of time; copies, control operations, job retention and PPRC cycles all run on it. */
public interface EngineClock {

  /** The current instant, at millisecond precision. */
  Instant now();

  /**
   * Registers a callback to run after the clock jumps forward. A manual clock calls it so the engine catches up
   * at once; a wall clock never calls it, and the engine polls on its own ticker instead.
   */
  default void onAdvance(Runnable listener) {
  }

  /** True when the clock moves by itself and the engine needs a background ticker. */
  default boolean isWallClock() {
    return false;
  }
}
