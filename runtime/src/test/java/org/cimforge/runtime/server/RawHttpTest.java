package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input, authentication and TLS, driven with raw HTTP so every header and status can be checked. */
class RawHttpTest {
    static CimServer server;
    static HttpClient http;
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes());

    @BeforeAll
    static void start() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret"))
                .maxRequestBytes(64 * 1024).requestTimeout(Duration.ofSeconds(5)).build();
        server = CimServer.start(config, TestModel.repository(), TestModel.providers());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    static String getInstanceBody(String method) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"77\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"test\"/></LOCALNAMESPACEPATH>"
                + "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"TST_Disk\"><KEYBINDING NAME=\"DeviceID\">"
                + "<KEYVALUE VALUETYPE=\"string\">d1</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>"
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    static HttpRequest.Builder post(String base, String method, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/cimom")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/xml; charset=\"utf-8\"").header("CIMOperation", "MethodCall")
                .header("CIMMethod", method).header("CIMObject", "root%2Ftest").header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void wellFormedRequestGetsXmlDeclarationEchoedIdAndOperationHeader() throws Exception {
        HttpResponse<String> r = send(post(server.url(), "GetInstance", getInstanceBody("GetInstance")).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("CIMOperation")).hasValue("MethodResponse");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .contains("MESSAGE ID=\"77\"").contains("<IMETHODRESPONSE NAME=\"GetInstance\">")
                .contains("<INSTANCE CLASSNAME=\"TST_Disk\">");
    }

    @Test
    void untypedKeyValueIsTypedFromTheClass() throws Exception {
        HttpResponse<String> r = send(post(server.url(), "GetInstance", getInstanceBody("GetInstance")).build());
        assertThat(r.body()).contains("<VALUE>d1</VALUE>");
    }

    @Test
    void unknownIntrinsicIsNotSupported() throws Exception {
        HttpResponse<String> r = send(post(server.url(), "FrobnicateInstance",
                getInstanceBody("FrobnicateInstance")).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<ERROR CODE=\"7\"");
    }

    @Test
    void missingCredentialsAndWrongPasswordGet401() throws Exception {
        HttpRequest noAuth = HttpRequest.newBuilder(URI.create(server.url() + "/cimom"))
                .header("CIMOperation", "MethodCall").header("CIMMethod", "GetInstance")
                .header("CIMObject", "root/test").POST(HttpRequest.BodyPublishers.ofString(
                        getInstanceBody("GetInstance"))).build();
        HttpResponse<String> r = send(noAuth);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "Basic realm="));
        HttpResponse<String> wrong = send(post(server.url(), "GetInstance", getInstanceBody("GetInstance"))
                .setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes()))
                .build());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void malformedAndTruncatedXmlGet400() throws Exception {
        String body = getInstanceBody("GetInstance");
        HttpResponse<String> r = send(post(server.url(), "GetInstance", body.substring(0, body.length() / 2)).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("CIMError")).hasValue("request-not-well-formed");
        assertThat(send(post(server.url(), "GetInstance", body).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void entityBombIsRejectedQuickly() throws Exception {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY a \"aaaaaaaaaa\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY a").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                bomb.append("&a").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            bomb.append("\">");
        }
        bomb.append("]><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">&a9;</CIM>");
        long start = System.nanoTime();
        HttpResponse<String> r = send(post(server.url(), "GetInstance", bomb.toString()).build());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("CIMError")).isPresent();
    }

    @Test
    void oversizedBodyGets413AndServerStaysHealthy() throws Exception {
        String big = "<CIM>" + "x".repeat(200 * 1024) + "</CIM>";
        HttpResponse<String> r = send(post(server.url(), "GetInstance", big).build());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(send(post(server.url(), "GetInstance", getInstanceBody("GetInstance")).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void headerProblems() throws Exception {
        HttpResponse<String> wrongOp = send(post(server.url(), "GetInstance", getInstanceBody("GetInstance"))
                .setHeader("CIMOperation", "MethodResponse").build());
        assertThat(wrongOp.statusCode()).isEqualTo(400);
        assertThat(wrongOp.headers().firstValue("CIMError")).hasValue("unsupported-operation");
        HttpResponse<String> mismatch = send(post(server.url(), "EnumerateInstances",
                getInstanceBody("GetInstance")).build());
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.headers().firstValue("CIMError")).hasValue("header-mismatch");
        HttpResponse<String> batch = send(post(server.url(), "GetInstance", getInstanceBody("GetInstance"))
                .header("CIMBatch", "CIMBatch").build());
        assertThat(batch.statusCode()).isEqualTo(501);
        assertThat(batch.headers().firstValue("CIMError")).hasValue("multiple-requests-unsupported");
        HttpResponse<String> wrongNs = send(post(server.url(), "GetInstance", getInstanceBody("GetInstance"))
                .setHeader("CIMObject", "root%2Fother").build());
        assertThat(wrongNs.statusCode()).isEqualTo(400);
    }

    @Test
    void wrongParameterTypeIsInvalidParameter() throws Exception {
        String body = getInstanceBody("GetInstance").replace("<IPARAMVALUE NAME=\"InstanceName\">",
                "<IPARAMVALUE NAME=\"IncludeClassOrigin\"><VALUE>maybe</VALUE></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"InstanceName\">");
        HttpResponse<String> r = send(post(server.url(), "GetInstance", body).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<ERROR CODE=\"4\"");
    }

    @Test
    void httpsWithGeneratedCertificate() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).https(true).users(Map.of("admin", "secret"))
                .build();
        try (CimServer tls = CimServer.start(config, TestModel.repository(), TestModel.providers())) {
            assertThat(tls.url()).startsWith("https://");
            HttpClient tlsClient = trustingClient();
            HttpResponse<String> r = tlsClient.send(post(tls.url(), "GetInstance", getInstanceBody("GetInstance"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("<INSTANCE CLASSNAME=\"TST_Disk\">");
            HttpResponse<String> noAuth = tlsClient.send(post(tls.url(), "GetInstance",
                    getInstanceBody("GetInstance")).setHeader("Authorization", "Basic eDp5").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noAuth.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void oneServerAnswersOnHttpAndHttps() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).extraHttpsPort(0)
                .users(Map.of("admin", "secret")).build();
        try (CimServer both = CimServer.start(config, TestModel.repository(), TestModel.providers())) {
            assertThat(both.url()).startsWith("http://");
            assertThat(both.httpsUrl()).startsWith("https://").isNotEqualTo(both.url());
            assertThat(both.httpsPort()).isPositive().isNotEqualTo(both.port());
            HttpResponse<String> plain = HttpClient.newHttpClient().send(post(both.url(), "GetInstance",
                    getInstanceBody("GetInstance")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> secure = trustingClient().send(post(both.httpsUrl(), "GetInstance",
                    getInstanceBody("GetInstance")).build(), HttpResponse.BodyHandlers.ofString());
            for (HttpResponse<String> r : List.of(plain, secure)) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("<INSTANCE CLASSNAME=\"TST_Disk\">");
            }
        }
    }

    /** An HTTP client that accepts any server certificate: test only, for the generated development certificate. */
    private static HttpClient trustingClient() throws Exception {
        return HttpClient.newBuilder().sslContext(TrustAll.context()).build();
    }
}
