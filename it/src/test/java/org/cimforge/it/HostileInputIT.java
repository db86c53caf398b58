package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of malformed and hostile requests sent to the packaged provider: each gets the protocol's answer (HTTP
 * status, CIMError header or CIM status code) quickly, and the server still answers a good request afterwards.
 */
class HostileInputIT {
    private static SampleProcess sample;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One hostile request and what the server must answer. */
    record Case(String name, Function<SampleProcess, HttpRequest> request, int status, String cimErrorHeader,
                Integer cimStatusCode) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GET_MANAGER = "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_ObjectManager\"/>"
            + "</IPARAMVALUE>";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("truncated XML", s -> s.request("EnumerateInstanceNames", "root/interop", GET_MANAGER)
                        .POST(body(truncate(SampleProcess.intrinsic("EnumerateInstanceNames", "root/interop",
                                GET_MANAGER)))).build(), 400, "request-not-well-formed", null),
                new Case("not XML at all", s -> s.request("EnumerateInstanceNames", "root/interop", GET_MANAGER)
                        .POST(body("hello, server")).build(), 400, "request-not-well-formed", null),
                new Case("entity expansion bomb", s -> s.request("EnumerateInstanceNames", "root/interop", "")
                        .POST(body(entityBomb())).build(), 400, null, null),
                new Case("external entity", s -> s.request("EnumerateInstanceNames", "root/interop", "")
                        .POST(body("<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">&x;</CIM>")).build(), 400, null, null),
                new Case("oversized body", s -> s.request("EnumerateInstanceNames", "root/interop", "")
                        .POST(body("<CIM>" + "x".repeat(17 * 1024 * 1024) + "</CIM>")).build(), 413, null, null),
                new Case("no credentials", s -> s.request("EnumerateInstanceNames", "root/interop", GET_MANAGER)
                        .setHeader("Authorization", "Basic ").build(), 401, null, null),
                new Case("wrong password", s -> s.request("EnumerateInstanceNames", "root/interop", GET_MANAGER)
                        .setHeader("Authorization", SampleProcess.basic(SampleProcess.USER, "guess")).build(),
                        401, null, null),
                new Case("wrong CIMOperation header", s -> s.request("EnumerateInstanceNames", "root/interop",
                        GET_MANAGER).setHeader("CIMOperation", "MethodResponse").build(), 400,
                        "unsupported-operation", null),
                new Case("CIMMethod header disagrees with the body", s -> s.request("EnumerateInstanceNames",
                        "root/interop", GET_MANAGER).setHeader("CIMMethod", "DeleteInstance").build(), 400,
                        "header-mismatch", null),
                new Case("GET instead of POST", s -> HttpRequest.newBuilder(URI.create(s.url() + "/cimom"))
                        .header("Authorization", SampleProcess.basic(SampleProcess.USER, SampleProcess.PASSWORD))
                        .GET().build(), 405, null, null),
                new Case("wrong parameter type", s -> s.request("EnumerateInstances", SampleProcess.NAMESPACE,
                        "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_StorageVolume\"/></IPARAMVALUE>"
                                + "<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>maybe</VALUE></IPARAMVALUE>").build(),
                        200, null, 4),
                new Case("unknown class", s -> s.request("EnumerateInstances", SampleProcess.NAMESPACE,
                        "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"XYZ_NoSuchThing\"/></IPARAMVALUE>").build(),
                        200, null, 5),
                new Case("unknown namespace", s -> s.request("EnumerateInstanceNames", "root/nowhere",
                        GET_MANAGER).build(), 200, null, 3),
                new Case("unknown intrinsic method", s -> s.request("FrobnicateInstances", SampleProcess.NAMESPACE,
                        "").build(), 200, null, 7),
                new Case("missing instance", s -> s.request("GetInstance", SampleProcess.NAMESPACE,
                        "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"CIM_StorageVolume\">"
                                + "<KEYBINDING NAME=\"DeviceID\"><KEYVALUE>no-such-volume</KEYVALUE></KEYBINDING>"
                                + "</INSTANCENAME></IPARAMVALUE>").build(), 200, null, 6),
                new Case("missing required parameter", s -> s.request("GetInstance", SampleProcess.NAMESPACE, "")
                        .build(), 200, null, 4));
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static String truncate(String text) {
        return text.substring(0, text.length() / 2);
    }

    private static String entityBomb() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY a \"aaaaaaaaaa\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY a").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                bomb.append("&a").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            bomb.append("\">");
        }
        return bomb.append("]><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">&a9;</CIM>").toString();
    }

    @BeforeAll
    static void start() throws Exception {
        sample = SampleProcess.start(null);
    }

    @AfterAll
    static void stop() throws Exception {
        sample.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answeredWithTheRightErrorAndTheServerStaysHealthy(Case c) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = HTTP.send(c.request().apply(sample), HttpResponse.BodyHandlers.ofString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered quickly").isLessThan(Duration.ofSeconds(10));
        assertThat(r.statusCode()).as(c.name() + ": " + r.headers().firstValue("CIMForge-Error-Detail"))
                .isEqualTo(c.status());
        if (c.status() != 200) {
            // An HTTP-level refusal has no body (a client that skips it must find the next status line), only
            // its reason in a header.
            assertThat(r.body()).as(c.name()).isEmpty();
            assertThat(r.headers().firstValue("CIMForge-Error-Detail")).as(c.name()).isPresent();
        }
        if (c.status() == 401) {
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic"));
        }
        if (c.cimErrorHeader() != null) {
            assertThat(r.headers().firstValue("CIMError")).hasValue(c.cimErrorHeader());
        }
        if (c.cimStatusCode() != null) {
            assertThat(r.body()).as(c.name()).contains("<ERROR CODE=\"" + c.cimStatusCode() + "\"");
        }
        assertThat(r.body()).as("no stack trace leaks").doesNotContain("\tat ").doesNotContain("Exception:");
        HttpResponse<String> healthy = HTTP.send(sample.request("EnumerateInstanceNames", "root/interop",
                GET_MANAGER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).contains("CIM_ObjectManager");
        assertThat(sample.isAlive()).isTrue();
    }
}
