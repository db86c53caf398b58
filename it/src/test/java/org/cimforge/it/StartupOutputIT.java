package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The packaged provider's console carries only its own lines: no SLF4J "no providers" notice (the runtime brings an
 * SLF4J provider) and none of Jetty's INFO start-up lines, through a start, requests over HTTP and HTTPS, and a stop.
 */
class StartupOutputIT {
    @Test
    void startServeAndStopPrintOnlyTheProvidersOwnLines() throws Exception {
        SampleProcess sample = SampleProcess.start(null);
        try {
            for (WBEMClient client : new WBEMClient[] {Clients.sblim(sample),
                    Clients.sblim("https", sample.httpsPort(), SampleProcess.USER, SampleProcess.PASSWORD)}) {
                try {
                    assertThat(Clients.drain(client.enumerateInstanceNames(
                            Clients.classPath(SampleProcess.NAMESPACE, "CIM_StorageVolume")))).isNotEmpty();
                } finally {
                    client.close();
                }
            }
        } finally {
            sample.stop();
        }
        String output = sample.output();
        assertThat(output).contains("press Ctrl-C to stop").contains("stopped");
        assertThat(output.lines()).as("console of the packaged provider:%n%s", output)
                .allMatch(line -> line.startsWith("cimforge-sample"));
    }
}
