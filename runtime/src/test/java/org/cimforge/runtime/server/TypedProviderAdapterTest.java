package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cimforge.runtime.CimClassInfo;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimKind;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InstanceProvider;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.runtime.provider.MethodProvider;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** A typed provider (the shape generated code has) served through the CIM-level SPI to the SBLIM client. */
class TypedProviderAdapterTest {
    static final CimClassInfo DISK = CimClassInfo.builder("TST_Disk", null)
            .property("DeviceID", CimKind.STRING, false, null, true)
            .property("Capacity", CimKind.UINT64, false, null, false).build();

    /** A hand-written stand-in for a generated instance class. */
    static final class Disk extends CimInstanceBase {
        Disk(CIMInstance instance) {
            super(DISK, instance);
        }
    }

    /** Serves disks from a list, creates and deletes them; GetInstance is left at its default on purpose. */
    static class DiskProvider implements InstanceProvider<Disk>, MethodProvider {
        final List<Disk> disks = new CopyOnWriteArrayList<>();
        final List<String> principals = new CopyOnWriteArrayList<>();
        boolean fromMemory;

        @Override
        public boolean nonBlocking() {
            return fromMemory;
        }

        @Override
        public CimClassInfo cimClass() {
            return DISK;
        }

        @Override
        public Disk adapt(CIMInstance instance) {
            return new Disk(instance);
        }

        @Override
        public List<Disk> enumerateInstances(InvocationContext context) {
            principals.add(context.principal().getName());
            return disks;
        }

