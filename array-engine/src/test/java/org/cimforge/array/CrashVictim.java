package org.cimforge.array;

import java.io.PrintStream;
import java.nio.file.Path;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * Child-process side of {@link DurabilityTest}: starts a slow clone job, then creates volumes and snapshots in a
 * tight loop, printing an ACK line after each operation returned, until the parent kills it with SIGKILL. A second
 * argument {@code fsync} runs it with {@code fsyncEachCommit}.
 */
public final class CrashVictim {

  private CrashVictim() {
  }

  public static void main(String[] args) {
    PrintStream out = System.out;
    boolean fsync = args.length > 1 && args[1].equals("fsync");
    EngineConfig config = EngineConfig.defaults().withDataDirectory(Path.of(args[0])).withCopyRate(Lab.MIB)
        .withFsyncEachCommit(fsync);
    ArrayEngine engine = ArrayEngine.open(config);
    String system = engine.storage().createSystem("victim", 512 * Lab.GIB, null).orThrow().id();
    String pool = engine.storage().createPool(system, "pool", 256 * Lab.GIB, 0, 0).orThrow().id();
    Volume big = engine.storage().createVolume(VolumeRequest.thick(pool, "big", Lab.GIB)).orThrow();
    Outcome<Replica> clone = engine.replication().createReplica(ReplicaRequest.of(big.id(), CopyType.UNSYNC_ASSOC));
    out.println("JOB " + clone.job().orElseThrow().id() + " " + clone.orThrow().synchronization().id());
    out.flush();
    for (int i = 0; i < 1_000_000; i++) {
      Volume v = engine.storage().createVolume(VolumeRequest.thick(pool, "v-" + i, 10 * Lab.MIB)).orThrow();
      String line = "ACK " + i + " " + v.id();
      if (i % 3 == 0) {
        Synchronization snap = engine.replication().createReplica(ReplicaRequest.snapshot(v.id())).orThrow()
            .synchronization();
        line += " " + snap.id();
      }
      out.println(line);
      out.flush();
    }
  }
}
