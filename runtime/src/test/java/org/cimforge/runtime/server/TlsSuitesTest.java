package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The HTTPS listener speaks TLS 1.2 and 1.3 with AEAD cipher suites only. */
class TlsSuitesTest {
    static SSLSocket socket(CimServer server) throws Exception {
        SSLContext context = TrustAll.context();
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    @Test
    void cbcSuitesAndOldProtocolsAreRefusedAeadIsServed() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).https(true).users(Map.of("admin", "secret"))
                .build();
        try (CimServer server = CimServer.start(config, TestModel.repository(), TestModel.providers())) {
            try (SSLSocket cbc = socket(server)) {
                cbc.setEnabledProtocols(new String[] {"TLSv1.2"});
                cbc.setEnabledCipherSuites(Arrays.stream(cbc.getSupportedCipherSuites())
                        .filter(c -> c.contains("_CBC_")).toArray(String[]::new));
                assertThatThrownBy(cbc::startHandshake).isInstanceOf(SSLHandshakeException.class);
            }
            try (SSLSocket old = socket(server)) {
                old.setEnabledProtocols(new String[] {"TLSv1.1"});
                assertThatThrownBy(old::startHandshake).isInstanceOf(javax.net.ssl.SSLException.class);
            }
            try (SSLSocket tls12 = socket(server)) {
                tls12.setEnabledProtocols(new String[] {"TLSv1.2"});
                tls12.startHandshake();
                assertThat(tls12.getSession().getCipherSuite()).contains("_GCM_").doesNotContain("_CBC_");
            }
            try (SSLSocket tls13 = socket(server)) {
                tls13.startHandshake();
                assertThat(tls13.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
        }
    }
}
