package org.cimforge.array.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.EngineConfig;
import org.cimforge.array.ReplicaRequest;
import org.cimforge.array.VolumeRequest;
import org.cimforge.array.clock.ManualClock;

/**
 * Capacity and throughput benchmark (not a test): N volumes in one pool plus M snapshot relationships, created in
 * memory and then durably, with heap use after creation and the time to reopen the durable state. Run it with
 * {@code ./mvnw -B -pl array-engine -Pbench verify}; arguments are volumes, snapshots and a scratch directory.
 */
public final class ArrayEngineBenchmark {

  private static final long MIB = 1L << 20;

  private ArrayEngineBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int volumes = Integer.parseInt(args[0]);
    int snapshots = Integer.parseInt(args[1]);
    Path scratch = Path.of(args[2]);
    System.out.printf("array-engine benchmark: %,d volumes, %,d snapshots, java %s, %d cpus, max heap %d MiB%n",
        volumes, snapshots, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / MIB);

    // Warm-up so the JIT has compiled the hot paths before anything is timed.
    try (ArrayEngine warm = ArrayEngine.open(config(null))) {
      populate(warm, 20_000, 10_000, null);
    }

    Result memory;
    try (ArrayEngine engine = ArrayEngine.open(config(null))) {
      memory = populate(engine, volumes, snapshots, "in memory");
      memory.heapMib = usedHeapMib();
      memory.lookupNanos = lookups(engine, volumes);
    }
    System.out.printf("in memory: heap used after creation %d MiB, volume lookup %.0f ns%n", memory.heapMib,
        memory.lookupNanos);

    delete(scratch);
    Result durable;
    try (ArrayEngine engine = ArrayEngine.open(config(scratch))) {
      durable = populate(engine, volumes, snapshots, "durable (SQLite WAL)");
    }
    long before = System.nanoTime();
    try (ArrayEngine reopened = ArrayEngine.open(config(scratch))) {
      int count = reopened.storage().volumeCount();
      double seconds = (System.nanoTime() - before) / 1e9;
      System.out.printf("reopen: %,d volumes and %,d relationships loaded in %.2f s; heap used %d MiB%n", count,
          reopened.replication().synchronizationCount(), seconds, usedHeapMib());
    }
  }

  private static EngineConfig config(Path dir) {
    return EngineConfig.defaults().withClock(new ManualClock()).withDataDirectory(dir);
  }

  /** Timing of one population run. */
  private static final class Result {
    long heapMib;
    double lookupNanos;
  }

  private static Result populate(ArrayEngine engine, int volumes, int snapshots, String label) {
    String system = engine.storage().createSystem("bench", 1L << 50, null).orThrow().id();
    String pool = engine.storage().createPool(system, "pool", 1L << 48, 0, 0).orThrow().id();
    List<String> ids = new ArrayList<>(volumes);
    long start = System.nanoTime();
    for (int i = 0; i < volumes; i++) {
      ids.add(engine.storage().createVolume(VolumeRequest.thick(pool, null, 16 * MIB)).orThrow().id());
    }
    long mid = System.nanoTime();
    for (int i = 0; i < snapshots; i++) {
      engine.replication().createReplica(ReplicaRequest.snapshot(ids.get(i))).orThrow();
    }
    long end = System.nanoTime();
    if (label != null) {
      double volSeconds = (mid - start) / 1e9;
      double snapSeconds = (end - mid) / 1e9;
      System.out.printf("%s: %,d volume creates in %.2f s = %,.0f ops/s; %,d snapshot creates in %.2f s = %,.0f"
          + " ops/s; overall %,.0f ops/s%n", label, volumes, volSeconds, volumes / volSeconds, snapshots,
          snapSeconds, snapshots / snapSeconds, (volumes + snapshots) / (volSeconds + snapSeconds));
    }
    return new Result();
  }

  private static double lookups(ArrayEngine engine, int volumes) {
    List<String> ids = engine.storage().volumes().stream().map(v -> v.id()).toList();
    Random random = new Random(1);
    int n = 1_000_000;
    long start = System.nanoTime();
    long found = 0;
    for (int i = 0; i < n; i++) {
      found += engine.storage().volume(ids.get(random.nextInt(ids.size()))).isPresent() ? 1 : 0;
    }
    if (found != n) {
      throw new IllegalStateException("lookup missed");
    }
    return (System.nanoTime() - start) / (double) n;
  }

  private static long usedHeapMib() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / MIB;
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
