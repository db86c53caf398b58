package org.cimforge.runtime.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.store.CimInstanceStore;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Resident memory of a server holding instances: a server JVM (a child process, so its RSS is its own) serves the
 * 20-property class of {@link ServerBenchmark} from a {@link CimInstanceStore}; the SBLIM client creates 10,000,
 * 20,000 and 30,000 instances over CreateInstance, and after each step runs GetInstance from 4 threads and one
 * EnumerateInstances, then reads VmRSS (resident now) and VmHWM (the peak) from {@code /proc/<pid>/status}. Each
 * launch (a set of JVM options) is measured in turn, with the server CPU per GetInstance so that a smaller heap can
 * be checked for its cost. Run with {@code ./mvnw -B -pl runtime -Pbench verify -DskipTests -Dbench.server.skip=true
 * -Dbench.indications.skip=true -Dbench.jobs.skip=true}; see docs/benchmarks.md.
 *
 * <p>Arguments: launches as {@code label=JVM options}, e.g. {@code "default=" "recommended=-XX:+UseSerialGC -Xms16m -Xmx512m"};
 * {@code --steps 10000,20000,30000} and {@code --seconds N} (GetInstance time per step, 5) are optional.
 */
public final class ServerMemoryBenchmark {
    private ServerMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--serve")) {
            serve();
            return;
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        List<String[]> launches = new ArrayList<>();
        int[] steps = {10_000, 20_000, 30_000};
        int seconds = 5;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--steps")) {
                steps = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
            } else if (args[i].equals("--seconds")) {
                seconds = Math.min(60, Integer.parseInt(args[++i]));
            } else {
                int eq = args[i].indexOf('=');
                launches.add(new String[] {args[i].substring(0, eq), args[i].substring(eq + 1).trim()});
            }
        }
        if (launches.isEmpty()) {
            launches.add(new String[] {"default", ""});
        }
        for (String[] launch : launches) {
            run(launch[0], launch[1].isEmpty() ? List.of() : List.of(launch[1].split("\\s+")), steps, seconds);
        }
    }

    static void run(String label, List<String> jvm, int[] steps, int seconds) throws Exception {
        List<String> jvmOptions = new ArrayList<>(jvm);
        System.out.printf(Locale.ROOT, "server memory [%s]: java %s (load average %s)%n", label, String.join(" ", jvm),
                ChildJvm.loadAverage());
        try (ChildJvm server = ChildJvm.start(jvmOptions, List.of("-cp", System.getProperty("java.class.path"),
                ServerMemoryBenchmark.class.getName(), "--serve"))) {
            int port = Integer.parseInt(server.awaitLine("PORT ", 120).substring(5).trim());
            WBEMClient[] clients = new WBEMClient[ServerBenchmark.THREADS];
            for (int t = 0; t < clients.length; t++) {
                clients[t] = ServerBenchmark.client(port);
            }
            System.out.printf(Locale.ROOT, "    started, no instances: RSS %s%n", server.memory());
            int held = 0;
            long[] rss = new long[steps.length];
            for (int s = 0; s < steps.length; s++) {
                long created = System.nanoTime();
                create(clients, held, steps[s]);
                double createSeconds = (System.nanoTime() - created) / 1e9;
                int added = steps[s] - held;
                held = steps[s];
                String cpu = getInstances(server, clients, held, seconds);
                enumerate(clients[0], held);
                rss[s] = server.statusKib("VmRSS");
                System.out.printf(Locale.ROOT, "    %,d instances (%,d created in %.1f s, %,.0f/s): RSS %s; %s%n", held,
                        added, createSeconds, added / createSeconds, server.memory(), cpu);
            }
            if (steps.length > 1) {
                double per10k = (rss[steps.length - 1] - rss[0]) / 1024.0
                        / ((steps[steps.length - 1] - steps[0]) / 10_000.0);
                System.out.printf(Locale.ROOT, "    RSS per 10,000 extra instances: %.0f MB (from %,d to %,d) "
                        + "(load average %s)%n", per10k, steps[0], steps[steps.length - 1], ChildJvm.loadAverage());
            }
            for (WBEMClient c : clients) {
                c.close();
            }
        }
    }

    /** Creates instances {@code from} .. {@code to - 1} with CreateInstance, spread over the clients. */
    static void create(WBEMClient[] clients, int from, int to) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        ClientThreads.run("create", clients.length, TimeUnit.MINUTES.toSeconds(10), (t, deadline) -> {
            int made = 0;
            for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("creating " + (to - from) + " instances took over 10 minutes");
                }
                clients[t].createInstance(ServerBenchmark.item(n));
                made++;
            }
            return made;
        });
    }

    /** GetInstance of random held instances from every client for {@code seconds}; the server CPU per request. */
    static String getInstances(ChildJvm server, WBEMClient[] clients, int held, int seconds) throws Exception {
        long[] cpuBefore = server.cpuSnapshot();
        ClientThreads.Result run = ClientThreads.run("get", clients.length, seconds, (t, deadline) -> {
            SplittableRandom random = new SplittableRandom(t);
            int n = 0;
            for (; n < 1_000_000 && System.nanoTime() < deadline; n++) {
                CIMInstance got = clients[t].getInstance(ServerBenchmark.path(random.nextInt(held)), false, false,
                        null);
                if (got.getProperties().length != 20) {
                    throw new IllegalStateException("unexpected instance " + got);
                }
            }
            return n;
        });
        long n = run.total();
        return String.format(Locale.ROOT, "GetInstance %,.0f req/s, CPU per request: %s", n / run.seconds(),
                ChildJvm.perRequest(cpuBefore, server.cpuSnapshot(), n));
    }

    static void enumerate(WBEMClient client, int held) throws Exception {
        ServerBenchmark.drain(client.enumerateInstances(
                new CIMObjectPath(null, null, null, ServerBenchmark.NS, ServerBenchmark.CLASS, null), true, false,
                false, null), held);
    }

    /** The child JVM: an empty store behind a server; prints its port, serves until stdin closes or it is killed. */
    static void serve() throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        CimInstanceStore store = new CimInstanceStore(ServerBenchmark.repository(),
                CimInstanceStore.DEFAULT_MAX_INSTANCES_PER_NAMESPACE);
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("bench", "bench")).build();
        try (CimServer server = CimServer.start(config, ServerBenchmark.repository(),
                new CimProviderRegistry().instances(ServerBenchmark.NS, ServerBenchmark.CLASS, store))) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes stdin (or ends the process)
            }
        }
    }
}
