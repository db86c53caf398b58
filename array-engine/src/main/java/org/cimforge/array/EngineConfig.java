package org.cimforge.array;

import java.nio.file.Path;
import java.time.Duration;
import org.cimforge.array.clock.EngineClock;
import org.cimforge.array.clock.WallClock;

/**
 * Tunables of the simulated array. Defaults give believable timings on the wall clock; tests pick small volumes,
 * explicit rates and a {@link org.cimforge.array.clock.ManualClock}.
 *
 * @param dataDirectory where state is kept durably; null keeps everything in memory
 * @param clock the time source
 * @param copyRateBytesPerSecond background copy speed of one pair
 * @param controlOperationTime how long a transition that moves no data (fracture, split, quiesce...) takes; zero
 *     makes such operations complete synchronously with return code 0
 * @param resyncFraction share of a volume that an incremental resync or restore copies
 * @param snapshotDeltaFraction share of the source size reserved as delta space for a new snapshot
 * @param jobRetention default TimeBeforeRemoval of finished jobs
 * @param tickInterval how often the wall-clock ticker lets the engine catch up
 * @param fsyncEachCommit true to survive power loss too (SQLite synchronous=FULL); kill -9 safety needs only false
 * @param pprcWriteTracksPerSecond simulated host writes per volume in an async PPRC session, in tracks per second
 * @param pprcDrainTracksPerSecond link bandwidth available to drain out-of-sync tracks, in tracks per second
 * @param pprcCoordinationMillisPerLss time the master needs per LSS to coordinate a consistency group
 */
public record EngineConfig(
    Path dataDirectory,
    EngineClock clock,
    long copyRateBytesPerSecond,
    Duration controlOperationTime,
    double resyncFraction,
    double snapshotDeltaFraction,
    Duration jobRetention,
    Duration tickInterval,
    boolean fsyncEachCommit,
    long pprcWriteTracksPerSecond,
    long pprcDrainTracksPerSecond,
    long pprcCoordinationMillisPerLss) {

  public EngineConfig {
    if (copyRateBytesPerSecond <= 0) {
      throw new IllegalArgumentException("copyRateBytesPerSecond must be positive");
    }
    if (controlOperationTime.isNegative()) {
      throw new IllegalArgumentException("controlOperationTime must not be negative");
    }
    if (resyncFraction < 0 || resyncFraction > 1 || snapshotDeltaFraction <= 0 || snapshotDeltaFraction > 1) {
      throw new IllegalArgumentException("fractions must lie in (0, 1]");
    }
  }

  /** In memory, wall clock, 256 MiB/s copies, 1 s control operations. */
  public static EngineConfig defaults() {
    return new EngineConfig(null, new WallClock(), 256L << 20, Duration.ofSeconds(1), 0.05, 0.10,
        Duration.ofMinutes(5), Duration.ofMillis(250), false, 50, 20_000, 5);
  }

  /** Same settings, durable in {@code dir}. */
  public EngineConfig withDataDirectory(Path dir) {
    return new EngineConfig(dir, clock, copyRateBytesPerSecond, controlOperationTime, resyncFraction,
        snapshotDeltaFraction, jobRetention, tickInterval, fsyncEachCommit, pprcWriteTracksPerSecond,
        pprcDrainTracksPerSecond, pprcCoordinationMillisPerLss);
  }

  /** Same settings on another clock. */
  public EngineConfig withClock(EngineClock newClock) {
    return new EngineConfig(dataDirectory, newClock, copyRateBytesPerSecond, controlOperationTime, resyncFraction,
        snapshotDeltaFraction, jobRetention, tickInterval, fsyncEachCommit, pprcWriteTracksPerSecond,
        pprcDrainTracksPerSecond, pprcCoordinationMillisPerLss);
  }

  /** Same settings with another copy rate. */
  public EngineConfig withCopyRate(long bytesPerSecond) {
    return new EngineConfig(dataDirectory, clock, bytesPerSecond, controlOperationTime, resyncFraction,
        snapshotDeltaFraction, jobRetention, tickInterval, fsyncEachCommit, pprcWriteTracksPerSecond,
        pprcDrainTracksPerSecond, pprcCoordinationMillisPerLss);
  }

  /** Same settings with another duration for data-less transitions. */
  public EngineConfig withControlOperationTime(Duration time) {
    return new EngineConfig(dataDirectory, clock, copyRateBytesPerSecond, time, resyncFraction,
        snapshotDeltaFraction, jobRetention, tickInterval, fsyncEachCommit, pprcWriteTracksPerSecond,
        pprcDrainTracksPerSecond, pprcCoordinationMillisPerLss);
  }

  /** Same settings with other async PPRC simulation rates. */
  public EngineConfig withPprcRates(long writeTracksPerSecond, long drainTracksPerSecond, long coordinationPerLss) {
    return new EngineConfig(dataDirectory, clock, copyRateBytesPerSecond, controlOperationTime, resyncFraction,
        snapshotDeltaFraction, jobRetention, tickInterval, fsyncEachCommit, writeTracksPerSecond,
        drainTracksPerSecond, coordinationPerLss);
  }

  /** Same settings with fsync on every commit switched on or off. */
  public EngineConfig withFsyncEachCommit(boolean fsync) {
    return new EngineConfig(dataDirectory, clock, copyRateBytesPerSecond, controlOperationTime, resyncFraction,
        snapshotDeltaFraction, jobRetention, tickInterval, fsync, pprcWriteTracksPerSecond,
        pprcDrainTracksPerSecond, pprcCoordinationMillisPerLss);
  }
}
