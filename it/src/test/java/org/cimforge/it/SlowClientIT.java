package org.cimforge.it;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cimforge.runtime.server.StatusLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The slow-body lock-out against the packaged provider: more unauthenticated connections than it has worker
 * threads, each announcing a 100,000-byte body and sending one byte a second, must neither wait for their bodies
 * nor keep a logged-in client from being served. Bounded: 40 connections, at most 8 s of trickle each.
 */
class SlowClientIT {
    private static final int TRICKLERS = 40;
    private static SampleProcess sample;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleProcess.start(null);
    }

    @AfterAll
    static void stop() throws Exception {
        sample.close();
    }

    @Test
    void unauthenticatedTricklersGet401AtOnceAndLockNobodyOut() throws Exception {
        ExecutorService tricklers = Executors.newFixedThreadPool(TRICKLERS);
        try {
            CountDownLatch sent = new CountDownLatch(TRICKLERS);
            List<Future<int[]>> outcomes = new ArrayList<>();
            for (int i = 0; i < TRICKLERS; i++) {
                outcomes.add(tricklers.submit(() -> {
                    try (Socket s = new Socket("127.0.0.1", sample.httpPort())) {
                        s.setSoTimeout(20_000);
                        long start = System.nanoTime();
                        OutputStream out = s.getOutputStream();
                        out.write(("POST /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\nCIMOperation: MethodCall\r\n"
                                + "CIMMethod: EnumerateInstanceNames\r\nCIMObject: root%2Finterop\r\n"
                                + "Content-Type: application/xml; charset=utf-8\r\nContent-Length: 100000\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        sent.countDown();
                        for (int k = 0; k < 8 && s.getInputStream().available() == 0; k++) {
                            try {
                                out.write('<');
                                out.flush();
                            } catch (SocketException closed) {
                                break;
                            }
                            Thread.sleep(1000);
                        }
                        int status = StatusLine.read(s.getInputStream());
                        return new int[] {status, (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)};
                    }
                }));
            }
            assertThat(sent.await(15, TimeUnit.SECONDS)).isTrue();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(sample.request("EnumerateInstanceNames", "root/interop",
                        "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_ObjectManager\"/></IPARAMVALUE>")
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("CIM_ObjectManager");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a logged-in request while %d trickle",
                        TRICKLERS).isLessThan(Duration.ofSeconds(3));
            }
            for (Future<int[]> f : outcomes) {
                int[] outcome = f.get(40, TimeUnit.SECONDS);
                assertThat(outcome[0]).as("status").isEqualTo(401);
                assertThat(outcome[1]).as("ms until the 401, body unsent").isLessThan(3_000);
            }
        } finally {
            tricklers.shutdownNow();
        }
    }
}
