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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
                   String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicReference<String> answer = new AtomicReference<>(OK);
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
                exchange.getRequestHeaders().getFirst("CIMExportMethod"), body));
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
}