        @Override
        public CimReference<Disk> createInstance(InvocationContext context, Disk instance) throws WBEMException {
            if (instance.toCimInstance().getPropertyValue("DeviceID") == null) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "DeviceID is required");
            }
            disks.add(instance);
            return CimReference.of(TestModel.diskPath("TST_Disk",
                    (String) instance.toCimInstance().getPropertyValue("DeviceID")));
        }

        @Override
        public Object invokeMethod(InvocationContext context, CIMObjectPath target, String methodName,
                                   CIMArgument<?>[] in, List<CIMArgument<?>> out) throws WBEMException {
            if (!methodName.equalsIgnoreCase("Resize")) {
                return MethodProvider.super.invokeMethod(context, target, methodName, in, out);
            }
            out.add(new CIMArgument<>("Note", CIMDataType.STRING_T, "resized " + target.getKey("DeviceID").getValue()));
            return new UnsignedInteger32(0);
        }
    }

    private CimServer server;
    private WBEMClient client;
    private DiskProvider provider;

    @BeforeEach
    void start() throws Exception {
        provider = new DiskProvider();
        provider.disks.add(new Disk(TestModel.disk("TST_Disk", "d1", 100)));
        CimProviderRegistry registry = new CimProviderRegistry().typed(TestModel.NS, provider);
        server = CimServer.start(CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build(),
                TestModel.repository(), registry);
        client = SblimInteropTest.connect(server.port(), "admin", "secret");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop();
    }

    @Test
    void enumeratesAndGetsThroughTheTypedProviderWithThePrincipal() throws Exception {
        List<CIMInstance> all = SblimInteropTest.drain(client.enumerateInstances(
                SblimInteropTest.classPath("TST_Disk"), true, false, false, null));
        assertThat(all).extracting(i -> i.getPropertyValue("DeviceID")).containsExactly("d1");
        CIMInstance one = client.getInstance(TestModel.diskPath("TST_Disk", "d1"), false, false, null);
        assertThat(one.getPropertyValue("Capacity").toString()).isEqualTo("100");
        assertThat(provider.principals).contains("admin");
        assertThatThrownBy(() -> client.getInstance(TestModel.diskPath("TST_Disk", "nope"), false, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
    }

    @Test
    void saysNonBlockingOnlyWhenTheTypedProviderDoesAndIsNamedAfterIt() {
        DiskProvider typed = new DiskProvider();
        CimProviderRegistry registry = new CimProviderRegistry().typed(TestModel.NS, typed);
        CimInstanceProvider adapter = registry.instanceProvider(TestModel.NS, "TST_Disk");
        assertThat(adapter.nonBlocking()).isFalse();
        typed.fromMemory = true;
        assertThat(adapter.nonBlocking()).isTrue();
        assertThat(adapter.toString()).isEqualTo(DiskProvider.class.getName());
    }

    /** Makes each disk only when it is read, counting how many it made. */
    static final class StreamingDisks extends DiskProvider {
        final AtomicInteger made = new AtomicInteger();

        @Override
        public Stream<Disk> streamInstances(InvocationContext context) {
            return IntStream.range(0, 2_500).mapToObj(n -> {
                made.incrementAndGet();
                return new Disk(TestModel.disk("TST_Disk", "s" + n, n));
            });
        }
    }

    @Test
    void aTypedStreamIsConvertedAsItIsReadAndServedWhole() throws Exception {
        StreamingDisks typed = new StreamingDisks();
        CimInstanceProvider adapter = new CimProviderRegistry().typed(TestModel.NS, typed)
                .instanceProvider(TestModel.NS, "TST_Disk");
        try (Stream<CIMInstance> stream = adapter.streamInstances(
                new CimOperationContext(TestModel.NS, "admin", "localhost"), "TST_Disk")) {
            assertThat(typed.made).hasValue(0);
            assertThat(stream.limit(3)).extracting(i -> i.getPropertyValue("DeviceID")).containsExactly("s0", "s1", "s2");
            assertThat(typed.made).hasValue(3);
        }

        CimProviderRegistry registry = new CimProviderRegistry().typed(TestModel.NS, new StreamingDisks());
        try (CimServer streaming = CimServer.start(CimServerConfig.builder().port(0)
                .users(Map.of("admin", "secret")).build(), TestModel.repository(), registry)) {
            WBEMClient c = SblimInteropTest.connect(streaming.port(), "admin", "secret");
            List<CIMInstance> all = SblimInteropTest.drain(c.enumerateInstances(
                    SblimInteropTest.classPath("TST_Disk"), true, false, false, null));
            assertThat(all).hasSize(2_500);
            assertThat(all.get(2_499).getPropertyValue("DeviceID")).isEqualTo("s2499");
            c.close();
        }
    }

    @Test
    void createsThroughTheTypedViewAndReportsProviderErrors() throws Exception {
        CIMObjectPath created = client.createInstance(TestModel.disk("TST_Disk", "d9", 900));
        assertThat(created.getKey("DeviceID").getValue()).isEqualTo("d9");
        assertThat(provider.disks).hasSize(2);
        CIMInstance noKey = new CIMInstance(SblimInteropTest.classPath("TST_Disk"), new CIMProperty<?>[] {
            new CIMProperty<>("Capacity", CIMDataType.UINT64_T, null)});
        assertThatThrownBy(() -> client.createInstance(noKey)).isInstanceOfSatisfying(WBEMException.class,
                e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER));
        assertThatThrownBy(() -> client.deleteInstance(TestModel.diskPath("TST_Disk", "d1")))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_SUPPORTED));
    }

    @Test
    void invokesMethodsAndAnswersUnknownOnes() throws Exception {
        List<CIMArgument<?>> out = new ArrayList<>();
        Object rc = client.invokeMethod(TestModel.diskPath("TST_Disk", "d1"), "Resize",
                new CIMArgument<?>[0], out.toArray(new CIMArgument<?>[1]));
        assertThat(rc.toString()).isEqualTo("0");
        assertThatThrownBy(() -> client.invokeMethod(TestModel.diskPath("TST_Disk", "d1"), "Broken",
                new CIMArgument<?>[0], new CIMArgument<?>[0])).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_METHOD_NOT_AVAILABLE));
    }
}
