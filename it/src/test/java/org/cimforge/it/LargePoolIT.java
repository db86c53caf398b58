package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * A pool of a few thousand volumes: pull enumeration in pages (generic and through the generated stub), and a client
 * that hangs up mid-response.
 */
class LargePoolIT {
    private static final int VOLUMES = 3_000;
    @TempDir
    static Path dir;
    private static SampleProcess sample;
    private static WBEMClient client;

    @BeforeAll
    static void start() throws Exception {
        Path config = dir.resolve("large.json");
        Files.writeString(config, """
                {"systems": [{"name": "big", "capacity": "64T", "pools": [{"name": "wide", "size": "32T",
                  "volumes": [{"name": "lun", "size": "1G", "count": %d}]}]}]}
                """.formatted(VOLUMES));
        sample = SampleProcess.start(null, "--config", config.toString());
        client = Clients.sblim(sample);
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        sample.close();
    }

    @Test
    void theGeneratedStubEnumeratesEveryVolumeOnceByPulling() throws Exception {
        // StorageVolumeClient.enumerate pulls (OpenEnumerateInstances, then PullInstancesWithPath) when the server can.
        List<StorageVolume> all = new StorageVolumeClient(client, SampleProcess.NAMESPACE).enumerate();
        assertThat(all).hasSize(VOLUMES);
        assertThat(all.stream().map(StorageVolume::getDeviceId).distinct().count()).isEqualTo(VOLUMES);
        assertThat(all).allSatisfy(v -> assertThat(v.getElementName()).startsWith("lun-"));
    }

    @Test
    void pullEnumerationReturnsEveryVolumeOnceInPages() throws Exception {
        CIMObjectPath volumes = Clients.classPath(SampleProcess.NAMESPACE, "CIM_StorageVolume");
        UnsignedInteger32 page = new UnsignedInteger32(250);
        EnumerateResponse<CIMInstance> response = client.enumerateInstances(volumes, true, false, null, null, null,
                new UnsignedInteger32(60), false, page);
        Set<String> seen = new HashSet<>();
        int pulls = 0;
        while (true) {
            for (CIMInstance i : Clients.drain(response.getResponses())) {
                assertThat(seen.add((String) i.getPropertyValue("DeviceID"))).as("each volume once").isTrue();
            }
            if (response.isEnd()) {
                break;
            }
            assertThat(++pulls).as("pulls stay bounded").isLessThan(VOLUMES);
            response = client.getInstancesWithPath(volumes, response.getContext(), page);
        }
        assertThat(seen).hasSize(VOLUMES);
        assertThat(pulls).isGreaterThanOrEqualTo(VOLUMES / 250 - 1);
    }

    @Test
    void aClientThatDisconnectsMidResponseDoesNotHurtOthers() throws Exception {
        String body = SampleProcess.intrinsic("EnumerateInstances", SampleProcess.NAMESPACE,
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_StorageVolume\"/></IPARAMVALUE>");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 5; round++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sample.httpPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml; charset=utf-8\r\n"
                        + "CIMOperation: MethodCall\r\nCIMMethod: EnumerateInstances\r\nCIMObject: root%2Fcimforge\r\n"
                        + "Authorization: " + SampleProcess.basic(SampleProcess.USER, SampleProcess.PASSWORD) + "\r\n"
                        + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] some = in.readNBytes(8192);
                assertThat(new String(some, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            }
            // Hung up after 8 KiB of a multi-megabyte answer; everyone else is still served.
            assertThat(Clients.drain(client.enumerateInstanceNames(Clients.classPath(SampleProcess.NAMESPACE,
                    "CIM_StoragePool")))).hasSize(1);
        }
        assertThat(sample.isAlive()).isTrue();
    }
}
