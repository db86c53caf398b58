package org.cimforge.runtime.indication;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cimforge.runtime.server.CimServer;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Delivers N job-creation indications ({@code CIM_InstCreation}, default 20,000, at most 1,000,000) through one
 * subscription to one listener on 127.0.0.1 and reports indications per second, checking that every one arrived
 * once and in order. The server runs with the default delivery settings (a queue of 10,000 per destination, which
 * drops the oldest when full); the publisher therefore holds back while the destination has 10,000 waiting, as a
 * producer that must not lose any would, so the figure is the sustained delivery rate, not how large a burst the
 * queue absorbs:
 * {@code java -cp <test classpath> org.cimforge.runtime.indication.IndicationThroughputBenchmark [N [sblim|plain]]}.
 * Without the second argument both listeners run: the SBLIM client's own listener (whose per-request cost, a new
 * DOM parser and a new connection per indication, usually limits the rate) and a plain JDK HTTP listener that only
 * reads the SequenceNumber out of each request (which shows what the server's delivery side can do).
 */
public final class IndicationThroughputBenchmark {
    private IndicationThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Without TCP_NODELAY the JDK's HTTP server sends its answer in two segments and waits for a delayed ACK in
        // between: about 40 ms per indication, which would measure the listener's socket option, not the delivery.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        if (n < 1 || n > 1_000_000) {
            throw new IllegalArgumentException("N must be between 1 and 1,000,000");
        }
        List<String> listeners = args.length > 1 ? List.of(args[1]) : List.of("plain", "sblim");
        boolean ok = true;
        for (String kind : listeners) {
            ok &= run(n, kind);
        }
        if (!ok) {
            System.exit(1);
        }
    }

    private static boolean run(int n, String kind) throws Exception {
        int warmUp = Math.min(1_000, n);
        DeliverySettings settings = DeliverySettings.defaults();
        CimServer server = IndicationFixture.server(null, settings);
        WBEMClient client = IndicationFixture.client(server);
        Receiver receiver = kind.equals("sblim") ? new SblimReceiver() : new PlainReceiver();
        try {
            CIMObjectPath destination = IndicationFixture.destination(client, "bench", receiver.start());
            CIMObjectPath filter = IndicationFixture.filter(client, "JobCreated", IndicationFixture.CREATED);
            IndicationFixture.subscribe(client, filter, destination, null);
            IndicationService service = server.indicationService();

            publish(service, 0, warmUp, settings.queueCapacity());
            int wrong = check(receiver.take(warmUp, Duration.ofMinutes(2)), 0);

            long start = System.nanoTime();
            long heldBack = publish(service, warmUp, warmUp + n, settings.queueCapacity());
            long published = System.nanoTime();
            List<Long> got = receiver.take(n, Duration.ofMinutes(10));
            long end = System.nanoTime();
            wrong += check(got, warmUp);
            IndicationFixture.eventually(Duration.ofSeconds(30), "delivery settles", () -> service.pendingCount() == 0);
            int extra = receiver.extra();
            double seconds = (end - start) / 1e9;
            System.out.printf("indication delivery to the %s listener (default queue capacity %,d): %,d "
                            + "indications in %.2f s = %,.0f indications/s (publishing took %d ms, held back %,d "
                            + "times at a full queue); lost %d, out of order %d, extra %d, dropped by the queue %d%n",
                    kind, settings.queueCapacity(), n, seconds, n / seconds,
                    TimeUnit.NANOSECONDS.toMillis(published - start), heldBack, n - got.size(), wrong, extra,
                    service.droppedCount());
            return wrong == 0 && extra == 0 && service.droppedCount() == 0;
        } finally {
            receiver.close();
            client.close();
            server.stop();
        }
    }

    /** A listener that hands over the SequenceNumbers it received, in arrival order. */
    private interface Receiver extends AutoCloseable {
        String start() throws Exception;

        List<Long> take(int count, Duration timeout) throws InterruptedException;

        int extra();

        @Override
        void close();
    }

    private static final class SblimReceiver implements Receiver {
        private final IndicationFixture.Listener listener = new IndicationFixture.Listener();

        @Override
        public String start() throws Exception {
            listener.start(0);
            return listener.url();
        }

        @Override
        public List<Long> take(int count, Duration timeout) throws InterruptedException {
            List<Long> numbers = new java.util.ArrayList<>();
            for (CIMInstance i : listener.take(count, timeout)) {
                numbers.add((Long) i.getPropertyValue("SequenceNumber"));
            }
            return numbers;
        }

        @Override
        public int extra() {
            return listener.received.size();
        }

        @Override
        public void close() {
            listener.close();
        }
    }

    /** JDK HTTP server answering every export request with an empty EXPMETHODRESPONSE. */
    private static final class PlainReceiver implements Receiver {
        private static final java.util.regex.Pattern SEQUENCE = java.util.regex.Pattern.compile(
                "NAME=\"SequenceNumber\" TYPE=\"sint64\"><VALUE>(\\d+)</VALUE>");
        private static final byte[] OK = ("<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" "
                + "DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEEXPRSP><EXPMETHODRESPONSE "
                + "NAME=\"ExportIndication\"/></SIMPLEEXPRSP></MESSAGE></CIM>").getBytes(StandardCharsets.UTF_8);
        private final BlockingQueue<Long> received = new LinkedBlockingQueue<>();
        private HttpServer http;

        @Override
        public String start() throws IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher m = SEQUENCE.matcher(body);
                received.add(m.find() ? Long.parseLong(m.group(1)) : -1L);
                exchange.getResponseHeaders().add("CIMExport", "MethodResponse");
                exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
                exchange.sendResponseHeaders(200, OK.length);
                exchange.getResponseBody().write(OK);
                exchange.close();
            });
            http.start();
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
        }

        @Override
        public List<Long> take(int count, Duration timeout) throws InterruptedException {
            List<Long> result = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (result.size() < count) {
                Long v = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (v == null) {
                    throw new AssertionError("only " + result.size() + " of " + count + " arrived");
                }
                result.add(v);
            }
            return result;
        }

        @Override
        public int extra() {
            return received.size();
        }

        @Override
        public void close() {
            if (http != null) {
                http.stop(0);
            }
        }
    }

    /**
     * Publishes indications {@code from} to {@code to}, waiting (0.1 ms at a time) while {@code capacity} are pending,
     * so that the queue never has to drop one; returns how many times it waited.
     */
    private static long publish(IndicationService service, int from, int to, int capacity) {
        long waits = 0;
        for (int i = from; i < to; i++) {
            while (service.pendingCount() >= capacity) {
                waits++;
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
            service.publish(IndicationFixture.NS, LifecycleIndications.creation(LifecycleIndications.CREATION,
                    IndicationFixture.job("BENCH:" + i, 2, 0, 15)));
        }
        return waits;
    }

    /** Counts indications whose SequenceNumber is not the next expected one. */
    private static int check(List<Long> got, long first) {
        int wrong = 0;
        long expected = first;
        for (Long number : got) {
            if (number == null || number != expected) {
                wrong++;
            }
            expected++;
        }
        return wrong;
    }
}
