package org.cimforge.array.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when told to, so tests can step copies and jobs through time without sleeping. */
public final class ManualClock implements EngineClock {

  private volatile Instant now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Starts at {@code start}. */
  public ManualClock(Instant start) {
    this.now = start.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Starts at a fixed, readable instant (2024-01-01T00:00:00Z). */
  public ManualClock() {
    this(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Override
  public Instant now() {
    return now;
  }

  /** Moves time forward and lets the engine catch up before returning. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time cannot go backwards: " + by);
    }
    now = now.plus(by).truncatedTo(ChronoUnit.MILLIS);
    listeners.forEach(Runnable::run);
  }

  /** Shorthand for {@code advance(Duration.ofSeconds(seconds))}. */
  public void advanceSeconds(long seconds) {
    advance(Duration.ofSeconds(seconds));
  }

  @Override
  public void onAdvance(Runnable listener) {
    listeners.add(listener);
  }
}
