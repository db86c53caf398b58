package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.cimforge.runtime.cimxml.CimValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;

/**
 * The smaller findings of issue 25, item 7: each malformed request gets its DSP0200 answer (an HTTP 400 with a
 * CIMError header for a document that is not well-formed, CIM_ERR_INVALID_PARAMETER for a bad parameter), quotes at
 * most a short prefix of what the client sent, and never Jetty's HTML error page.
 */
class MalformedInputTest {
    private static CimServer server;
    private static java.net.http.HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .clientLimits(new ClientLimits(1024, Duration.ofSeconds(2), 0)).build();
        server = CimServer.start(config, TestModel.repository(), TestModel.providers());
        http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> post(String method, String body) throws Exception {
        return send(RawHttpTest.post(server.url(), method, body).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postBytes(String method, byte[] body) throws Exception {
        HttpRequest r = RawHttpTest.post(server.url(), method, "").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(r);
    }

    private static void assertInvalidParameter(HttpResponse<String> r, String detail) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<ERROR CODE=\"4\"").contains(detail);
    }

    @Test
    void aContentLengthLongerThanTheBodyIsAnsweredWithin3sWithoutAnHtmlPage() throws Exception {
        byte[] body = RawHttpTest.getInstanceBody("GetInstance").getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(15_000);
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write(SlowClientTest.headers(body.length + 1000, true)
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            int status = StatusLine.read(in);
            String rest = new String(in.readNBytes(2000), StandardCharsets.ISO_8859_1);
            assertThat(status).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(rest).doesNotContainIgnoringCase("<html");
        }
        // The same body cut short by the client (half-closed) is a bad request, answered at once.
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(15_000);
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write(SlowClientTest.headers(body.length + 1000, true).getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            int status = StatusLine.read(in);
            String rest = new String(in.readNBytes(2000), StandardCharsets.ISO_8859_1);
            assertThat(status).isEqualTo(400);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(rest).doesNotContainIgnoringCase("<html");
        }
    }

    @Test
    void overlongUtf8IsNotWellFormed() throws Exception {
        String text = RawHttpTest.getInstanceBody("GetInstance").replace(">d1<", ">d1@<");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == '@') {
                body.write(0xC0); // C0 AF: an overlong '/', which a lenient decoder reads as '/'
                body.write(0xAF);
            } else {
                body.write(b);
            }
        }
        HttpResponse<String> r = postBytes("GetInstance", body.toByteArray());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("CIMError")).hasValue("request-not-well-formed");
        assertThat(r.headers().firstValue("CIMForge-Error-Detail").orElse("")).contains("not valid UTF-8");
        // Proper multi-byte UTF-8 still passes.
        assertThat(post("GetInstance", text.replace(">d1@<", ">d1\u00e9\u20ac\ud83d\ude00<")).body())
                .contains("<ERROR CODE=\"6\"");
    }

    @Test
    void realsOutOfRangeAndNaNAreInvalidParameters() throws Exception {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "1e400", "0x1p3", "1.5f", "1e99999"}) {
            String body = setRatio(bad);
            assertInvalidParameter(post("SetProperty", body), "real64");
        }
        assertThat(CimValues.parse(CIMDataType.REAL32, "3.4e38")).isEqualTo(3.4e38f);
        for (String bad : new String[] {"1e39", "-1e39", "NaN"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CimValues.parse(CIMDataType.REAL32, bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("real32");
        }
        assertThat(post("SetProperty", setRatio("-1.25E+2")).body()).doesNotContain("<ERROR");
    }

    private static String setRatio(String value) {
        return RawHttpTest.getInstanceBody("SetProperty").replace("</IMETHODCALL>",
                "<IPARAMVALUE NAME=\"PropertyName\"><VALUE>Ratio</VALUE></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"NewValue\"><VALUE>" + value + "</VALUE></IPARAMVALUE></IMETHODCALL>");
    }

    @Test
    void duplicateAndUnknownParametersAndKeysAreInvalidParameters() throws Exception {
        String base = RawHttpTest.getInstanceBody("GetInstance");
        String twice = base.replace("</IMETHODCALL>", "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>FALSE</VALUE>"
                + "</IPARAMVALUE><IPARAMVALUE NAME=\"localonly\"><VALUE>TRUE</VALUE></IPARAMVALUE></IMETHODCALL>");
        assertInvalidParameter(post("GetInstance", twice), "parameter localonly is given twice");
        String unknown = base.replace("</IMETHODCALL>", "<IPARAMVALUE NAME=\"PropertyLists\"><VALUE.ARRAY>"
                + "</VALUE.ARRAY></IPARAMVALUE></IMETHODCALL>");
        assertInvalidParameter(post("GetInstance", unknown), "GetInstance has no parameter PropertyLists");
        String keyTwice = base.replace("</KEYBINDING></INSTANCENAME>", "</KEYBINDING><KEYBINDING NAME=\"deviceid\">"
                + "<KEYVALUE VALUETYPE=\"string\">d2</KEYVALUE></KEYBINDING></INSTANCENAME>");
        assertInvalidParameter(post("GetInstance", keyTwice), "binds key deviceid twice");
        String bogus = base.replace("VALUETYPE=\"string\"", "VALUETYPE=\"bogus\"");
        assertInvalidParameter(post("GetInstance", bogus), "VALUETYPE 'bogus'");
        String maybe = base.replace("</IMETHODCALL>", "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>maybe</VALUE>"
                + "</IPARAMVALUE></IMETHODCALL>");
        assertInvalidParameter(post("GetInstance", maybe), "LocalOnly must be TRUE or FALSE");
        // The same request without the mistakes is served.
        assertThat(post("GetInstance", base).body()).doesNotContain("<ERROR");
    }

    @Test
    void aDuplicateMethodParameterIsAnInvalidParameter() throws Exception {
        String param = "<PARAMVALUE NAME=\"NewSize\" PARAMTYPE=\"uint64\"><VALUE>5</VALUE></PARAMVALUE>";
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"78\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><METHODCALL NAME=\"Resize\"><LOCALINSTANCEPATH>"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"test\"/></LOCALNAMESPACEPATH>"
                + "<INSTANCENAME CLASSNAME=\"TST_Disk\"><KEYBINDING NAME=\"DeviceID\"><KEYVALUE VALUETYPE=\"string\">d1"
                + "</KEYVALUE></KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH>" + param + param
                + "</METHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        HttpResponse<String> r = send(RawHttpTest.post(server.url(), "Resize", body)
                .setHeader("CIMObject", "root%2Ftest%3ATST_Disk.DeviceID%3D%22d1%22").build());
        assertInvalidParameter(r, "Resize.NewSize is given twice");
    }

    @Test
    void aBadValueIsQuotedByAShortPrefixOnly() throws Exception {
        String huge = "9".repeat(100_000);
        String body = RawHttpTest.getInstanceBody("SetProperty").replace("</IMETHODCALL>",
                "<IPARAMVALUE NAME=\"PropertyName\"><VALUE>Capacity</VALUE></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"NewValue\"><VALUE>" + huge + "</VALUE></IPARAMVALUE></IMETHODCALL>");
        HttpResponse<String> r = post("SetProperty", body);
        assertInvalidParameter(r, "uint64");
        assertThat(r.body().length()).isLessThan(1_000);
    }
}
