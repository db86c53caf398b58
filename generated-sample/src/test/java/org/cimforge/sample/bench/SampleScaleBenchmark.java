package org.cimforge.sample.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.security.auth.Subject;
import org.cimforge.runtime.server.bench.ChildJvm;
import org.cimforge.runtime.server.bench.ClientThreads;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * The packaged sample provider at scale: it writes a configuration of 20 systems, 40 pools and 20,000 volumes,
 * starts {@code java [JVM options] -jar cimforge-sample.jar --config ...} as a child process, and drives it with the
 * SBLIM client: GetInstance of random volumes from 4 threads, then EnumerateInstances and EnumerateInstanceNames
 * of every volume. It prints requests per second, the server's CPU per request (its {@code cim-*} threads, and the
 * whole process with garbage collection and JIT compilation) and its resident memory from {@code /proc}. Every loop
 * is bounded in time and count. Run with {@code ./mvnw -B -pl generated-sample -am verify -DskipTests
 * -Dbench.sample}; see docs/benchmarks.md.
 *
 * <p>Arguments (all optional): {@code --jar PATH}, {@code --jvm "OPTIONS"} (space-separated; none by default, the
 * JVM's own defaults), {@code --systems N} (20), {@code --pools N} per system (2), {@code --volumes N} (20,000),
 * {@code --seconds N} measured GetInstance time (10), {@code --parts get,enumerate,names} (all three),
 * {@code --label TEXT}.
 */
public final class SampleScaleBenchmark {
    static final String NS = "root/cimforge";
    static final String USER = "bench";
    static final String PASSWORD = "benchPassword42";
    static final int THREADS = 4;

    private SampleScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        Path jar = Path.of("generated-sample/target/cimforge-sample.jar");
        List<String> jvm = List.of();
        int systems = 20;
        int poolsPerSystem = 2;
        int volumes = 20_000;
        int seconds = 10;
        String label = "";
        List<String> parts = List.of("get", "enumerate", "names");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--jvm" -> jvm = args[++i].isBlank() ? List.of() : List.of(args[i].trim().split("\\s+"));
                case "--systems" -> systems = Integer.parseInt(args[++i]);
                case "--pools" -> poolsPerSystem = Integer.parseInt(args[++i]);
                case "--volumes" -> volumes = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Math.min(120, Integer.parseInt(args[++i]));
                case "--label" -> label = args[++i];
                case "--parts" -> parts = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " not found: build it with ./mvnw -B -pl generated-sample -am "
                    + "package -DskipTests");
        }
        Path dir = Files.createTempDirectory("sample-scale");
        Path config = dir.resolve("array.yaml");
        Files.writeString(config, config(systems, poolsPerSystem, volumes));
        int port = freePort();
        System.out.printf(Locale.ROOT, "sample at scale%s: %d systems, %d pools, %,d volumes; server: java %s -jar %s "
                        + "(load average %s)%n", label.isEmpty() ? "" : " [" + label + "]", systems,
                systems * poolsPerSystem, volumes, String.join(" ", jvm), jar, ChildJvm.loadAverage());
        List<String> arguments = List.of("-jar", jar.toString(), "--config", config.toString(), "--http-port",
                String.valueOf(port), "--https-port", "0", "--user", USER, "--password", PASSWORD);
        long started = System.nanoTime();
        try (ChildJvm server = ChildJvm.start(jvm, arguments)) {
            server.awaitLine("press Ctrl-C to stop", 300);
            System.out.printf(Locale.ROOT, "    ready after %.1f s; RSS %s%n", (System.nanoTime() - started) / 1e9,
                    server.memory());
            WBEMClient[] clients = new WBEMClient[THREADS];
            for (int t = 0; t < THREADS; t++) {
                clients[t] = client(port);
            }
            List<CIMObjectPath> paths = volumePaths(clients[0]);
            if (paths.size() != volumes) {
                throw new IllegalStateException("EnumerateInstanceNames gave " + paths.size() + " volumes, not "
                        + volumes);
            }
            if (parts.contains("get")) {
                // 15 s untimed first: with 5 s the JIT was still compiling in the timed run (70-80 us of JIT CPU per
                // request) and the server threads ran partly interpreted.
                getInstances(server, clients, paths, 15, false);
                getInstances(server, clients, paths, seconds, true);
            }
            if (parts.contains("enumerate")) {
                enumerate(server, clients[0], volumes, false);
            }
            if (parts.contains("names")) {
                enumerate(server, clients[0], volumes, true);
            }
            System.out.printf(Locale.ROOT, "    RSS at the end %s (load average %s)%n", server.memory(),
                    ChildJvm.loadAverage());
            for (WBEMClient c : clients) {
                c.close();
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** {@code systems} systems (every other one an IBM ESS), each with {@code pools} pools sharing the volumes. */
    static String config(int systems, int pools, int volumes) {
        StringBuilder yaml = new StringBuilder("systems:\n");
        int poolCount = systems * pools;
        for (int s = 0; s < systems; s++) {
            boolean ess = s % 2 == 1;
            yaml.append("  - name: ").append(ess ? "ESS-" : "InServ-").append(s).append('\n');
            yaml.append("    capacity: 64T\n");
            if (ess) {
                yaml.append(String.format(Locale.ROOT, "    essId: 2105.FA%03d%n", s));
            }
            yaml.append("    pools:\n");
            for (int p = 0; p < pools; p++) {
                int index = s * pools + p;
                int count = volumes / poolCount + (index < volumes % poolCount ? 1 : 0);
                yaml.append("      - name: pool-").append(index).append('\n');
                yaml.append("        size: 16T\n");
                yaml.append("        volumes:\n");
                yaml.append("          - { name: vol-").append(index).append(", size: 1G, count: ").append(count)
                        .append(ess ? ", lss: \"1" + (p % 10) + "\"" : "").append(" }\n");
            }
        }
        return yaml.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static WBEMClient client(int port) throws WBEMException {
        WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(USER));
        subject.getPrivateCredentials().add(new PasswordCredential(PASSWORD));
        c.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(port), null, null, null), subject,
                new Locale[] {Locale.US});
        return c;
    }

    static List<CIMObjectPath> volumePaths(WBEMClient client) throws WBEMException {
        List<CIMObjectPath> paths = new ArrayList<>();
        CloseableIterator<CIMObjectPath> it = client.enumerateInstanceNames(
                new CIMObjectPath(null, null, null, NS, "CIM_StorageVolume", null));
        try {
            while (it.hasNext() && paths.size() < 10_000_000) {
                paths.add(it.next());
            }
        } finally {
            it.close();
        }
        return paths;
    }

    /** GetInstance of random volumes from every client for {@code seconds} (at most 1,000,000 per thread). */
    static void getInstances(ChildJvm server, WBEMClient[] clients, List<CIMObjectPath> paths, int seconds,
                             boolean report) throws Exception {
        long[][] latencies = new long[clients.length][];
        long[] cpuBefore = server.cpuSnapshot();
        ClientThreads.Result run = ClientThreads.run("bench", clients.length, seconds, (thread, deadline) -> {
            long[] own = new long[1_000_000];
            SplittableRandom random = new SplittableRandom(thread);
            int n = 0;
            while (n < own.length && System.nanoTime() < deadline) {
                CIMObjectPath path = paths.get(random.nextInt(paths.size()));
                long before = System.nanoTime();
                CIMInstance got = clients[thread].getInstance(path, false, false, null);
                own[n++] = System.nanoTime() - before;
                if (!got.getObjectPath().getKey("DeviceID").getValue()
                        .equals(path.getKey("DeviceID").getValue())) {
                    throw new IllegalStateException("asked for " + path + ", got " + got.getObjectPath());
                }
            }
            latencies[thread] = Arrays.copyOf(own, n);
            return n;
        });
        double elapsed = run.seconds();
        long[] cpuAfter = server.cpuSnapshot();
        if (!report) {
            return;
        }
        int total = run.total();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "GetInstance of a volume, %d threads: %,.0f req/s (%,d in %.1f s), p50 %.3f ms, "
                        + "p99 %.3f ms (load average %s)%n", THREADS, total / elapsed, total, elapsed,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, ChildJvm.loadAverage());
        System.out.printf(Locale.ROOT, "    server CPU per request: %s; SBLIM client threads %.0f us%n",
                ChildJvm.perRequest(cpuBefore, cpuAfter, total), run.clientCpuNanos() / 1e3 / total);
    }

    /** EnumerateInstances (or, with {@code names}, EnumerateInstanceNames) of CIM_StorageVolume (deep): 3 untimed
     * calls, then 5 timed ones. */
    static void enumerate(ChildJvm server, WBEMClient client, int volumes, boolean names) throws Exception {
        String operation = names ? "EnumerateInstanceNames" : "EnumerateInstances";
        CIMObjectPath cls = new CIMObjectPath(null, null, null, NS, "CIM_StorageVolume", null);
        int warmups = 3;
        int runs = 5;
        long[] millis = new long[runs];
        long[] cpuBefore = null;
        for (int r = -warmups; r < runs; r++) {
            if (r == 0) {
                cpuBefore = server.cpuSnapshot();
            }
            long before = System.nanoTime();
            int count = 0;
            CloseableIterator<?> it = names ? client.enumerateInstanceNames(cls)
                    : client.enumerateInstances(cls, true, false, false, null);
            try {
                while (it.hasNext() && count <= volumes) {
                    it.next();
                    count++;
                }
            } finally {
                it.close();
            }
            if (count != volumes) {
                throw new IllegalStateException(operation + " gave " + count + " of " + volumes);
            }
            if (r >= 0) {
                millis[r] = (System.nanoTime() - before) / 1_000_000;
            }
        }
        long[] cpuAfter = server.cpuSnapshot();
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s of %,d volumes: median %d ms, best %d ms, worst %d ms "
                + "(%d runs after %d untimed, SBLIM client parsing included) (load average %s)%n", operation, volumes,
                millis[runs / 2], millis[0], millis[runs - 1], runs, warmups, ChildJvm.loadAverage());
        System.out.printf(Locale.ROOT, "    server CPU per call, in ms: %s%n",
                ChildJvm.perRequest(cpuBefore, cpuAfter, runs * 1000L).replace(" us", ""));
    }
}
