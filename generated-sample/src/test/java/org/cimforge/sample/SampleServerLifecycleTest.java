package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.sample.SampleArrayFixture.GIB;
import static org.cimforge.sample.SampleArrayFixture.PASSWORD;
import static org.cimforge.sample.SampleArrayFixture.USER;
import static org.cimforge.sample.SampleArrayFixture.named;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyElementFromStoragePoolArgs;
import org.cimforge.sample.bindings.cim.client.StoragePoolClient;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.cimforge.sample.bindings.hp3par.client.TpdStorageConfigurationServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** Starting and stopping the sample: listeners, authentication, and state that survives a restart. */
class SampleServerLifecycleTest {

    @Test
    void httpAndHttpsListenOnTheirOwnPortsAndHttpsAloneBecomesTheMainListener() throws Exception {
        try (SampleServer both = SampleServer.start(options(0, 0, null))) {
            assertThat(both.httpUrl()).startsWith("http://127.0.0.1:");
            assertThat(both.httpsUrl()).startsWith("https://127.0.0.1:");
            assertThat(both.httpsUrl()).isNotEqualTo(both.httpUrl().replace("http:", "https:"));
        }
        try (SampleServer secureOnly = SampleServer.start(options(-1, 0, null))) {
            assertThat(secureOnly.httpUrl()).isNull();
            assertThat(secureOnly.httpsUrl()).startsWith("https://127.0.0.1:");
        }
    }

    @Test
    void requestsWithoutTheRightPasswordAreRefused() throws Exception {
        try (SampleServer server = SampleServer.start(options(0, -1, null))) {
            WBEMClient intruder = SampleArrayFixture.connect(server.httpUrl(), USER, "wrong");
            try {
                assertThatThrownBy(() -> new StorageVolumeClient(intruder, SampleServer.NAMESPACE).enumerate())
                        .isInstanceOf(WBEMException.class);
            } finally {
                intruder.close();
            }
        }
    }

    @Test
    void theArrayKeepsItsStateInTheDataDirectoryAndIsSetUpOnlyOnce(@TempDir Path data) throws Exception {
        try (SampleServer first = SampleServer.start(options(0, -1, data))) {
            WBEMClient client = SampleArrayFixture.connect(first.httpUrl(), USER, PASSWORD);
            try {
                TpdStorageConfigurationServiceClient services =
                        new TpdStorageConfigurationServiceClient(client, SampleServer.NAMESPACE);
                var pool = named(new StoragePoolClient(client, SampleServer.NAMESPACE).enumerate(), "FC_r5");
                var made = services.createOrModifyElementFromStoragePool(services.enumerate().get(0).reference(),
                        new CreateOrModifyElementFromStoragePoolArgs.Builder().elementName("kept")
                                .inPool(pool.reference()).size(BigInteger.valueOf(GIB)).build());
                assertThat(made.getReturnValue().number()).isEqualTo(BigInteger.ZERO);
            } finally {
                client.close();
            }
        }
        SampleOptions again = new SampleOptions("127.0.0.1", 0, -1, Map.of(USER, PASSWORD), data, 0, engine -> {
            throw new AssertionError("the initial setup must not run on an array that has contents");
        });
        try (SampleServer second = SampleServer.start(again)) {
            WBEMClient client = SampleArrayFixture.connect(second.httpUrl(), USER, PASSWORD);
            try {
                var volumes = new StorageVolumeClient(client, SampleServer.NAMESPACE).enumerate();
                assertThat(volumes).hasSize(7);
                assertThat(named(volumes, "kept").getNumberOfBlocks()).isEqualTo(BigInteger.valueOf(GIB / 512));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void theHttpsCertificateIsKeptInTheDataDirectoryAcrossRestarts(@TempDir Path data) throws Exception {
        String first;
        try (SampleServer server = SampleServer.start(options(-1, 0, data))) {
            first = fingerprint(server.httpsUrl());
        }
        assertThat(data.resolve(SampleCertificate.KEY_STORE)).isRegularFile();
        assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolve(SampleCertificate.KEY_STORE_PASSWORD)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        try (SampleServer server = SampleServer.start(options(-1, 0, data))) {
            assertThat(fingerprint(server.httpsUrl())).as("certificate after a restart").isEqualTo(first);
        }
        // Without a data directory each start has its own certificate, as before.
        try (SampleServer a = SampleServer.start(options(-1, 0, null));
             SampleServer b = SampleServer.start(options(-1, 0, null))) {
            assertThat(fingerprint(a.httpsUrl())).isNotEqualTo(fingerprint(b.httpsUrl()));
        }
    }

    /** SHA-256 of the certificate the server presents (a trust-all handshake: only the certificate matters). */
    private static String fingerprint(String httpsUrl) throws Exception {
        java.net.URI uri = java.net.URI.create(httpsUrl);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        }
    }

    private static SampleOptions options(int http, int https, Path data) {
        return new SampleOptions("127.0.0.1", http, https, Map.of(USER, PASSWORD), data, 0,
                SampleArrayFixture::populate);
    }
}
