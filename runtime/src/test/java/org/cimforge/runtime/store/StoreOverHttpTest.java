package org.cimforge.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.runtime.store.StoreFixture.NS;
import static org.cimforge.runtime.store.StoreFixture.disk;
import static org.cimforge.runtime.store.StoreFixture.key;
import static org.cimforge.runtime.store.StoreFixture.path;
import static org.cimforge.runtime.store.StoreFixture.prop;
import static org.cimforge.runtime.store.StoreFixture.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.Subject;
import org.cimforge.runtime.CimClassInfo;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimKind;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.client.TypedClient;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.runtime.server.CimServer;
import org.cimforge.runtime.server.CimServerConfig;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/**
 * A namespace served from a MOF resource with {@code instance of} declarations (an association among them, made from
 * aliases), driven over HTTP by the SBLIM client: CRUD, associations, pull, and the typed client's CRUD; STO_Counter
 * is served by a typed {@link InMemoryInstanceProvider} subclass sharing the same store.
 */
class StoreOverHttpTest {
    static final CimClassInfo DISK = CimClassInfo.builder("STO_Disk", null)
            .property("DeviceID", CimKind.STRING, false, null, true)
            .property("Capacity", CimKind.UINT64, false, null, false)
            .property("Slot", CimKind.UINT16, false, null, false)
            .property("ElementName", CimKind.STRING, false, null, false).build();
    static final CimClassInfo COUNTER = CimClassInfo.builder("STO_Counter", null)
            .property("Id", CimKind.UINT32, false, null, true)
            .property("Value", CimKind.SINT64, false, null, false).build();

    /** A hand-written stand-in for a generated instance class. */
    static final class Disk extends CimInstanceBase {
        Disk(CIMInstance instance) {
            super(DISK, instance);
        }
    }

    /** The same for the counter. */
    static final class Counter extends CimInstanceBase {
        Counter(CIMInstance instance) {
            super(COUNTER, instance);
        }
    }

    /** What a generated client stub looks like. */
    static final class DiskClient extends TypedClient<Disk> {
        DiskClient(WBEMClient client) {
            super(client, NS, DISK, Disk::new);
        }
    }

    /** A typed store-backed provider that overrides one operation: the MOF's counter 5 may not be deleted. */
    static final class CounterProvider extends InMemoryInstanceProvider<Counter> {
        CounterProvider(CimInstanceStore store) {
            super(store, COUNTER, Counter::new);
        }

        @Override
        public void deleteInstance(InvocationContext context, CimReference<Counter> name) throws WBEMException {
            if ("5".equals(String.valueOf(name.keyValue("Id")))) {
                throw new WBEMException(WBEMException.CIM_ERR_ACCESS_DENIED, "counter 5 is permanent");
            }
            super.deleteInstance(context, name);
        }
    }

    static CimServer server;
    static WBEMClient client;
    static CimInstanceStore store;

