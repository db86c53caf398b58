package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cimforge.runtime.indication.IndicationFixture.NS;
import static org.cimforge.runtime.indication.IndicationFixture.job;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.cimforge.runtime.cimxml.CimXmlDecoder;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.TypeLookup;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.SelfSignedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The export request on the wire (headers, envelope, embedded instances) as a plain HTTP listener sees it; a 200
 * answer carrying ERROR counts as a failure; HTTPS listeners with self-signed certificates are refused unless
 * trusting any certificate is switched on.
 */
class ExportWireTest {
    static final String OK = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
            + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEEXPRSP><EXPMETHODRESPONSE NAME=\"ExportIndication\"/>"
            + "</SIMPLEEXPRSP></MESSAGE></CIM>";
    static final String ERROR = OK.replace("<EXPMETHODRESPONSE NAME=\"ExportIndication\"/>",
            "<EXPMETHODRESPONSE NAME=\"ExportIndication\"><ERROR CODE=\"1\" DESCRIPTION=\"queue full\"/>"
                    + "</EXPMETHODRESPONSE>");

    record Request(String method, String path, String contentType, String cimExport, String cimExportMethod,
                   Map<String, List<String>> headers, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicReference<String> answer = new AtomicReference<>(OK);
    /** When not 200, the listener refuses every request at the HTTP level as pywbem's does (406, no body). */
    final AtomicInteger status = new AtomicInteger(200);
    /** When set, the next answer stops after half its body and the exchange hangs until the latch opens. */
    final AtomicReference<CountDownLatch> stallNext = new AtomicReference<>();
    HttpServer listener;
    final ExecutorService listenerThreads = Executors.newCachedThreadPool();
    CimServer server;
    WBEMClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
        if (listener != null) {
            listener.stop(0);
        }
        listenerThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("CIMExport"),
                exchange.getRequestHeaders().getFirst("CIMExportMethod"), lowerCased(exchange), body));
        if (status.get() != 200) {
            exchange.getResponseHeaders().add("CIMExport", "MethodResponse");
            exchange.getResponseHeaders().add("CIMError", "header-mismatch");
            exchange.getResponseHeaders().add("CIMErrorDetails", "Invalid Accept header value");
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
            return;
        }
        byte[] reply = answer.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
        exchange.getResponseHeaders().add("CIMExport", "MethodResponse");
        exchange.sendResponseHeaders(200, reply.length);
        CountDownLatch stall = stallNext.getAndSet(null);
        if (stall != null) {
            exchange.getResponseBody().write(reply, 0, reply.length / 2);
            exchange.getResponseBody().flush();
            try {
                stall.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    private static Map<String, List<String>> lowerCased(HttpExchange exchange) {
        Map<String, List<String>> out = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    private String startListener(boolean https) throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (https) {
            HttpsServer s = HttpsServer.create(address, 0);
            char[] password = "changeit".toCharArray();
            KeyStore keys = SelfSignedCertificate.generate("127.0.0.1", password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            s.setHttpsConfigurator(new HttpsConfigurator(context));
            listener = s;
        } else {
            listener = HttpServer.create(address, 0);
        }
        listener.createContext("/", this::handle);
        // A thread per exchange, so that a stalled answer does not hold up the next request.
        listener.setExecutor(listenerThreads);
        listener.start();
        return (https ? "https" : "http") + "://127.0.0.1:" + listener.getAddress().getPort() + "/indications/here";
    }

    private CIMObjectPath subscribe(String url, int policy) throws Exception {
        CIMObjectPath destination = IndicationFixture.destination(client, "wire", url);
        CIMObjectPath filter = IndicationFixture.filter(client, "JobProgress", IndicationFixture.PROGRESS);
        return IndicationFixture.withNamespace(IndicationFixture.subscribe(client, filter, destination, policy));
    }

    private void publishProgress() {
        server.indicationService().publish(NS, LifecycleIndications.modification(LifecycleIndications.MODIFICATION,
                job("TST:<&\"1\">", 4, 50, 2), job("TST:<&\"1\">", 4, 60, 2)));
    }

    @Test
    void theRequestFollowsDsp0200Export() throws Exception {
        String url = startListener(false);
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES);
        client = IndicationFixture.client(server);
        subscribe(url, 2);
        publishProgress();
        IndicationFixture.eventually(Duration.ofSeconds(20), "delivered",
                () -> server.indicationService().deliveredCount() == 1);

        Request r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/indications/here");
        assertThat(r.contentType()).isEqualTo("application/xml; charset=utf-8");
        assertThat(r.cimExport()).isEqualTo("MethodRequest");
        assertThat(r.cimExportMethod()).isEqualTo("ExportIndication");
        // Pinned: every header the listener sees. Listeners that check DSP0200 strictly (pywbem's) accept exactly
        // one media type in Accept and refuse Accept-Range, a charset other than UTF-8 or an encoding other than
        // identity; a change here must be tried against them.
        assertThat(r.headers().keySet()).containsExactlyInAnyOrder("accept", "cimexport", "cimexportmethod",
                "cimprotocolversion", "content-length", "content-type", "host", "user-agent");
        assertThat(r.headers()).containsEntry("accept", List.of("application/xml"))
                .containsEntry("cimprotocolversion", List.of("1.0"));
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .contains("<PROPERTY NAME=\"SourceInstance\" TYPE=\"string\" EmbeddedObject=\"instance\">");

        XmlNode root = CimXmlParser.parse(r.body());
        assertThat(root.attr("CIMVERSION")).isEqualTo("2.0");
        XmlNode message = root.child("MESSAGE");
        assertThat(message.attr("PROTOCOLVERSION")).isEqualTo("1.0");
        XmlNode call = message.child("SIMPLEEXPREQ").child("EXPMETHODCALL");
        assertThat(call.attr("NAME")).isEqualTo("ExportIndication");
        XmlNode param = call.child("EXPPARAMVALUE");
        assertThat(param.attr("NAME")).isEqualTo("NewIndication");
        CIMInstance indication = new CimXmlDecoder(TypeLookup.NONE).instance(param.child("INSTANCE"), NS);
        CIMInstance source = (CIMInstance) indication.getPropertyValue("SourceInstance");
        assertThat(source.getPropertyValue("InstanceID")).isEqualTo("TST:<&\"1\">");
        assertThat(indication.getPropertyValue("SourceInstanceModelPath"))
                .isEqualTo("/root/jobs:TST_ConcreteJob.InstanceID=\"TST:<&\\\"1\\\">\"");
        assertThat(indication.getPropertyValue("IndicationFilterName")).isEqualTo("JobProgress");
    }

    @Test
    void aListenerThatStopsInTheMiddleOfItsAnswerDoesNotHoldTheQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        stallNext.set(release);
        String url = startListener(false);
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES.withTimeouts(Duration.ofMillis(300),
                Duration.ofSeconds(2)));
        client = IndicationFixture.client(server);
        subscribe(url, 2);
        try {
            publishProgress();
            // Headers arrive at once, the body never completes: the attempt is abandoned after twice the request
            // timeout and the retry, answered normally, delivers the indication while the first exchange still hangs.
            IndicationFixture.eventually(Duration.ofSeconds(20), "delivered by the retry",
                    () -> server.indicationService().deliveredCount() == 1);
            assertThat(release.getCount()).isEqualTo(1);
            assertThat(requests).hasSize(2);
            assertThat(server.indicationService().failedAttemptCount()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void anErrorInsideA200IsAFailure() throws Exception {
        answer.set(ERROR);
        String url = startListener(false);
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES);
        client = IndicationFixture.client(server);
        subscribe(url, 4);
        publishProgress();
        IndicationFixture.eventually(Duration.ofSeconds(20), "the subscription is removed",
                () -> server.indicationService().subscriptionCount() == 0);
        // First attempt plus three retries, then Remove.
        assertThat(requests).hasSize(4);
        assertThat(server.indicationService().deliveredCount()).isZero();
    }

    @Test
    void selfSignedListenerCertificatesNeedTheTrustSwitch() throws Exception {
        String url = startListener(true);
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES);
        client = IndicationFixture.client(server);
        subscribe(url, 4);
        publishProgress();
        IndicationFixture.eventually(Duration.ofSeconds(20), "the subscription is removed",
                () -> server.indicationService().subscriptionCount() == 0);
        assertThat(requests).isEmpty();
        client.close();
        server.stop();

        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES.withTrustAllCertificates(true));
        client = IndicationFixture.client(server);
        subscribe(url, 4);
        publishProgress();
        IndicationFixture.eventually(Duration.ofSeconds(20), "delivered over HTTPS",
                () -> server.indicationService().deliveredCount() == 1);
        assertThat(requests).hasSize(1);
    }

    @Test
    void aListenerThatKeepsRefusingIsReportedOnceWithItsAnswer() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(DestinationQueue.class.getName());
        Level before = log.getLevel();
        // FINE too, so the test sees the repeated failures that must not reach WARNING.
        log.setLevel(Level.FINE);
        log.addHandler(capture);
        try {
            status.set(406);
            String url = startListener(false);
            server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES);
            client = IndicationFixture.client(server);
            subscribe(url, 2);
            for (int i = 0; i < 3; i++) {
                publishProgress();
            }
            // Three indications, each tried and retried: many refusals, one warning naming the listener's answer.
            IndicationFixture.eventually(Duration.ofSeconds(20), "all three given up",
                    () -> server.indicationService().failedAttemptCount() >= 6 && requests.size() >= 6
                            && records.stream().filter(r -> r.getMessage().startsWith("giving up")).count() == 3);
            List<String> refusals = records.stream().filter(r -> r.getLevel() == Level.WARNING)
                    .map(LogRecord::getMessage).filter(m -> m.contains("does not accept")).toList();
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0)).contains("/indications/here", "HTTP 406", "CIMError: header-mismatch",
                    "CIMErrorDetails: Invalid Accept header value");
            assertThat(records.stream().filter(r -> r.getLevel() == Level.WARNING
                    && r.getMessage().startsWith("giving up"))).as("only the first lost indication warns").hasSize(1);

            status.set(200);
            publishProgress();
            IndicationFixture.eventually(Duration.ofSeconds(20), "delivered once accepted",
                    () -> server.indicationService().deliveredCount() == 1);
            IndicationFixture.eventually(Duration.ofSeconds(5), "recovery reported",
                    () -> records.stream().anyMatch(r -> r.getLevel() == Level.INFO
                            && r.getMessage().contains("accepts deliveries again")));
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
        }
    }
}
