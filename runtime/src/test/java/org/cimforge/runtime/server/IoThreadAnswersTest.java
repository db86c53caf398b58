package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.server.EarlyAnswerWireTest.cimHeaders;
import static org.cimforge.runtime.server.EarlyAnswerWireTest.read;
import static org.cimforge.runtime.server.EarlyAnswerWireTest.request;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.cimforge.runtime.server.EarlyAnswerWireTest.Answer;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that need no waiting (GetClass, GetInstance of a provider that says {@code nonBlocking()}) are answered on
 * the connection's I/O thread; everything else still goes to a worker, within the per-address thread limit.
 */
class IoThreadAnswersTest {
    static CimServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** GetInstance of TST_Pool waits here: a provider that does not say it is non-blocking, doing slow work. */
    static final CountDownLatch RELEASE_POOLS = new CountDownLatch(1);
    static final AtomicInteger POOLS_WAITING = new AtomicInteger();
    /** What the non-blocking TST_Disk provider does for the disk with this DeviceID. */
    static final Map<String, Runnable> DISK_BEHAVIOUR = Map.of(
            "boom", () -> {
                throw new IllegalStateException("disk provider broke");
            },
            "slow", () -> sleep(150));

    @BeforeAll
    static void start() throws Exception {
        CimProviderRegistry providers = TestModel.providers();
        providers.instances(TestModel.NS, "TST_Disk", new DiskProvider());
        providers.instances(TestModel.NS, "TST_Pool", new WaitingPoolProvider());
        // Two worker threads per address, so that two waiting requests take all a client may hold.
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .clientLimits(new ClientLimits(1024, Duration.ofSeconds(30), 2))
                .requestTimeout(Duration.ofSeconds(20)).build();
        server = CimServer.start(config, TestModel.repository(), providers);
    }

    @AfterAll
    static void stop() throws Exception {
        RELEASE_POOLS.countDown();
        server.stop();
    }

