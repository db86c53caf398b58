package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * Clients that send slowly or ask for many threads: an unauthenticated client never has its body read, an
 * authenticated one that trickles is cut off with 408, and one address cannot hold more than its share of threads.
 * Every loop here is bounded in count and time, on 127.0.0.1.
 */
class SlowClientTest {
    static final String AUTH = RawHttpTest.AUTH;

    /** Headers of a POST that announces a body of {@code length} bytes, with or without credentials. */
    static String headers(long length, boolean authenticated) {
        return "POST /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml; charset=utf-8\r\n"
                + "CIMOperation: MethodCall\r\nCIMMethod: GetInstance\r\nCIMObject: root%2Ftest\r\n"
                + (authenticated ? "Authorization: " + AUTH + "\r\n" : "")
                + "Content-Length: " + length + "\r\n\r\n";
    }

    @Test
    void unauthenticatedSlowBodiesGet401AtOnceAndLockNobodyOut() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).maxThreads(8)
                .build();
        ExecutorService tricklers = Executors.newFixedThreadPool(24);
        try (CimServer server = CimServer.start(config, TestModel.repository(), TestModel.providers())) {
            List<Future<Long>> answeredAfter = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(24);
            AtomicInteger refused = new AtomicInteger();
            for (int i = 0; i < 24; i++) {
                answeredAfter.add(tricklers.submit(() -> {
                    try (Socket s = new Socket("127.0.0.1", server.port())) {
                        s.setSoTimeout(15_000);
                        long start = System.nanoTime();
                        OutputStream out = s.getOutputStream();
                        out.write(headers(100_000, false).getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        started.countDown();
                        // One byte a second for at most 8 s: the answer must not wait for the body.
                        for (int k = 0; k < 8 && s.getInputStream().available() == 0; k++) {
                            try {
                                out.write('<');
                                out.flush();
                            } catch (SocketException closed) {
                                break;
                            }
                            Thread.sleep(1000);
                        }
                        if (StatusLine.read(s.getInputStream()) == 401) {
                            refused.incrementAndGet();
                        }
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                }));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            // While they trickle, a logged-in client is served promptly, again and again.
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(RawHttpTest.post(server.url(), "GetInstance",
                        RawHttpTest.getInstanceBody("GetInstance")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
            for (Future<Long> f : answeredAfter) {
                assertThat(f.get(30, TimeUnit.SECONDS)).as("ms until the 401").isLessThan(3_000L);
            }
            assertThat(refused.get()).isEqualTo(24);
        } finally {
            tricklers.shutdownNow();
        }
    }

    @Test
    void anAuthenticatedBodyThatTricklesGets408() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .clientLimits(new ClientLimits(1024, Duration.ofSeconds(30), 0)).build();
        try (CimServer server = CimServer.start(config, TestModel.repository(), TestModel.providers());
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write(headers(100_000, true).getBytes(StandardCharsets.US_ASCII));
            int status = trickleUntilAnswered(s, out, 15);
            assertThat(status).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aBodyPastItsDeadlineGets408WhateverItsRate() throws Exception {
        // Rate check off: only the deadline can end this request.
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .clientLimits(new ClientLimits(0, Duration.ofSeconds(2), 0)).build();
        try (CimServer server = CimServer.start(config, TestModel.repository(), TestModel.providers());
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write(headers(100_000, true).getBytes(StandardCharsets.US_ASCII));
            assertThat(trickleUntilAnswered(s, out, 12)).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1_500),
                    Duration.ofSeconds(8));
        }
    }

    /** Sends a few hundred bytes every 500 ms (at most {@code rounds} times) until the server answers. */
    private static int trickleUntilAnswered(Socket s, OutputStream out, int rounds) throws Exception {
        byte[] chunk = new byte[200];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < rounds && s.getInputStream().available() == 0; i++) {
            try {
                out.write(chunk);
                out.flush();
            } catch (SocketException closed) {
                break;
            }
            Thread.sleep(500);
        }
        return StatusLine.read(s.getInputStream());
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfThreads() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CimProviderRegistry providers = TestModel.providers();
        providers.instances(TestModel.NS, "TST_Pool", new CimInstanceProvider() {
            @Override
            public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return List.of(TestModel.pool("p1"));
            }
        });
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .clientLimits(new ClientLimits(1024, Duration.ofSeconds(30), 2)).build();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try (CimServer server = CimServer.start(config, TestModel.repository(), providers)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String enumerate = RawHttpTest.getInstanceBody("EnumerateInstances").replace(
                    "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"TST_Disk\"><KEYBINDING "
                            + "NAME=\"DeviceID\"><KEYVALUE VALUETYPE=\"string\">d1</KEYVALUE></KEYBINDING>"
                            + "</INSTANCENAME></IPARAMVALUE>",
                    "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"TST_Pool\"/></IPARAMVALUE>");
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(clients.submit(() -> http.send(RawHttpTest.post(server.url(), "EnumerateInstances",
                        enumerate).build(), HttpResponse.BodyHandlers.ofString()).statusCode()));
            }
            // Five requests from one address, two threads for it: the provider never sees more than two at once.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(500);
            assertThat(running.get()).isEqualTo(2);
            release.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(most.get()).isEqualTo(2);
        } finally {
            clients.shutdownNow();
        }
    }
}
