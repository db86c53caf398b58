package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * N clients × M operations against the packaged provider over loopback, mixing reads, method calls and jobs, with a
 * fixed total and a time limit: no operation may fail; throughput and p99 latency are reported. The default run is
 * small; {@code -Pload} raises N and M.
 */
class LoadIT {
    private static final long MIB = 1L << 20;
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @Test
    void mixedLoadRunsWithoutErrors() throws Exception {
        int clients = Integer.getInteger("cimforge.load.clients", 8);
        int operations = Integer.getInteger("cimforge.load.operations", 150);
        try (SampleProcess sample = SampleProcess.start(null, "--copy-rate", "4G")) {
            WBEMClient setup = Clients.sblim(sample);
            CIMInstance system = Calls.named(setup, "CIM_ComputerSystem", "InServ-sample");
            CIMObjectPath configuration = Clients.drain(setup.associatorNames(system.getObjectPath(),
                    "CIM_HostedService", "CIM_StorageConfigurationService", null, null)).get(0);
            CIMObjectPath replication = Clients.drain(setup.associatorNames(system.getObjectPath(),
                    "CIM_HostedService", "CIM_ReplicationService", null, null)).get(0);
            CIMObjectPath pool = Calls.named(setup, "CIM_StoragePool", "FC_r5").getObjectPath();
            List<CIMObjectPath> volumes = Clients.drain(setup.enumerateInstanceNames(
                    Clients.classPath(SampleProcess.NAMESPACE, "CIM_StorageVolume")));
            setup.close();

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool4 = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                done.add(pool4.submit(() -> {
                    WBEMClient client = Clients.sblim(sample);
                    try {
                        for (int i = 0; i < operations; i++) {
                            long t0 = System.nanoTime();
                            switch (i % 10) {
                                case 0, 1, 2, 3, 4 -> assertThat(client.getInstance(volumes.get((id + i)
                                        % volumes.size()), false, false, null)).isNotNull();
                                case 5, 6 -> assertThat(Clients.drain(client.enumerateInstanceNames(Clients.classPath(
                                        SampleProcess.NAMESPACE, "CIM_StoragePool")))).isNotEmpty();
                                case 7, 8 -> createAndDelete(client, configuration, pool, "load-" + id + "-" + i);
                                default -> snapshotJob(client, configuration, replication, pool, "job-" + id + "-" + i);
                            }
                            latencies.add(System.nanoTime() - t0);
                            assertThat(System.nanoTime() - start).as("time limit").isLessThan(LIMIT.toNanos());
                        }
                        return operations;
                    } finally {
                        client.close();
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            pool4.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "load: %d clients x %d operations = %d in %.1f s, %.0f op/s, p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms%n", clients, operations, total, seconds, total / seconds,
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
            assertThat(total).isEqualTo(clients * operations);
            assertThat(sample.isAlive()).isTrue();
        }
    }

    private static CIMObjectPath create(WBEMClient client, CIMObjectPath configuration, CIMObjectPath pool,
                                        String name) throws Exception {
        Calls.Answer made = Calls.invoke(client, configuration, "CreateOrModifyElementFromStoragePool",
                Calls.string("ElementName", name), Calls.uint16("ElementType", 2), Calls.ref("InPool", pool),
                Calls.uint64("Size", 16 * MIB));
        assertThat(made.returnCode()).as("create " + name).isZero();
        return made.ref("TheElement");
    }

    private static void createAndDelete(WBEMClient client, CIMObjectPath configuration, CIMObjectPath pool,
                                        String name) throws Exception {
        CIMObjectPath volume = create(client, configuration, pool, name);
        assertThat(Calls.invoke(client, configuration, "ReturnToStoragePool", Calls.ref("TheElement", volume))
                .returnCode()).as("delete " + name).isZero();
    }

    private static void snapshotJob(WBEMClient client, CIMObjectPath configuration, CIMObjectPath replication,
                                    CIMObjectPath pool, String name) throws Exception {
        CIMObjectPath source = create(client, configuration, pool, name);
        Calls.Answer started = Calls.invoke(client, replication, "CreateElementReplica",
                Calls.string("ElementName", name + "-clone"), Calls.uint16("SyncType", 8),
                Calls.ref("SourceElement", source));
        assertThat(started.returnCode()).isIn(0L, 4096L);
        if (started.returnCode() == 4096) {
            assertThat(Calls.jobState(Calls.awaitJob(client, started.ref("Job"), Duration.ofSeconds(60))))
                    .isEqualTo(7);
        }
    }
}
