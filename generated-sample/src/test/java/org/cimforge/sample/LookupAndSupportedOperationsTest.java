package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.sample.SampleArrayFixture.named;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cimforge.array.VolumeRequest;
import org.cimforge.array.clock.ManualClock;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities.GetSupportedOperationsArgs;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities.GetSupportedOperationsResult;
import org.cimforge.sample.bindings.cim.StoragePool;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.client.ReplicationServiceCapabilitiesClient;
import org.cimforge.sample.bindings.cim.client.StoragePoolClient;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** GetInstance by direct lookup (keys must all match), and GetSupportedOperations per ReplicationType and CopyState. */
class LookupAndSupportedOperationsTest {
    private SampleArrayFixture array;

    @BeforeEach
    void start() throws Exception {
        array = new SampleArrayFixture();
    }

    @AfterEach
    void stop() throws Exception {
        array.close();
    }

    @Test
    void getInstanceFindsByKeysAndAPathWithAnotherCreationClassNameIsNotFound() throws Exception {
        StorageVolumeClient volumes = new StorageVolumeClient(array.client, SampleServer.NAMESPACE);
        StorageVolume base = named(volumes.enumerate(), "vv-base");
        assertThat(volumes.get(base.<StorageVolume>reference()).getDeviceId()).isEqualTo(base.getDeviceId());

        CIMObjectPath path = base.reference().path();
        CIMProperty<?>[] keys = path.getKeys();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].getName().equals("CreationClassName")) {
                keys[i] = new CIMProperty<>("CreationClassName", keys[i].getDataType(), "CIM_StorageVolume", true,
                        false, null);
            }
        }
        CimReference<StorageVolume> wrongClass = CimReference.of(new CIMObjectPath(path.getScheme(), path.getHost(),
                path.getPort(), path.getNamespace(), "CIM_StorageVolume", keys));
        assertThatThrownBy(() -> volumes.get(wrongClass)).isInstanceOfSatisfying(WBEMException.class,
                e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));

        StoragePoolClient pools = new StoragePoolClient(array.client, SampleServer.NAMESPACE);
        StoragePool fc = named(pools.enumerate(), "FC_r5");
        assertThat(pools.get(fc.<StoragePool>reference()).getElementName()).isEqualTo("FC_r5");
    }

    @Test
    void theVolumeProvidersStreamTheSameInstancesTheyList() throws Exception {
        CimOperationContext context = new CimOperationContext(SampleServer.NAMESPACE, "admin", "localhost");
        for (String c : List.of("CIM_StorageVolume", "TPD_StorageVolume")) {
            CimInstanceProvider p = array.server.providers().instanceProvider(SampleServer.NAMESPACE, c);
            List<CIMInstance> listed = p.enumerateInstances(context, c);
            List<CIMInstance> streamed;
            try (Stream<CIMInstance> stream = p.streamInstances(context, c)) {
                streamed = stream.toList();
            }
            assertThat(listed).as(c).isNotEmpty();
            assertThat(streamed).as(c).isEqualTo(listed);
        }
    }

    @Test
    void inMemoryAndIdleTheElementProvidersAnswerOnTheIoThreadButNotWhenBusyOrOnDisk(@TempDir Path dir)
            throws Exception {
        List<String> classes = List.of("CIM_StoragePool", "CIM_StorageVolume", "TPD_StorageVolume",
                "CIM_StorageSynchronized", "TPD_StorageSynchronized");
        for (String c : classes) {
            assertThat(array.server.providers().instanceProvider(SampleServer.NAMESPACE, c).nonBlocking()).as(c)
                    .isTrue();
        }
        // GetInstance is then answered on the I/O thread, and still finds the volume.
        StorageVolumeClient volumes = new StorageVolumeClient(array.client, SampleServer.NAMESPACE);
        StorageVolume base = named(volumes.enumerate(), "vv-base");
        assertThat(volumes.get(base.<StorageVolume>reference()).getElementName()).isEqualTo("vv-base");
        // While an operation holds the engine (here: a volume creation whose change listener waits), a GetInstance
        // would wait for it, so the providers send it to a worker; once the engine is free they take it again.
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        array.server.engine().addListener(event -> {
            if (inside.getCount() > 0) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        String pool = array.server.engine().storage().pools().get(0).id();
        Thread writer = new Thread(() -> array.server.engine().storage()
                .createVolume(VolumeRequest.thick(pool, "held", SampleArrayFixture.GIB)).orThrow());
        writer.start();
        try {
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(array.server.providers().instanceProvider(SampleServer.NAMESPACE, "CIM_StorageVolume")
                    .nonBlocking()).as("while the engine is held").isFalse();
            release.countDown();
            writer.join(10_000);
        } finally {
            release.countDown();
        }
        assertThat(array.server.providers().instanceProvider(SampleServer.NAMESPACE, "CIM_StorageVolume")
                .nonBlocking()).as("once the engine is free").isTrue();
        SampleOptions onDisk = new SampleOptions("127.0.0.1", 0, -1, Map.of("admin", "on-disk-test"), dir,
                SampleArrayFixture.COPY_RATE, SampleArrayFixture::populate);
        try (SampleServer durable = SampleServer.start(onDisk, new ManualClock())) {
            for (String c : classes) {
                assertThat(durable.providers().instanceProvider(SampleServer.NAMESPACE, c).nonBlocking()).as(c)
                        .isFalse();
            }
        }
    }

    @Test
    void volumeNamesAreThePathsOfTheVolumeInstancesOfBothVendors() throws Exception {
        // The volume providers answer EnumerateInstanceNames from the engine's ids without building instances; the
        // names must be exactly the paths the instances carry, for the DMTF class (ESS) and the TPD_ subclass (3PAR).
        CIMObjectPath volumes = new CIMObjectPath(null, null, null, SampleServer.NAMESPACE, "CIM_StorageVolume", null);
        Set<String> names = new TreeSet<>();
        for (CIMObjectPath p : drain(array.client.enumerateInstanceNames(volumes))) {
            names.add(keysOf(p));
        }
        Set<String> paths = new TreeSet<>();
        for (CIMInstance i : drain(array.client.enumerateInstances(volumes, true, false, false, null))) {
            paths.add(keysOf(i.getObjectPath()));
        }
        assertThat(names).isEqualTo(paths);
        assertThat(names).anyMatch(n -> n.startsWith("TPD_StorageVolume")).anyMatch(n -> n.startsWith("CIM_StorageVolume"));
    }

    private static String keysOf(CIMObjectPath path) {
        Set<String> keys = new TreeSet<>();
        for (CIMProperty<?> k : path.getKeys()) {
            keys.add(k.getName() + "=" + k.getValue());
        }
        return path.getObjectName() + keys;
    }

    private static <T> List<T> drain(CloseableIterator<T> it) {
        List<T> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        it.close();
        return out;
    }

    @Test
    void supportedOperationsDependOnTheReplicationTypeAndTheCopyState() throws Exception {
        ReplicationServiceCapabilitiesClient client =
                new ReplicationServiceCapabilitiesClient(array.client, SampleServer.NAMESPACE);
        ReplicationServiceCapabilities caps = client.enumerate().get(0);

        GetSupportedOperationsResult snapshot = client.getSupportedOperations(caps.reference(),
                new GetSupportedOperationsArgs.Builder().replicationType(6).build());
        assertThat(snapshot.getReturnCode()).isEqualTo(GetSupportedOperationsResult.ReturnCode.SUCCESS);
        assertThat(numbers(snapshot.getSupportedOperations())).containsExactly(4, 7, 8, 9, 14, 15, 19, 23, 24, 27);
        assertThat(snapshot.getUpdatesSynchronizedPath()).hasSameSizeAs(snapshot.getSupportedOperations())
                .containsOnly(false);

        // A synchronized mirror (CopyState 4) may not be resumed or failed back, but may be fractured; Reverse Roles
        // is the operation that gives the relationship a new path.
        GetSupportedOperationsResult mirror = client.getSupportedOperations(caps.reference(),
                new GetSupportedOperationsArgs.Builder().replicationType(2).copyState(4).build());
        List<Integer> ops = numbers(mirror.getSupportedOperations());
        assertThat(ops).contains(12, 20, 21, 22).doesNotContain(11, 16, 2);
        assertThat(mirror.getUpdatesSynchronizedPath().get(ops.indexOf(20))).isTrue();

        assertThat(client.getSupportedOperations(caps.reference(), new GetSupportedOperationsArgs.Builder()
                .replicationType(4).build()).getReturnCode())
                .isEqualTo(GetSupportedOperationsResult.ReturnCode.NOT_SUPPORTED);
        assertThat(client.getSupportedOperations(caps.reference(), new GetSupportedOperationsArgs.Builder()
                .replicationType(2).copyState(99).build()).getReturnCode())
                .isEqualTo(GetSupportedOperationsResult.ReturnCode.INVALID_PARAMETER);
    }

    private static List<Integer> numbers(List<? extends EnumValue<?>> values) {
        return values.stream().map(v -> v.number().intValue()).toList();
    }
}