    @BeforeAll
    static void start() throws Exception {
        CimClassRepository classes = new CimClassRepository();
        CimProviderRegistry providers = new CimProviderRegistry();
        store = new CimInstanceStore(classes);
        // The typed provider is registered first, so the MOF's counter is served through it.
        providers.typed(NS, new CounterProvider(store));
        new CimNamespaces(classes, providers, store).fromResource(NS, "cimforge-server/store-model.mof");
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build();
        server = CimServer.start(config, classes, providers);
        client = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrivateCredentials().add(new PasswordCredential("secret"));
        client.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(server.port()), null, null, null),
                subject, new Locale[] {Locale.US});
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.stop();
    }

    static <T> List<T> drain(CloseableIterator<T> it) {
        List<T> out = new ArrayList<>();
        try {
            while (it.hasNext()) {
                out.add(it.next());
            }
        } finally {
            it.close();
        }
        return out;
    }

    static int code(Call call) {
        try {
            call.run();
        } catch (WBEMException e) {
            return e.getID();
        }
        throw new AssertionError("no WBEMException");
    }

    interface Call {
        void run() throws WBEMException;
    }

    @Test
    void aTypedStoreProviderAnswersWithoutWaitingUntilASubclassTakesOverGetInstance() {
        assertThat(new CounterProvider(store).nonBlocking()).as("overrides deleteInstance only").isTrue();
        InMemoryInstanceProvider<Counter> ownLookup = new InMemoryInstanceProvider<>(store, COUNTER, Counter::new) {
            @Override
            public Counter getInstance(InvocationContext context, CimReference<Counter> name) throws WBEMException {
                return super.getInstance(context, name);
            }
        };
        assertThat(ownLookup.nonBlocking()).isFalse();
        CimInstanceStore extendedStore = new CimInstanceStore(new CimClassRepository()) {
        };
        assertThat(new CounterProvider(extendedStore).nonBlocking()).isFalse();
    }

    @Test
    void mofInstancesAreServedTyped() throws Exception {
        List<CIMInstance> disks = drain(client.enumerateInstances(path("STO_Disk"), true, false, false, null));
        assertThat(disks).extracting(i -> i.getPropertyValue("DeviceID")).contains("d1", "d2");
        CIMInstance d1 = client.getInstance(disk("d1"), false, false, null);
        assertThat(d1.getPropertyValue("Capacity")).isEqualTo(new UnsignedInteger64("1073741824"));
        assertThat((Object[]) d1.getPropertyValue("Status"))
                .containsExactly(new UnsignedInteger16(2), new UnsignedInteger16(32768));
        // The abstract base enumerates the subclasses the store serves.
        List<CIMInstance> elements = drain(client.enumerateInstances(path("STO_Element"), true, false, false, null));
        assertThat(elements).extracting(CIMInstance::getClassName).contains("STO_System", "STO_Disk");
        // PropertyList on read; unset properties come back NULL (absent on the wire), keys always there.
        CIMInstance few = client.getInstance(disk("d2"), false, false, new String[] {"Slot"});
        assertThat(few.getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(2));
        assertThat(few.getProperty("Capacity")).isNull();
        assertThat(client.getInstance(disk("d2"), false, false, null).getPropertyValue("Load")).isNull();
    }

    @Test
    void crudWithErrorCodes() throws Exception {
        CIMInstance fresh = new CIMInstance(path("STO_Disk"), new CIMProperty<?>[] {
            key("DeviceID", "h1"), prop("Capacity", new UnsignedInteger64("10")), prop("Slot", new UnsignedInteger16(4))});
        CIMObjectPath created = client.createInstance(fresh);
        assertThat(created.getKeyValue("DeviceID")).isEqualTo("h1");
        assertThat(code(() -> client.createInstance(fresh))).isEqualTo(WBEMException.CIM_ERR_ALREADY_EXISTS);
        assertThat(code(() -> client.createInstance(new CIMInstance(path("STO_Disk"), new CIMProperty<?>[] {
            prop("Slot", new UnsignedInteger16(4))})))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);

        CIMObjectPath h1 = disk("h1");
        client.modifyInstance(new CIMInstance(h1, new CIMProperty<?>[] {
            prop("Capacity", new UnsignedInteger64("20")), prop("Slot", new UnsignedInteger16(9))}),
                new String[] {"Capacity"});
        CIMInstance read = client.getInstance(h1, false, false, null);
        assertThat(read.getPropertyValue("Capacity")).isEqualTo(new UnsignedInteger64("20"));
        assertThat(read.getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(4));
        assertThat(code(() -> client.modifyInstance(new CIMInstance(h1, new CIMProperty<?>[0]),
                new String[] {"Colour"}))).isEqualTo(WBEMException.CIM_ERR_NO_SUCH_PROPERTY);
        assertThat(code(() -> client.modifyInstance(new CIMInstance(h1, new CIMProperty<?>[] {
            key("DeviceID", "h2")}), new String[] {"DeviceID"}))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> client.modifyInstance(new CIMInstance(disk("h9"), new CIMProperty<?>[] {
            prop("Slot", new UnsignedInteger16(1))}), null))).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);

        client.deleteInstance(h1);
        assertThat(code(() -> client.getInstance(h1, false, false, null))).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);
        assertThat(code(() -> client.deleteInstance(h1))).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);
    }

    @Test
    void associationsFromAliases() throws Exception {
        assertThat(drain(client.associatorNames(disk("d1"), "STO_SystemDisk", null, null, null)))
                .singleElement().satisfies(p -> assertThat(p.getKeyValue("Name")).isEqualTo("array1"));
        assertThat(drain(client.associatorInstances(system(), "STO_SystemDisk", "STO_Disk", "System", "Disk", false,
                null))).extracting(i -> i.getPropertyValue("DeviceID")).containsExactlyInAnyOrder("d1", "d2");
        assertThat(drain(client.associatorNames(system(), null, null, "Disk", null))).isEmpty();
        assertThat(drain(client.referenceInstances(system(), "STO_SystemDisk", "System", false, null)))
                .extracting(i -> i.getPropertyValue("Slot"))
                .containsExactlyInAnyOrder(new UnsignedInteger16(1), new UnsignedInteger16(2));
        assertThat(drain(client.referenceNames(disk("d2"), null, null))).hasSize(1);
    }

    @Test
    void pullInBatches() throws Exception {
        EnumerateResponse<CIMInstance> first = client.enumerateInstances(path("STO_Element"), true, false, null,
                null, null, new UnsignedInteger32(30), false, new UnsignedInteger32(1));
        List<CIMInstance> all = new ArrayList<>(drain(first.getResponses()));
        assertThat(all).hasSize(1);
        String context = first.getContext();
        boolean end = first.isEnd();
        for (int round = 0; !end && round < 20; round++) {
            EnumerateResponse<CIMInstance> next = client.getInstancesWithPath(path("STO_Element"), context,
                    new UnsignedInteger32(1));
            all.addAll(drain(next.getResponses()));
            end = next.isEnd();
            context = next.getContext();
        }
        assertThat(end).isTrue();
        assertThat(all).extracting(CIMInstance::getClassName).contains("STO_System", "STO_Disk");
        assertThat(all.size()).isEqualTo(
                drain(client.enumerateInstances(path("STO_Element"), true, false, false, null)).size());
    }

    @Test
    void typedProviderOverridesOneOperationAndKeepsTheRest() throws Exception {
        CIMObjectPath five = path("STO_Counter", key("Id", new UnsignedInteger32(5)));
        assertThat(client.getInstance(five, false, false, null).getPropertyValue("Value")).isEqualTo(7L);
        assertThat(code(() -> client.deleteInstance(five))).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED);
        CIMObjectPath six = client.createInstance(new CIMInstance(path("STO_Counter"), new CIMProperty<?>[] {
            key("Id", new UnsignedInteger32(6)), prop("Value", 1L)}));
        assertThat(code(() -> client.createInstance(new CIMInstance(path("STO_Counter"), new CIMProperty<?>[] {
            key("Id", new UnsignedInteger32(6))})))).isEqualTo(WBEMException.CIM_ERR_ALREADY_EXISTS);
        client.deleteInstance(six);
        assertThat(store.get(NS, six)).isNull();
    }

    @Test
    void typedClientCrud() throws Exception {
        DiskClient disks = new DiskClient(client);
        Disk fresh = new Disk(new CIMInstance(new CIMObjectPath(null, null, null, null, "STO_Disk",
                new CIMProperty<?>[] {key("DeviceID", "t1")}), new CIMProperty<?>[] {
                    key("DeviceID", "t1"), prop("Slot", new UnsignedInteger16(7))}));
        CimReference<Disk> ref = disks.create(fresh);
        assertThat(ref.keyValue("DeviceID")).isEqualTo("t1");
        assertThat(disks.get(ref).rawValue("Slot")).isEqualTo(7);
        assertThatThrownBy(() -> disks.create(fresh)).isInstanceOfSatisfying(WBEMException.class, e -> {
            assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ALREADY_EXISTS);
            assertThat(e.getMessage()).startsWith("CreateInstance of STO_Disk failed");
        });

        Disk fetched = disks.get(ref);
        CIMInstance raw = fetched.toCimInstance();
        Disk changed = new Disk(new CIMInstance(raw.getObjectPath(), new CIMProperty<?>[] {
            key("DeviceID", "t1"), prop("Slot", new UnsignedInteger16(8)), prop("ElementName", "renamed")}));
        disks.modify(changed, "Slot");
        Disk after = disks.get(ref);
        assertThat(after.rawValue("Slot")).isEqualTo(8);
        assertThat(after.rawValue("ElementName")).isNull();
        disks.modify(changed);
        assertThat(disks.get(ref).rawValue("ElementName")).isEqualTo("renamed");
        assertThatThrownBy(() -> disks.modify(changed, "Colour")).isInstanceOfSatisfying(WBEMException.class,
                e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NO_SUCH_PROPERTY));
        Disk pathless = new Disk(new CIMInstance(new CIMObjectPath(null, null, null, null, "STO_Disk", null),
                new CIMProperty<?>[] {key("DeviceID", "t1")}));
        assertThatThrownBy(() -> disks.modify(pathless, "Slot")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STO_Disk");

        disks.delete(ref);
        assertThatThrownBy(() -> disks.delete(ref)).isInstanceOfSatisfying(WBEMException.class, e -> {
            assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);
            assertThat(e.getMessage()).startsWith("DeleteInstance of");
        });
        assertThat(disks.enumerate()).extracting(d -> d.rawValue("DeviceID")).doesNotContain("t1");
    }
}
