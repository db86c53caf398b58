package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer given before an operation runs has an empty body, so a client that does not read bodies of error
 * answers finds the next status line where it expects it; checked on one kept-alive connection, byte by byte.
 */
class EarlyAnswerWireTest {
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes());
    static CimServer server;

    @BeforeAll
    static void start() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .requestTimeout(Duration.ofSeconds(5)).build();
        server = CimServer.start(config, TestModel.repository(), TestModel.providers());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    /** One parsed answer: status, headers (names lower-cased) and the body its Content-Length announced. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    static String request(String method, String path, Map<String, String> headers, String body) {
        StringBuilder r = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        headers.forEach((k, v) -> r.append(k).append(": ").append(v).append("\r\n"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return r.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body).toString();
    }

    static Map<String, String> cimHeaders(String method, boolean authenticated) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/xml; charset=\"utf-8\"");
        h.put("CIMOperation", "MethodCall");
        h.put("CIMMethod", method);
        h.put("CIMObject", "root%2Ftest");
        if (authenticated) {
            h.put("Authorization", AUTH);
        }
        return h;
    }

    /** Reads exactly one answer, trusting only Content-Length, as a strict keep-alive client does. */
    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        assertThat(statusLine).as("a status line where the next answer starts").startsWith("HTTP/1.1 ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        assertThat(headers).as("framed by Content-Length").containsKey("content-length");
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void earlyAnswersCarryNoBodyAndKeepTheConnectionUsable() throws Exception {
        String good = RawHttpTest.getInstanceBody("GetInstance");
        Map<String, String> wrongOperation = cimHeaders("GetInstance", true);
        wrongOperation.put("CIMOperation", "MethodResponse");
        Map<String, String> batch = cimHeaders("GetInstance", true);
        batch.put("CIMBatch", "CIMBatch");
        String[] requests = {
            request("POST", "/cimom", cimHeaders("GetInstance", false), good),
            request("POST", "/cimom", wrongOperation, good),
            request("POST", "/cimom", cimHeaders("GetInstance", true), good.substring(0, good.length() / 2)),
            request("POST", "/cimom", batch, good),
            request("M-POST", "/cimom", cimHeaders("GetInstance", true), good),
            request("PUT", "/cimom", cimHeaders("GetInstance", true), good),
            request("POST", "/elsewhere", cimHeaders("GetInstance", true), good),
            request("POST", "/cimom", cimHeaders("GetInstance", true), good)};
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            int[] expected = {401, 400, 400, 501, 501, 405, 404, 200};
            String[] cimError = {null, "unsupported-operation", "request-not-well-formed",
                "multiple-requests-unsupported", null, null, null, null};
            for (int i = 0; i < requests.length; i++) {
                out.write(requests[i].getBytes(StandardCharsets.UTF_8));
                out.flush();
                Answer a = read(in);
                assertThat(a.status()).as("answer %d", i).isEqualTo(expected[i]);
                if (expected[i] == 200) {
                    assertThat(a.body()).contains("<INSTANCE CLASSNAME=\"TST_Disk\">");
                    continue;
                }
                assertThat(a.body()).as("body of the %d answer", expected[i]).isEmpty();
                assertThat(a.headers().get("content-length")).isEqualTo("0");
                assertThat(a.headers().get("cimerror")).as("CIMError of the %d", expected[i]).isEqualTo(cimError[i]);
                assertThat(a.headers().get("cimforge-error-detail")).as("reason of the %d", expected[i])
                        .isNotBlank();
            }
        }
    }

    @Test
    void aChallengeBeforeTheBodyHasArrivedSaysTheConnectionCloses() throws Exception {
        // The body is announced but not sent: the server answers without waiting for it, and must tell the client
        // that this connection ends, or the client would send its next request on a connection being closed.
        String full = request("POST", "/cimom", cimHeaders("GetInstance", false), RawHttpTest.getInstanceBody(
                "GetInstance"));
        String headersOnly = full.substring(0, full.indexOf("\r\n\r\n") + 4);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(headersOnly.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            Answer a = read(socket.getInputStream());
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.headers()).containsEntry("connection", "close");
            assertThat(socket.getInputStream().read()).as("the server closes the connection").isEqualTo(-1);
        }
    }

    @Test
    void challengeNamesTheRealmAndTheReason() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request("POST", "/cimom", cimHeaders("GetInstance", false),
                    RawHttpTest.getInstanceBody("GetInstance")).getBytes(StandardCharsets.UTF_8));
            Answer a = read(socket.getInputStream());
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.headers()).containsEntry("www-authenticate", "Basic realm=\"cimforge\"")
                    .containsEntry("cimforge-error-detail", "Authentication required")
                    .doesNotContainKey("content-type");
        }
    }

    @Test
    void reasonsAreEncodedForAHeader() {
        assertThat(EarlyAnswer.encode("plain text: 100% ok")).isEqualTo("plain text: 100%25 ok");
        assertThat(EarlyAnswer.encode("line\r\nInjected: yes")).isEqualTo("line%0D%0AInjected: yes");
        assertThat(EarlyAnswer.encode("caf\u00e9")).isEqualTo("caf%C3%A9");
        assertThat(EarlyAnswer.encode("x".repeat(5000))).hasSize(512);
    }
}