    @Test
    void nonBlockingGetInstanceAndGetClassAreAnsweredWhileTheClientsWorkersAllWait() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiting.add(HTTP.sendAsync(RawHttpTest.post(server.url(), "GetInstance",
                    getInstance("TST_Pool", "InstanceID", "p1")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (POOLS_WAITING.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(POOLS_WAITING.get()).as("both worker threads of this address are taken").isEqualTo(2);
        // A third pool request must wait for a worker of this address...
        CompletableFuture<HttpResponse<String>> third = HTTP.sendAsync(RawHttpTest.post(server.url(),
                "GetInstance", getInstance("TST_Pool", "InstanceID", "p1")).build(), HttpResponse.BodyHandlers.ofString());
        // ...while a disk, whose provider never waits, and a class are answered on the I/O thread at once.
        HttpResponse<String> disk = send(RawHttpTest.post(server.url(), "GetInstance",
                getInstance("TST_Disk", "DeviceID", "d1")).build());
        assertThat(disk.statusCode()).isEqualTo(200);
        assertThat(disk.body()).contains("<INSTANCE CLASSNAME=\"TST_Disk\">").contains("<VALUE>d1</VALUE>");
        HttpResponse<String> cls = send(RawHttpTest.post(server.url(), "GetClass", getClass("TST_Disk"))
                .build());
        assertThat(cls.statusCode()).isEqualTo(200);
        assertThat(cls.body()).contains("<CLASS NAME=\"TST_Disk\"");
        assertThat(third).as("the per-address limit still holds the third waiting request").isNotDone();
        RELEASE_POOLS.countDown();
        for (CompletableFuture<HttpResponse<String>> f : List.of(waiting.get(0), waiting.get(1), third)) {
            HttpResponse<String> r = f.get(20, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("<INSTANCE CLASSNAME=\"TST_Pool\">");
        }
    }

    @Test
    void bodiesThatTrickleHoldNoWorkerThread() throws Exception {
        // No rate check and a long deadline: before, each trickling body held one of the address's two workers.
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .clientLimits(new ClientLimits(0, Duration.ofSeconds(30), 2)).build();
        List<Socket> trickling = new ArrayList<>();
        try (CimServer slow = CimServer.start(config, TestModel.repository(), TestModel.providers())) {
            String whole = request("POST", "/cimom", cimHeaders("GetInstance", true),
                    getInstance("TST_Disk", "DeviceID", "d1"));
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket("127.0.0.1", slow.port());
                trickling.add(socket);
                socket.getOutputStream().write(whole.substring(0, whole.indexOf("\r\n\r\n") + 10)
                        .getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            Thread.sleep(300);
            long start = System.nanoTime();
            HttpResponse<String> enumerated = send(RawHttpTest.post(slow.url(), "EnumerateInstanceNames",
                    enumerateNames("TST_Disk")).timeout(Duration.ofSeconds(10)).build());
            assertThat(enumerated.statusCode()).isEqualTo(200);
            assertThat(enumerated.body()).contains("<INSTANCENAME CLASSNAME=\"TST_Disk\">");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            // The trickling requests are still whole once their bodies end.
            for (Socket socket : trickling) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(whole.substring(whole.indexOf("\r\n\r\n") + 10)
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(read(socket.getInputStream()).body()).contains("<VALUE>d1</VALUE>");
            }
        } finally {
            for (Socket socket : trickling) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyArrivingInPiecesIsCollectedWhole() throws Exception {
        String whole = request("POST", "/cimom", cimHeaders("GetInstance", true),
                getInstance("TST_Disk", "DeviceID", "d2"));
        int bodyStart = whole.indexOf("\r\n\r\n") + 4;
        String oneWrite = exchange(List.of(whole));
        // Headers alone, then the body in two parts, 100 ms apart: collected as it comes, answered as one.
        String pieces = exchange(List.of(whole.substring(0, bodyStart), whole.substring(bodyStart, bodyStart + 100),
                whole.substring(bodyStart + 100)));
        String headersAndHalf = exchange(List.of(whole.substring(0, bodyStart + 200), whole.substring(bodyStart + 200)));
        assertThat(oneWrite).contains("<VALUE>d2</VALUE>");
        assertThat(pieces).isEqualTo(oneWrite);
        assertThat(headersAndHalf).isEqualTo(oneWrite);
    }

    @Test
    void aLargeBodyArrivingInPiecesIsCollectedWhole() throws Exception {
        // 200 KB of white space between elements: the body outgrows the first buffer several times on its way in.
        String padded = getInstance("TST_Disk", "DeviceID", "d2").replace("<SIMPLEREQ>",
                "<SIMPLEREQ>" + " \n".repeat(100_000));
        String whole = request("POST", "/cimom", cimHeaders("GetInstance", true), padded);
        int bodyStart = whole.indexOf("\r\n\r\n") + 4;
        List<String> pieces = new ArrayList<>();
        pieces.add(whole.substring(0, bodyStart + 10_000));
        for (int at = bodyStart + 10_000; at < whole.length(); at += 70_000) {
            pieces.add(whole.substring(at, Math.min(whole.length(), at + 70_000)));
        }
        assertThat(pieces).hasSizeGreaterThan(2);
        assertThat(exchange(pieces)).contains("<INSTANCE CLASSNAME=\"TST_Disk\">").contains("<VALUE>d2</VALUE>");
    }

    @Test
    void aClientThatWaitsFor100ContinueGetsItAndItsAnswer() throws Exception {
        // curl (and so wbemcli) sends Expect: 100-continue with larger bodies and waits before sending the body.
        Map<String, String> headers = cimHeaders("GetInstance", true);
        headers.put("Expect", "100-continue");
        String whole = request("POST", "/cimom", headers, getInstance("TST_Disk", "DeviceID", "d1"));
        int bodyStart = whole.indexOf("\r\n\r\n") + 4;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(whole.substring(0, bodyStart).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(EarlyAnswerWireTest.line(in)).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(EarlyAnswerWireTest.line(in)).isEmpty();
            out.write(whole.substring(bodyStart).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Answer a = read(in);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).contains("<VALUE>d1</VALUE>");
        }
    }

    @Test
    void aBodyEndingBeforeItsContentLengthAfterAPartArrivedIs400() throws Exception {
        String whole = request("POST", "/cimom", cimHeaders("GetInstance", true),
                getInstance("TST_Disk", "DeviceID", "d2"));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(whole.substring(0, whole.length() - 40).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            Thread.sleep(100);
            socket.shutdownOutput();
            Answer a = read(socket.getInputStream());
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.headers().get("cimforge-error-detail")).contains("ended before");
        }
    }

    @Test
    void aFailingNonBlockingProviderGetsAnErrorAnswerAndTheConnectionGoesOn() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(request("POST", "/cimom", cimHeaders("GetInstance", true),
                    getInstance("TST_Disk", "DeviceID", "boom")).getBytes(StandardCharsets.UTF_8));
            Answer failed = read(in);
            assertThat(failed.status()).isEqualTo(200);
            assertThat(failed.body()).contains("<ERROR CODE=\"1\"").contains("disk provider broke");
            out.write(request("POST", "/cimom", cimHeaders("GetInstance", true),
                    getInstance("TST_Disk", "DeviceID", "nosuch")).getBytes(StandardCharsets.UTF_8));
            Answer missing = read(in);
            assertThat(missing.body()).contains("<ERROR CODE=\"6\"");
            out.write(request("POST", "/cimom", cimHeaders("GetInstance", true),
                    getInstance("TST_Disk", "DeviceID", "d1")).getBytes(StandardCharsets.UTF_8));
            assertThat(read(in).body()).contains("<VALUE>d1</VALUE>");
        }
    }

    @Test
    void aNonBlockingProviderThatTakesLongIsReported() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("org.cimforge.runtime.server.dispatch.SlowNonBlockingProviders");
        log.addHandler(capture);
        try {
            HttpResponse<String> r = send(RawHttpTest.post(server.url(), "GetInstance",
                    getInstance("TST_Disk", "DeviceID", "slow")).build());
            assertThat(r.body()).contains("<ERROR CODE=\"6\"");
        } finally {
            log.removeHandler(capture);
        }
        assertThat(records).anySatisfy(rec -> {
            assertThat(rec.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
            assertThat(new java.util.logging.SimpleFormatter().formatMessage(rec))
                    .contains(DiskProvider.class.getName() + ": getInstance took").contains("I/O thread")
                    .contains("nonBlocking()");
        });
    }

    /** TST_Disk from a map, saying it never waits; two DeviceIDs fail or sleep on purpose. */
    static final class DiskProvider extends TestModel.MapProvider {
        DiskProvider() {
            super("DeviceID", TestModel.disk("TST_Disk", "d1", 100), TestModel.disk("TST_Disk", "d2", 200));
        }

        @Override
        public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
            Runnable behaviour = DISK_BEHAVIOUR.get(String.valueOf(name.getKeyValue("DeviceID")));
            if (behaviour != null) {
                behaviour.run();
            }
            return super.getInstance(context, name);
        }
    }

    /** TST_Pool, whose GetInstance waits until the test releases it (blocking, as the default says). */
    static final class WaitingPoolProvider extends TestModel.MapProvider {
        WaitingPoolProvider() {
            super("InstanceID", TestModel.pool("p1"));
        }

        @Override
        public boolean nonBlocking() {
            return false;
        }

        @Override
        public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
            POOLS_WAITING.incrementAndGet();
            try {
                RELEASE_POOLS.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.getInstance(context, name);
        }
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends the request in the given pieces, 100 ms apart, and returns the body of the answer. */
    private static String exchange(List<String> pieces) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    Thread.sleep(100);
                }
                out.write(pieces.get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            Answer a = read(socket.getInputStream());
            assertThat(a.status()).isEqualTo(200);
            return a.body();
        }
    }

    private static String getInstance(String className, String key, String value) {
        return intrinsic(9, "GetInstance", "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"" + className
                + "\"><KEYBINDING NAME=\"" + key + "\"><KEYVALUE VALUETYPE=\"string\">" + value
                + "</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>");
    }

    private static String enumerateNames(String className) {
        return intrinsic(11, "EnumerateInstanceNames", className(className));
    }

    private static String getClass(String className) {
        return intrinsic(10, "GetClass", className(className));
    }

    private static String className(String className) {
        return "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"" + className + "\"/></IPARAMVALUE>";
    }

    /** An intrinsic call in root/test with the given IPARAMVALUEs. */
    private static String intrinsic(int id, String method, String params) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"" + id + "\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"test\"/></LOCALNAMESPACEPATH>"
                + params + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
