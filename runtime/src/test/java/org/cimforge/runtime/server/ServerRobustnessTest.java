package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.server.RawHttpTest.getInstanceBody;
import static org.cimforge.runtime.server.RawHttpTest.post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/** Concurrency, graceful stop and huge bodies: the server keeps serving and never hangs. */
@Timeout(60)
class ServerRobustnessTest {
    static final String ENUMERATE_SETTINGS = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>"
            + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"9\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>"
            + "<IMETHODCALL NAME=\"EnumerateInstances\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
            + "<NAMESPACE NAME=\"test\"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"ClassName\">"
            + "<CLASSNAME NAME=\"TST_Setting\"/></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";

    /** A TST_Setting provider that waits for a latch before answering, and says when it has started waiting. */
    static final class SlowProvider implements CimInstanceProvider {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            return List.of(new CIMInstance(new CIMObjectPath(null, null, null, TestModel.NS, "TST_Setting", null),
                    new CIMProperty<?>[] {new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "slow", true, false,
                            null)}));
        }
    }

    static CimServer start(SlowProvider slow, Duration stopTimeout) throws Exception {
        return start(slow, stopTimeout, Duration.ofSeconds(30));
    }

    static CimServer start(SlowProvider slow, Duration stopTimeout, Duration requestTimeout) throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .maxRequestBytes(64 * 1024).requestTimeout(requestTimeout).stopTimeout(stopTimeout).build();
        CimProviderRegistry providers = TestModel.providers();
        if (slow != null) {
            providers.instances(TestModel.NS, "TST_Setting", slow);
        }
        return CimServer.start(config, TestModel.repository(), providers);
    }

    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void slowProviderDoesNotBlockOtherRequests() throws Exception {
        SlowProvider slow = new SlowProvider();
        try (CimServer server = start(slow, Duration.ofSeconds(5))) {
            HttpClient http = http();
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                    post(server.url(), "EnumerateInstances", ENUMERATE_SETTINGS).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
            // While the slow operation holds its thread, other requests are answered.
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> quick = http.send(post(server.url(), "GetInstance",
                        getInstanceBody("GetInstance")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(quick.statusCode()).isEqualTo(200);
                assertThat(quick.body()).contains("<INSTANCE CLASSNAME=\"TST_Disk\">");
            }
            assertThat(pending).isNotDone();
            slow.release.countDown();
            HttpResponse<String> done = pending.get(10, TimeUnit.SECONDS);
            assertThat(done.body()).contains("<VALUE>slow</VALUE>");
        }
    }

    @Test
    void operationOverrunningItsTimeIsAnsweredWithAnErrorAndItsThreadInterrupted() throws Exception {
        SlowProvider slow = new SlowProvider();
        try (CimServer server = start(slow, Duration.ofSeconds(5), Duration.ofMillis(700))) {
            HttpClient http = http();
            long start = System.nanoTime();
            HttpResponse<String> late = http.send(post(server.url(), "EnumerateInstances", ENUMERATE_SETTINGS).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(600),
                    Duration.ofSeconds(10));
            assertThat(late.statusCode()).isEqualTo(200);
            assertThat(late.body()).contains("<ERROR CODE=\"1\"").contains("did not finish within 700 ms");
            // The interrupted operation gave its thread back, and the same connection keeps working.
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> quick = http.send(post(server.url(), "GetInstance",
                        getInstanceBody("GetInstance")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(quick.statusCode()).isEqualTo(200);
                assertThat(quick.body()).contains("<INSTANCE CLASSNAME=\"TST_Disk\">");
            }
        }
    }

    @Test
    void gracefulStopFinishesTheRequestInFlight() throws Exception {
        SlowProvider slow = new SlowProvider();
        CimServer server = start(slow, Duration.ofSeconds(20));
        int port = server.port();
        CompletableFuture<HttpResponse<String>> pending = http().sendAsync(
                post(server.url(), "EnumerateInstances", ENUMERATE_SETTINGS).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Wait (bounded) until the server no longer accepts connections: the stop has really begun.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && accepts(port)) {
            Thread.sleep(20);
        }
        assertThat(stopping).isNotDone();
        slow.release.countDown();
        HttpResponse<String> answer = pending.get(15, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<VALUE>slow</VALUE>").endsWith("</CIM>");
        stopping.get(15, TimeUnit.SECONDS);
    }

    /** Streams {@code count} TST_Setting instances and then, when {@code fail}, throws. */
    static final class FailingStream implements CimInstanceProvider {
        final int failAfter;
        final boolean fail;

        FailingStream(int count, boolean fail) {
            this.failAfter = count;
            this.fail = fail;
        }

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.stream.Stream<CIMInstance> streamInstances(CimOperationContext context, String className) {
            return java.util.stream.IntStream.range(0, fail ? failAfter + 1 : failAfter).mapToObj(n -> {
                if (n == failAfter) {
                    throw new IllegalStateException("the backing store went away after " + n);
                }
                return new CIMInstance(new CIMObjectPath(null, null, null, TestModel.NS, "TST_Setting", null),
                        new CIMProperty<?>[] {new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "s" + n, true,
                                false, null)});
            });
        }
    }

    static CimServer startWith(CimInstanceProvider settings) throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build();
        return CimServer.start(config, TestModel.repository(),
                TestModel.providers().instances(TestModel.NS, "TST_Setting", settings));
    }

    @Test
    void largeResponsesAreStreamedChunked() throws Exception {
        try (CimServer server = startWith(new FailingStream(20_000, false))) {
            HttpResponse<String> r = http().send(post(server.url(), "EnumerateInstances", ENUMERATE_SETTINGS).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Length")).isEmpty();
            assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
            assertThat(r.body()).endsWith("</CIM>");
            assertThat(r.body().split("<VALUE.NAMEDINSTANCE>", -1)).hasSize(20_001);
        }
    }

    @Test
    void providerFailureBeforeCommitIsAnErrorAndAfterCommitBreaksTheConnection() throws Exception {
        try (CimServer early = startWith(new FailingStream(3, true))) {
            HttpResponse<String> r = http().send(post(early.url(), "EnumerateInstances", ENUMERATE_SETTINGS).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("<ERROR CODE=\"1\"", "the backing store went away after 3")
                    .doesNotContain("VALUE.NAMEDINSTANCE");
        }
        try (CimServer late = startWith(new FailingStream(20_000, true))) {
            // Part of the result is on the wire: the client must see a broken response, never a short "complete" one.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> http().send(post(late.url(),
                    "EnumerateInstances", ENUMERATE_SETTINGS).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            HttpResponse<String> after = http().send(post(late.url(), "GetInstance",
                    getInstanceBody("GetInstance")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void hundredMegabyteBodiesAreRefusedAndTheServerKeepsServing() throws Exception {
        try (CimServer server = start(null, Duration.ofSeconds(5))) {
            long hundredMb = 100L * 1024 * 1024;
            String declared = "Content-Length: " + hundredMb + "\r\n";
            assertThat(statusOfHugeUpload(server.port(), declared, hundredMb, false)).contains(" 413 ");
            assertThat(statusOfHugeUpload(server.port(), "Transfer-Encoding: chunked\r\n", hundredMb, true))
                    .contains(" 413 ");
            HttpResponse<String> after = http().send(post(server.url(), "GetInstance",
                    getInstanceBody("GetInstance")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
        }
    }

    /** Sends headers and then up to {@code total} bytes of body from another thread; returns the status line. */
    private static String statusOfHugeUpload(int port, String lengthHeader, long total, boolean chunked)
            throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\n"
                    + "CIMOperation: MethodCall\r\nCIMMethod: GetInstance\r\nCIMObject: root%2Ftest\r\n"
                    + "Authorization: " + RawHttpTest.AUTH + "\r\n" + lengthHeader + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < total; sent += block.length) {
                        if (chunked) {
                            out.write(chunkHead);
                        }
                        out.write(block);
                        if (chunked) {
                            out.write('\r');
                            out.write('\n');
                        }
                    }
                } catch (IOException expected) {
                    // the server stops reading and closes: that is the point
                }
            }, "huge-upload");
            writer.setDaemon(true);
            writer.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            socket.close();
            writer.join(20_000);
            return status == null ? "" : status;
        }
    }
}
