package org.cimforge.runtime.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.security.auth.Subject;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.runtime.launch.ProviderLauncher;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.store.CimInstanceStore;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * Benchmark of the CIM-XML server over loopback with keep-alive, driven by the SBLIM client: GetInstance throughput
 * and latency with 4 client threads at 1,000 / 10,000 / 100,000 instances, EnumerateInstances of 10,000 instances
 * with 20 properties, and a pull enumeration of 1,000,000 instances against a server JVM limited to 256 MB of heap.
 * Run with {@code ./mvnw -B -pl runtime -Pbench verify -DskipTests}; see docs/benchmarks.md. The argument
 * {@code store} serves GetInstance and EnumerateInstances from {@link CimInstanceStore} instead of a map provider.
 * Both answer GetInstance on the server's I/O thread ({@code nonBlocking()}); {@code -Dbench.blocking=true} makes
 * the map provider say false, to measure the worker-thread path.
 */
public final class ServerBenchmark {
    static final String NS = "root/bench";
    static final String CLASS = "BENCH_Item";
    static final int THREADS = 4;

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--serve")) {
            serveInChildJvm(new GeneratedItems(Long.parseLong(args[1])));
            return;
        }
        if (args.length == 3 && args[0].equals("--serve-items")) {
            store = args[2].equals("store");
            serveInChildJvm(items(Integer.parseInt(args[1])));
            return;
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        // Optional arguments pick parts: get, get-process, enumerate, names, pull, create (all by default); "store"
        // serves GetInstance and EnumerateInstances from the runtime's CimInstanceStore instead of the hand-written map
        // provider (create always runs against both).
        List<String> parts = new ArrayList<>(List.of(args));
        store = parts.remove("store");
        if (parts.isEmpty()) {
            parts = List.of("get", "get-process", "enumerate", "names", "pull", "create");
        }
        System.out.println("provider: " + (store ? "CimInstanceStore" : "hand-written map (StoredItems)"));
        if (parts.contains("get")) {
            // One long untimed round first so that the JIT has compiled both client and server before any figure;
            // with only 2 s, each size ran faster than the one before it, as compilation went on.
            getInstanceRun(1_000, Duration.WARMUP, Duration.JIT, false);
            for (int size : new int[] {1_000, 10_000, 100_000}) {
                getInstanceRun(size, Duration.WARMUP, Duration.MEASURE, true);
            }
        }
        if (parts.contains("get-process")) {
            getInstanceWholeProcess(10_000);
        }
        if (parts.contains("enumerate")) {
            enumerateRun(10_000);
            enumerateRun(100_000);
        }
        if (parts.contains("names")) {
            namesRun(10_000);
            namesWholeProcess(10_000);
        }
        if (parts.contains("pull")) {
            pullMillionInSmallHeap(1_000_000);
        }
        if (parts.contains("create")) {
            createRuns();
        }
    }

    /** How long the timed loops run (seconds); every loop is bounded by time and by a request cap. */
    enum Duration {
        WARMUP(2), MEASURE(5), JIT(15);
        final long seconds;

        Duration(long seconds) {
            this.seconds = seconds;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // the served model

    static CimClassRepository repository() throws IOException {
        try (InputStream in = ServerBenchmark.class.getResourceAsStream("/cimforge-server/bench-model.mof")) {
            String mof = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CompilationResult result = MofCompiler.builder().build().compileText("bench-model.mof", mof);
            if (result.hasErrors()) {
                throw new IllegalStateException(result.renderDiagnostics());
            }
            return new CimClassRepository().namespace(NS, result.schema());
        }
    }

    static CIMObjectPath path(long n) {
        return new CIMObjectPath(null, null, null, NS, CLASS, new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, id(n), true, false, null)});
    }

    static String id(long n) {
        return "item-" + n;
    }

    private static final CIMDateTimeAbsolute CREATED = new CIMDateTimeAbsolute("20240131120005.123456+000");

    static CIMInstance item(long n) {
        return new CIMInstance(path(n), new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, id(n), true, false, null),
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "Volume " + n),
            new CIMProperty<>("Caption", CIMDataType.STRING_T, "A volume used by the benchmark"),
            new CIMProperty<>("Vendor", CIMDataType.STRING_T, "CIMForge"),
            new CIMProperty<>("Model", CIMDataType.STRING_T, "Simulated"),
            new CIMProperty<>("Serial", CIMDataType.STRING_T, "SN" + (1_000_000_000L + n)),
            new CIMProperty<>("Kind", CIMDataType.UINT16_T, new UnsignedInteger16(3)),
            new CIMProperty<>("Health", CIMDataType.UINT16_T, new UnsignedInteger16(5)),
            new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T,
                    new UnsignedInteger16[] {new UnsignedInteger16(2), new UnsignedInteger16(32768)}),
            new CIMProperty<>("BlockSize", CIMDataType.UINT32_T, new UnsignedInteger32(512)),
            new CIMProperty<>("Blocks", CIMDataType.UINT64_T, new UnsignedInteger64(String.valueOf(2048 + n))),
            new CIMProperty<>("Consumed", CIMDataType.UINT64_T, new UnsignedInteger64(String.valueOf(n * 7))),
            new CIMProperty<>("Temperature", CIMDataType.SINT32_T, Integer.valueOf((int) (n % 50) - 10)),
            new CIMProperty<>("Offset", CIMDataType.SINT64_T, Long.valueOf(-n)),
            new CIMProperty<>("Online", CIMDataType.BOOLEAN_T, Boolean.TRUE),
            new CIMProperty<>("Primary", CIMDataType.BOOLEAN_T, Boolean.valueOf(n % 2 == 0)),
            new CIMProperty<>("Load", CIMDataType.REAL64_T, Double.valueOf(n / 1000.0)),
            new CIMProperty<>("Created", CIMDataType.DATETIME_T, CREATED),
            new CIMProperty<>("Modified", CIMDataType.DATETIME_T, CREATED),
            new CIMProperty<>("Location", CIMDataType.STRING_T, "rack 4, shelf " + (n % 12))});
    }

    /** Whether GetInstance and EnumerateInstances are served by the store rather than by {@link StoredItems}. */
    static boolean store;

    /** The provider of {@code count} items in the chosen mode. */
    static CimInstanceProvider items(int count) throws Exception {
        if (!store) {
            return new StoredItems(count);
        }
        CimInstanceStore s = new CimInstanceStore(repository(),
                Math.max(count, CimInstanceStore.DEFAULT_MAX_INSTANCES_PER_NAMESPACE));
        for (int n = 0; n < count; n++) {
            s.create(NS, item(n));
        }
        return s;
    }

    /** Keeps {@code count} instances in a map (GetInstance is a lookup) and streams them in order. */
    static final class StoredItems implements CimInstanceProvider {
        final List<CIMInstance> ordered = new ArrayList<>();
        final Map<String, CIMInstance> byId = new HashMap<>();

        StoredItems(int count) {
            for (int n = 0; n < count; n++) {
                CIMInstance i = item(n);
                ordered.add(i);
                byId.put(id(n), i);
            }
        }

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            return ordered;
        }

        /** A map lookup never waits; {@code -Dbench.blocking=true} measures the worker-thread path instead. */
        @Override
        public boolean nonBlocking() {
            return !Boolean.getBoolean("bench.blocking");
        }

        @Override
        public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) {
            Object key = name.getKeyValue("InstanceID");
            return key == null ? null : byId.get(key.toString());
        }
    }

    /** Produces instances on the fly, holding none of them: the provider side of the 1,000,000 pull. */
    static final class GeneratedItems implements CimInstanceProvider {
        final long count;

        GeneratedItems(long count) {
            this.count = count;
        }

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            throw new UnsupportedOperationException("too many to list; use the stream");
        }

        @Override
        public Stream<CIMInstance> streamInstances(CimOperationContext context, String className) {
            return LongStream.range(0, count).mapToObj(ServerBenchmark::item);
        }
    }

    static CimServer server(CimInstanceProvider provider) throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("bench", "bench")).build();
        return CimServer.start(config, repository(), new CimProviderRegistry().instances(NS, CLASS, provider));
    }

    static WBEMClient client(int port) throws WBEMException {
        WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("bench"));
        subject.getPrivateCredentials().add(new PasswordCredential("bench"));
        c.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(port), null, null, null), subject,
                new Locale[] {Locale.US});
        // Authenticate once with an idempotent call so the timed loops see only keep-alive requests.
        c.getClass(new CIMObjectPath(null, null, null, NS, CLASS, null), true, false, false, null);
        return c;
    }

    // ------------------------------------------------------------------------------------------------------------
    // GetInstance

    /** CPU time (ns) used so far by live threads whose names start with {@code prefix}. */
    static long cpuNanos(String prefix) {
        return cpuNanos(prefix, false);
    }

    /** CPU time (ns), or only its user-mode part, used so far by live threads whose names start with {@code prefix}. */
    static long cpuNanos(String prefix, boolean userOnly) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long t = userOnly ? threads.getThreadUserTime(info.getThreadId())
                        : threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, t);
            }
        }
        return total;
    }

    /** Bytes allocated so far by live threads whose names start with {@code prefix} (HotSpot's thread MXBean). */
    static long allocatedBytes(String prefix) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                total += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return total;
    }

    static void getInstanceRun(int size, Duration warmup, Duration measure, boolean report) throws Exception {
        try (CimServer server = server(items(size))) {
            WBEMClient[] clients = new WBEMClient[THREADS];
            for (int t = 0; t < THREADS; t++) {
                clients[t] = client(server.port());
            }
            timedGets(clients, size, warmup.seconds, null);
            long[][] latencies = new long[THREADS][];
            long serverCpu = cpuNanos("cim-");
            long serverUser = cpuNanos("cim-", true);
            long timerCpu = cpuNanos("cim-timeouts");
            long serverBytes = allocatedBytes("cim-");
            ClientThreads.Result run = timedGets(clients, size, measure.seconds, latencies);
            int total = run.total();
            double seconds = run.seconds();
            serverCpu = cpuNanos("cim-") - serverCpu;
            serverUser = cpuNanos("cim-", true) - serverUser;
            timerCpu = cpuNanos("cim-timeouts") - timerCpu;
            serverBytes = allocatedBytes("cim-") - serverBytes;
            if (!report) {
                for (WBEMClient c : clients) {
                    c.close();
                }
                return;
            }
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf(Locale.ROOT,
                    "GetInstance, %,d instances, %d threads: %,.0f req/s (%,d requests in %.1f s), "
                            + "p50 %.3f ms, p99 %.3f ms%n",
                    size, THREADS, total / seconds, total, seconds, all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.99)] / 1e6);
            System.out.printf(Locale.ROOT, "    CPU per request: server %.0f us (of which in the kernel %.0f us, on the "
                    + "timeout thread %.1f us), SBLIM client %.0f us; server threads allocated %,.0f bytes per request%n",
                    serverCpu / 1e3 / total, (serverCpu - serverUser) / 1e3 / total, timerCpu / 1e3 / total,
                    run.clientCpuNanos() / 1e3 / total, (double) serverBytes / total);
            for (WBEMClient c : clients) {
                c.close();
            }
        }
    }

    /**
     * GetInstance with {@value #THREADS} SBLIM threads against a server in its own JVM started with the documented
     * launch options ({@link ProviderLauncher#RECOMMENDED_JVM_OPTIONS}; {@code -Dbench.serverJvm=...} gives others,
     * an empty value the JVM's defaults), timing the CPU of that whole process (garbage
     * collection and JIT compilation included) per request, as a measurement from outside the server sees it. The
     * client's threads are not in the figure, since they run in this JVM. The client does the same work per request
     * whatever the server, so its CPU per request tracks how fast the shared machine is at that moment; the ratio of
     * the two is printed too, and moves far less from one run to the next than either figure.
     */
    static void getInstanceWholeProcess(int size) throws Exception {
        String launch = System.getProperty("bench.serverJvm", ProviderLauncher.RECOMMENDED_JVM_OPTIONS);
        List<String> options = launch.isBlank() ? List.of() : List.of(launch.trim().split(" +"));
        ChildServer child = ChildServer.start(options, "--serve-items", Integer.toString(size), store ? "store" : "map");
        try {
            WBEMClient[] clients = new WBEMClient[THREADS];
            for (int t = 0; t < THREADS; t++) {
                clients[t] = client(child.port);
            }
            timedGets(clients, size, Duration.JIT.seconds, null);
            for (int round = 1; round <= 3; round++) {
                long cpuBefore = child.cpuNanos();
                ClientThreads.Result run = timedGets(clients, size, Duration.MEASURE.seconds, null);
                long cpu = child.cpuNanos() - cpuBefore;
                int total = run.total();
                System.out.printf(Locale.ROOT, "GetInstance, %,d instances, %d threads, server in its own JVM (%s), "
                        + "round %d: %,.0f req/s; whole server process CPU %.0f us per request, SBLIM client %.0f us "
                        + "(server / client %.3f)%n",
                        size, THREADS, launch.isBlank() ? "JVM defaults" : launch, round, total / run.seconds(),
                        cpu / 1e3 / total, run.clientCpuNanos() / 1e3 / total, (double) cpu / run.clientCpuNanos());
            }
            for (WBEMClient c : clients) {
                c.close();
            }
        } finally {
            child.stop();
        }
    }

    /** Each thread issues GetInstance calls on random keys for {@code seconds} (at most 2,000,000 calls). */
    static ClientThreads.Result timedGets(WBEMClient[] clients, int size, long seconds, long[][] latencies)
            throws Exception {
        return ClientThreads.run("bench", clients.length, seconds, (thread, deadline) -> {
            long[] own = new long[2_000_000];
            java.util.SplittableRandom random = new java.util.SplittableRandom(thread);
            int n = 0;
            while (n < own.length && System.nanoTime() < deadline) {
                long before = System.nanoTime();
                CIMInstance got = clients[thread].getInstance(path(random.nextInt(size)), false, false, null);
                own[n++] = System.nanoTime() - before;
                if (got.getProperties().length != 20) {
                    throw new IllegalStateException("unexpected instance " + got);
                }
            }
            if (latencies != null) {
                latencies[thread] = Arrays.copyOf(own, n);
            }
            return n;
        });
    }

    // ------------------------------------------------------------------------------------------------------------
    // EnumerateInstances

    static void enumerateRun(int size) throws Exception {
        try (CimServer server = server(items(size))) {
            WBEMClient client = client(server.port());
            CIMObjectPath cls = new CIMObjectPath(null, null, null, NS, CLASS, null);
            int warmups = 3;
            int runs = size >= 100_000 ? 3 : 10;
            long[] millis = new long[runs];
            long serverCpu = 0;
            for (int r = -warmups; r < runs; r++) {
                long before = System.nanoTime();
                long cpuBefore = cpuNanos("cim-");
                drain(client.enumerateInstances(cls, true, false, false, null), size);
                if (r >= 0) {
                    millis[r] = (System.nanoTime() - before) / 1_000_000;
                    serverCpu += cpuNanos("cim-") - cpuBefore;
                }
            }
            Arrays.sort(millis);
            long[] raw = rawEnumerate(server.port(), runs, warmups);
            Arrays.sort(raw);
            System.out.printf(Locale.ROOT, "EnumerateInstances, %,d instances x 20 properties, server side only "
                    + "(plain HTTP client, body discarded): median %d ms, best %d ms, %,d bytes%n", size,
                    raw[runs / 2], raw[0], RAW_BYTES.get());
            System.out.printf(Locale.ROOT, "EnumerateInstances, %,d instances x 20 properties: median %d ms, "
                    + "best %d ms, worst %d ms (%d runs, SBLIM client parsing included)%n", size,
                    millis[runs / 2], millis[0], millis[runs - 1], runs);
            System.out.printf(Locale.ROOT, "    server CPU per EnumerateInstances of %,d: %.1f ms (mean of %d runs)%n",
                    size, serverCpu / 1e6 / runs, runs);
            client.close();
        }
    }

    /** EnumerateInstanceNames of {@code size} instances with the SBLIM client: wall time and server CPU per call. */
    static void namesRun(int size) throws Exception {
        try (CimServer server = server(items(size))) {
            WBEMClient client = client(server.port());
            CIMObjectPath cls = new CIMObjectPath(null, null, null, NS, CLASS, null);
            int warmups = 20;
            int runs = 20;
            long[] millis = new long[runs];
            long serverCpu = 0;
            long serverBytes = 0;
            for (int r = -warmups; r < runs; r++) {
                long before = System.nanoTime();
                long cpuBefore = cpuNanos("cim-");
                long bytesBefore = allocatedBytes("cim-");
                drain(client.enumerateInstanceNames(cls), size);
                if (r >= 0) {
                    millis[r] = (System.nanoTime() - before) / 1_000_000;
                    serverCpu += cpuNanos("cim-") - cpuBefore;
                    serverBytes += allocatedBytes("cim-") - bytesBefore;
                }
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "EnumerateInstanceNames, %,d instances: median %d ms, best %d ms, worst %d ms "
                    + "(%d runs after %d untimed, SBLIM client parsing included); server CPU %.1f ms per call%n", size,
                    millis[runs / 2], millis[0], millis[runs - 1], runs, warmups, serverCpu / 1e6 / runs);
            System.out.printf(Locale.ROOT, "    server threads allocated %.1f MB per call (server threads' CPU only: "
                    + "garbage collection and JIT compilation run on other threads)%n", serverBytes / 1e6 / runs);
            client.close();
        }
    }

    /**
     * EnumerateInstanceNames of {@code size} instances against a server in its own JVM (default JVM settings), timing
     * the CPU of that whole process (all its threads: garbage collection and JIT compilation included) per call, as a
     * measurement from outside the server sees it. The process's idle CPU over the same time is measured apart and
     * printed, not subtracted.
     */
    static void namesWholeProcess(int size) throws Exception {
        ChildServer child = ChildServer.start("--serve-items", Integer.toString(size), store ? "store" : "map");
        try {
            WBEMClient client = client(child.port);
            CIMObjectPath cls = new CIMObjectPath(null, null, null, NS, CLASS, null);
            int warmups = 100;
            int runs = 100;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (int r = 0; r < warmups && System.nanoTime() < deadline; r++) {
                drain(client.enumerateInstanceNames(cls), size);
            }
            Thread.sleep(1_000);
            long idleBefore = child.cpuNanos();
            long idleStart = System.nanoTime();
            Thread.sleep(2_000);
            double idlePerSecond = (child.cpuNanos() - idleBefore) / ((System.nanoTime() - idleStart) / 1e9);
            long cpuBefore = child.cpuNanos();
            long start = System.nanoTime();
            int done = 0;
            while (done < runs && System.nanoTime() < deadline) {
                drain(client.enumerateInstanceNames(cls), size);
                done++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = child.cpuNanos() - cpuBefore;
            System.out.printf(Locale.ROOT, "EnumerateInstanceNames, %,d instances, server in its own JVM: whole server "
                    + "process CPU %.1f ms per call (%d calls after %d untimed, %.1f ms wall per call; the idle "
                    + "process used %.1f ms CPU per second)%n", size, cpu / 1e6 / done, done, warmups,
                    seconds * 1e3 / done, idlePerSecond / 1e6);
            client.close();
        } finally {
            child.stop();
        }
    }

    /** Reads an enumeration to its end and checks that it held {@code expected} elements. */
    static void drain(CloseableIterator<?> it, int expected) {
        long count = drainCount(it);
        if (count != expected) {
            throw new IllegalStateException("got " + count + " of " + expected);
        }
    }

    /** A benchmark server in a child JVM of this class ({@code --serve...} arguments); stdin EOF ends it. */
    static final class ChildServer {
        final Process process;
        final BufferedReader out;
        final int port;

        private ChildServer(Process process, BufferedReader out, int port) {
            this.process = process;
            this.out = out;
            this.port = port;
        }

        static ChildServer start(String... args) throws IOException {
            return start(List.of(), args);
        }

        static ChildServer start(List<String> jvmOptions, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerBenchmark.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectErrorStream(true);
            Process child = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PORT ")) {
                    return new ChildServer(child, out, Integer.parseInt(line.substring(5).trim()));
                }
            }
            child.destroy();
            throw new IllegalStateException("the server JVM did not start");
        }

        /** CPU time of the whole child process so far (user + system, all threads), in ns. */
        long cpuNanos() {
            return process.info().totalCpuDuration().orElseThrow(
                    () -> new IllegalStateException("the platform does not report process CPU time")).toNanos();
        }

        /** Closes the child's stdin, returns its PEAK line (or null) and waits for it to end. */
        String stop() throws Exception {
            String peak = null;
            try {
                process.getOutputStream().close();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("PEAK ")) {
                        peak = line.substring(5);
                    }
                }
                process.waitFor(30, TimeUnit.SECONDS);
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return peak;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // CreateInstance

    /** CreateInstance with 1 and 4 client threads, against the instance store and against a map provider. */
    static void createRuns() throws Exception {
        for (boolean intoStore : new boolean[] {true, false}) {
            // Untimed round first so that the JIT has compiled client and server.
            createRun(intoStore, THREADS, Duration.JIT, false);
            createRun(intoStore, 1, Duration.MEASURE, true);
            createRun(intoStore, THREADS, Duration.MEASURE, true);
        }
    }

    /** At most this many CreateInstance calls per run (each thread stops at its share or at the time limit). */
    static final int CREATE_CAP = 200_000;

    /** Keeps created instances in a concurrent map by InstanceID: a provider that checks nothing beyond duplicates. */
    static final class CreatedItems implements CimInstanceProvider {
        final Map<String, CIMInstance> byId = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            return new ArrayList<>(byId.values());
        }

        /** A map lookup never waits; {@code -Dbench.blocking=true} measures the worker-thread path instead. */
        @Override
        public boolean nonBlocking() {
            return !Boolean.getBoolean("bench.blocking");
        }

        @Override
        public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) {
            Object key = name.getKeyValue("InstanceID");
            return key == null ? null : byId.get(key.toString());
        }

        @Override
        public CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance) throws WBEMException {
            CIMProperty<?> key = instance.getProperty("InstanceID");
            if (key == null || key.getValue() == null) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "InstanceID is required");
            }
            CIMObjectPath path = new CIMObjectPath(null, null, null, context.namespace(), instance.getClassName(),
                    new CIMProperty<?>[] {new CIMProperty<>(key.getName(), key.getDataType(), key.getValue(), true,
                            false, null)});
            if (byId.putIfAbsent(key.getValue().toString(), new CIMInstance(path, instance.getProperties())) != null) {
                throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "exists: " + key.getValue());
            }
            return path;
        }
    }

    static void createRun(boolean intoStore, int threads, Duration measure, boolean report) throws Exception {
        CimInstanceProvider provider = intoStore ? new CimInstanceStore(repository(), CREATE_CAP * 2)
                : new CreatedItems();
        try (CimServer server = server(provider)) {
            WBEMClient[] clients = new WBEMClient[threads];
            for (int t = 0; t < threads; t++) {
                clients[t] = client(server.port());
            }
            java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
            long serverCpu = cpuNanos("cim-");
            long serverUser = cpuNanos("cim-", true);
            long serverBytes = allocatedBytes("cim-");
            ClientThreads.Result run = ClientThreads.run("bench-create", threads, measure.seconds, (t, deadline) -> {
                int made = 0;
                for (long n = next.getAndIncrement(); n < CREATE_CAP && System.nanoTime() < deadline;
                     n = next.getAndIncrement()) {
                    CIMObjectPath path = clients[t].createInstance(item(n));
                    if (path == null || !id(n).equals(String.valueOf(path.getKeyValue("InstanceID")))) {
                        throw new IllegalStateException("unexpected path " + path);
                    }
                    made++;
                }
                return made;
            });
            double seconds = run.seconds();
            serverCpu = cpuNanos("cim-") - serverCpu;
            serverUser = cpuNanos("cim-", true) - serverUser;
            serverBytes = allocatedBytes("cim-") - serverBytes;
            int total = run.total();
            if (report) {
                System.out.printf(Locale.ROOT, "CreateInstance into %s, %d thread%s: %,.0f op/s (%,d in %.1f s); CPU per "
                        + "operation: server %.0f us (in the kernel %.0f us), SBLIM client %.0f us; server threads "
                        + "allocated %,.0f bytes per operation%n", intoStore ? "CimInstanceStore" : "a map provider",
                        threads, threads == 1 ? "" : "s", total / seconds, total, seconds, serverCpu / 1e3 / total,
                        (serverCpu - serverUser) / 1e3 / total,
                        run.clientCpuNanos() / 1e3 / total, (double) serverBytes / total);
            }
            for (WBEMClient c : clients) {
                c.close();
            }
        }
    }

    static final java.util.concurrent.atomic.AtomicLong RAW_BYTES = new java.util.concurrent.atomic.AtomicLong();

    /** Times EnumerateInstances with the JDK HTTP client, counting the body bytes without parsing them. */
    static long[] rawEnumerate(int port, int runs, int warmups) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"EnumerateInstances\">"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"bench\"/></LOCALNAMESPACEPATH>"
                + "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"" + CLASS + "\"/></IPARAMVALUE>"
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/cimom"))
                .header("Content-Type", "application/xml; charset=utf-8").header("CIMOperation", "MethodCall")
                .header("CIMMethod", "EnumerateInstances").header("CIMObject", "root%2Fbench")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        long[] millis = new long[runs];
        for (int r = -warmups; r < runs; r++) {
            long before = System.nanoTime();
            java.net.http.HttpResponse<InputStream> response = http.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                }
            }
            RAW_BYTES.set(bytes);
            if (r >= 0) {
                millis[r] = (System.nanoTime() - before) / 1_000_000;
            }
        }
        return millis;
    }

    // ------------------------------------------------------------------------------------------------------------
    // 1,000,000 instances through a pull enumeration, the server in its own JVM with -Xmx256m

    static void pullMillionInSmallHeap(long count) throws Exception {
        ChildServer child = ChildServer.start(List.of("-Xmx256m"), "--serve", Long.toString(count));
        try {
            WBEMClient client = client(child.port);
            CIMObjectPath cls = new CIMObjectPath(null, null, null, NS, CLASS, null);
            long before = System.nanoTime();
            UnsignedInteger32 batch = new UnsignedInteger32(1000);
            EnumerateResponse<CIMInstance> r = client.enumerateInstances(cls, true, false, null, null, null,
                    new UnsignedInteger32(60), false, batch);
            long received = drainCount(r.getResponses());
            int pulls = 1;
            while (!r.isEnd() && pulls < 10_000) {
                r = client.getInstancesWithPath(cls, r.getContext(), batch);
                received += drainCount(r.getResponses());
                pulls++;
            }
            double seconds = (System.nanoTime() - before) / 1e9;
            client.close();
            String peak = child.stop();
            System.out.printf(Locale.ROOT, "Pull enumeration, %,d instances x 20 properties (MaxObjectCount 1000, "
                    + "%,d pulls), server -Xmx256m: %.1f s, %,.0f instances/s, %s%n", received, pulls, seconds,
                    received / seconds, peak == null ? "server heap peak not reported" : "server " + peak);
            if (received != count) {
                throw new IllegalStateException("received " + received + " of " + count);
            }
        } finally {
            child.stop();
        }
    }

    /** Reads an enumeration to its end (closing it) and counts its elements. */
    static long drainCount(CloseableIterator<?> it) {
        long n = 0;
        try {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        } finally {
            it.close();
        }
        return n;
    }

    /** The child JVM: serve {@code provider}, print the port, and on stdin EOF report the heap peak and exit. */
    static void serveInChildJvm(CimInstanceProvider provider) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        try (CimServer server = server(provider)) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "heap: max %d MB, peak of the heap pools %d MB, %d MB live after GC%n",
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20, used >> 20);
            System.out.println("PEAK max " + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap, pool peaks "
                    + (peak >> 20) + " MB, " + (used >> 20) + " MB live after GC");
            System.out.flush();
        }
    }
}
