package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.runtime.server.SblimInteropTest.drain;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.cimforge.runtime.interop.CimInterop;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifierType;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The second half of the SBLIM interop tests: the interop namespace, qualifier declarations, class-level association
 * calls, and enumerations streamed from a provider that produces its instances lazily.
 */
class SblimDiscoveryTest {
    static final String NS = TestModel.NS;
    static final String INTEROP = CimInterop.NAMESPACE;
    static final int STREAMED = 30_000;
    static CimServer server;
    static WBEMClient client;
    static CIMObjectPath arrayProfile;
    static final SettingStream settings = new SettingStream();

    /** Produces TST_Setting instances on demand and records how many were made and whether it was closed. */
    static final class SettingStream implements CimInstanceProvider {
        final AtomicLong produced = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            return streamInstances(context, className).toList();
        }

        @Override
        public Stream<CIMInstance> streamInstances(CimOperationContext context, String className) {
            closed.set(false);
            return LongStream.range(0, STREAMED).mapToObj(n -> {
                produced.incrementAndGet();
                return new CIMInstance(new CIMObjectPath(null, null, null, NS, "TST_Setting", null),
                        new CIMProperty<?>[] {
                            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "s-" + n, true, false, null),
                            new CIMProperty<>("Level", CIMDataType.UINT16_T, new UnsignedInteger16((int) (n % 7)))});
            }).onClose(() -> closed.set(true));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build();
        CimProviderRegistry providers = TestModel.providers().instances(NS, "TST_Setting", settings);
        server = CimServer.start(config, TestModel.repository(), providers);
        arrayProfile = server.interop().registerProfile("SNIA", "Array", "1.8.0");
        server.interop().conformsTo(arrayProfile, TestModel.diskPath("TST_Disk", "d1"));
        client = SblimInteropTest.connect(server.port(), "admin", "secret");
        drain(client.enumerateClassNames(path(NS, null), false));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.stop();
    }

    static CIMObjectPath path(String namespace, String className) {
        return new CIMObjectPath(null, null, null, namespace, className, null);
    }

    @Test
    void interopNamespaceHasOneObjectManagerAndEveryNamespace() throws Exception {
        List<CIMInstance> managers = drain(client.enumerateInstances(path(INTEROP, "CIM_ObjectManager"), true,
                false, false, null));
        assertThat(managers).hasSize(1);
        assertThat(managers.get(0).getPropertyValue("CreationClassName")).isEqualTo("CIM_ObjectManager");
        // CIM_WBEMService is abstract; asking for it still finds the one manager through subclass fan-out.
        assertThat(drain(client.enumerateInstanceNames(path(INTEROP, "CIM_WBEMService")))).hasSize(1);
        List<CIMInstance> namespaces = drain(client.enumerateInstances(path(INTEROP, "CIM_Namespace"), true, false,
                false, null));
        assertThat(namespaces).extracting(i -> i.getPropertyValue("Name"))
                .containsExactlyInAnyOrder(NS, INTEROP);
        List<CIMObjectPath> served = drain(client.associatorNames(managers.get(0).getObjectPath(),
                "CIM_NamespaceInManager", "CIM_Namespace", "Antecedent", "Dependent"));
        assertThat(served).hasSize(2);
        CIMClass om = client.getClass(path(INTEROP, "CIM_ObjectManager"), false, true, false, null);
        assertThat(om.getSuperClassName()).isEqualTo("CIM_WBEMService");
        assertThat(om.getProperty("Name").isKey()).isTrue();
    }

    @Test
    void registeredProfilesLeadToTheirElements() throws Exception {
        List<CIMInstance> profiles = drain(client.enumerateInstances(path(INTEROP, "CIM_RegisteredProfile"), true,
                false, false, null));
        assertThat(profiles).hasSize(1);
        CIMInstance array = profiles.get(0);
        assertThat(array.getPropertyValue("RegisteredName")).isEqualTo("Array");
        assertThat(array.getPropertyValue("RegisteredVersion")).isEqualTo("1.8.0");
        assertThat(array.getPropertyValue("RegisteredOrganization")).isEqualTo(new UnsignedInteger16(11));
        List<CIMObjectPath> elements = drain(client.associatorNames(array.getObjectPath(),
                "CIM_ElementConformsToProfile", null, "ConformantStandard", "ManagedElement"));
        assertThat(elements).singleElement().satisfies(p -> {
            assertThat(p.getNamespace()).isEqualTo(NS);
            assertThat(p.getKeyValue("DeviceID")).isEqualTo("d1");
        });
        // The element lives in another namespace; Associators fetches it from there.
        List<CIMInstance> disks = drain(client.associatorInstances(array.getObjectPath(), "CIM_ElementConformsToProfile",
                null, null, null, false, null));
        assertThat(disks).singleElement().satisfies(d -> {
            assertThat(d.getClassName()).isEqualTo("TST_Disk");
            assertThat(d.getPropertyValue("Capacity")).isEqualTo(new UnsignedInteger64("100"));
        });
        assertThat(drain(client.referenceNames(array.getObjectPath(), "CIM_ElementConformsToProfile", null)))
                .hasSize(1);
        assertThat(server.interop().registerProfile("snia", "Array", "1.8.0")).isEqualTo(arrayProfile);
    }

    @Test
    void qualifierDeclarations() throws Exception {
        CIMQualifierType<?> key = client.getQualifierType(path(NS, "Key"));
        assertThat(key.getName()).isEqualTo("Key");
        assertThat(key.getDataType()).isEqualTo(CIMDataType.BOOLEAN_T);
        assertThat(key.getValue()).isEqualTo(Boolean.FALSE);
        List<CIMQualifierType<?>> all = drain(client.enumerateQualifierTypes(path(NS, null)));
        assertThat(all).extracting(CIMQualifierType::getName).contains("Abstract", "Association", "Description",
                "EmbeddedInstance", "In", "Key", "Out", "Static");
        assertThat(drain(client.enumerateQualifierTypes(path(INTEROP, null)))).extracting(CIMQualifierType::getName)
                .contains("ValueMap", "Values", "Override");
        assertThatThrownBy(() -> client.getQualifierType(path(NS, "NoSuchQualifier")))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
    }

    @Test
    void classLevelAssociationCallsReturnClasses() throws Exception {
        List<CIMObjectPath> refNames = drain(client.referenceNames(path(NS, "TST_Disk"), null, null));
        assertThat(refNames).extracting(CIMObjectPath::getObjectName).containsExactly("TST_PoolDisk");
        List<CIMClass> refClasses = drain(client.referenceClasses(path(NS, "TST_FastDisk"), null, "Disk", false,
                false, null));
        assertThat(refClasses).extracting(c -> c.getObjectPath().getObjectName()).containsExactly("TST_PoolDisk");
        assertThat(refClasses.get(0).getProperty("Pool")).isNotNull();
        List<CIMObjectPath> assocNames = drain(client.associatorNames(path(NS, "TST_Disk"), null, null, null, null));
        assertThat(assocNames).extracting(CIMObjectPath::getObjectName).containsExactly("TST_Pool");
        List<CIMClass> assocClasses = drain(client.associatorClasses(path(NS, "TST_Pool"), "TST_PoolDisk", null,
                "Pool", "Disk", false, false, null));
        assertThat(assocClasses).extracting(c -> c.getObjectPath().getObjectName()).containsExactly("TST_Disk");
        assertThat(drain(client.associatorNames(path(NS, "TST_Pool"), null, null, "Disk", null))).isEmpty();
        assertThat(drain(client.referenceNames(path(NS, "TST_Setting"), null, null))).isEmpty();
    }

    @Test
    void largeEnumerationIsStreamedFromALazyProvider() throws Exception {
        List<CIMObjectPath> names = drain(client.enumerateInstanceNames(path(NS, "TST_Setting")));
        assertThat(names).hasSize(STREAMED);
        long count = 0;
        var it = client.enumerateInstances(path(NS, "TST_Setting"), true, false, false, null);
        try {
            while (it.hasNext()) {
                assertThat(it.next().getPropertyValue("InstanceID")).isEqualTo("s-" + count);
                count++;
            }
        } finally {
            it.close();
        }
        assertThat(count).isEqualTo(STREAMED);
        assertThat(settings.closed).isTrue();
    }

    @Test
    void pullTakesInstancesLazilyHonoursMaxObjectCountAndExpires() throws Exception {
        long before = settings.produced.get();
        EnumerateResponse<CIMInstance> first = client.enumerateInstances(path(NS, "TST_Setting"), true, false, null,
                null, null, new UnsignedInteger32(1), false, new UnsignedInteger32(5));
        assertThat(drain(first.getResponses())).hasSize(5);
        assertThat(first.isEnd()).isFalse();
        // Only what was delivered (plus one look-ahead) has been produced: nothing is materialised at Open.
        assertThat(settings.produced.get() - before).isLessThanOrEqualTo(6);
        EnumerateResponse<CIMInstance> next = client.getInstancesWithPath(path(NS, "TST_Setting"),
                first.getContext(), new UnsignedInteger32(7));
        assertThat(drain(next.getResponses())).hasSize(7);
        // OperationTimeout was 1 s: the context expires without further pulls, and its stream is closed.
        long deadline = System.currentTimeMillis() + 10_000;
        while (server.dispatcher().openEnumerations() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.dispatcher().openEnumerations()).isZero();
        assertThat(settings.closed).isTrue();
        assertThatThrownBy(() -> client.getInstancesWithPath(path(NS, "TST_Setting"), next.getContext(),
                new UnsignedInteger32(1))).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT));
    }
}
