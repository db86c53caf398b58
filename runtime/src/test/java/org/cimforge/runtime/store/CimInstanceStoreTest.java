package org.cimforge.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.runtime.store.StoreFixture.NS;
import static org.cimforge.runtime.store.StoreFixture.disk;
import static org.cimforge.runtime.store.StoreFixture.key;
import static org.cimforge.runtime.store.StoreFixture.nullString;
import static org.cimforge.runtime.store.StoreFixture.path;
import static org.cimforge.runtime.store.StoreFixture.prop;
import static org.cimforge.runtime.store.StoreFixture.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The store on its own: MOF loading, keys, every error code, PropertyList rules, references, quota, concurrency. */
class CimInstanceStoreTest {
    CimClassRepository classes;
    CimProviderRegistry providers;
    CimInstanceStore store;

    @BeforeEach
    void load() {
        classes = new CimClassRepository();
        providers = new CimProviderRegistry();
        store = new CimNamespaces(classes, providers).fromSchema(NS, StoreFixture.schema()).store();
    }

    static CIMInstance newDisk(String id, Object... namesAndValues) {
        List<CIMProperty<?>> props = new ArrayList<>();
        props.add(key("DeviceID", id));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            props.add(prop((String) namesAndValues[i], namesAndValues[i + 1]));
        }
        return new CIMInstance(path("STO_Disk"), props.toArray(new CIMProperty<?>[0]));
    }

    static int code(ThrowingCall call) {
        try {
            call.run();
        } catch (WBEMException e) {
            return e.getID();
        }
        throw new AssertionError("no WBEMException");
    }

    interface ThrowingCall {
        void run() throws WBEMException;
    }

    @Test
    void theStoreAnswersWithoutWaitingButASubclassMustSaySoItself() {
        assertThat(store.nonBlocking()).isTrue();
        CimInstanceStore extended = new CimInstanceStore(classes) {
        };
        assertThat(extended.nonBlocking()).as("a subclass may override getInstance with work that waits").isFalse();
    }

    @Test
    void mofInstancesAreLoadedWithTypedValues() throws Exception {
        assertThat(store.size(NS)).isEqualTo(6);
        CIMInstance d1 = store.get(NS, disk("d1"));
        assertThat(d1.getPropertyValue("Capacity")).isEqualTo(new UnsignedInteger64("1073741824"));
        assertThat(d1.getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(1));
        assertThat((Object[]) d1.getPropertyValue("Status"))
                .containsExactly(new UnsignedInteger16(2), new UnsignedInteger16(32768));
        assertThat((Object[]) d1.getPropertyValue("Tags")).containsExactly("gold", "fast");
        assertThat(d1.getPropertyValue("Online")).isEqualTo(Boolean.TRUE);
        assertThat(d1.getPropertyValue("Load")).isEqualTo(0.25);
        assertThat(d1.getPropertyValue("Installed")).isEqualTo(new CIMDateTimeAbsolute("20240131120005.123456+000"));
        assertThat(d1.getPropertyValue("Grade")).isEqualTo('A');
        // Unset properties are there, NULL; every property of the class is in the stored instance.
        assertThat(d1.getProperty("ElementName")).isNotNull();
        assertThat(d1.getPropertyValue("ElementName")).isNull();
        assertThat(d1.getProperties()).hasSize(10);
        assertThat(d1.getObjectPath().getNamespace()).isEqualTo(NS);
        // A class default fills an unset property.
        CIMInstance counter = store.get(NS, path("STO_Counter", key("Id", new UnsignedInteger32(5))));
        assertThat(counter.getPropertyValue("Value")).isEqualTo(7L);
    }

    @Test
    void aliasesAndObjectPathStringsBecomeTheSamePaths() throws Exception {
        List<CIMInstance> links = store.instances(NS, "STO_SystemDisk");
        assertThat(links).hasSize(2);
        CIMObjectPath sys = store.get(NS, system()).getObjectPath();
        for (CIMInstance link : links) {
            CIMObjectPath ref = (CIMObjectPath) link.getPropertyValue("System");
            // Written once as $sys and once as a string: both are the system's own path, keys typed.
            assertThat(ref).isEqualTo(sys);
            CIMObjectPath diskRef = (CIMObjectPath) link.getPropertyValue("Disk");
            assertThat(store.get(NS, diskRef)).isNotNull();
        }
        assertThat(store.references(NS, "STO_SystemDisk", disk("d2"), "Disk")).hasSize(1)
                .first().satisfies(i -> assertThat(i.getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(2)));
        assertThat(store.references(NS, "STO_SystemDisk", disk("d2"), "System")).isEmpty();
        assertThat(store.references(NS, "STO_SystemDisk", system(), null)).hasSize(2);
    }

    @Test
    void keysAreCanonical() throws Exception {
        // Class and key names in any case; numeric keys by value whatever the Java type.
        assertThat(store.get(NS, new CIMObjectPath(null, null, null, NS, "sto_disk",
                new CIMProperty<?>[] {key("deviceid", "d1")}))).isNotNull();
        assertThat(store.get(NS, path("STO_Counter", key("ID", 5L)))).isNotNull();
        assertThat(store.get(NS, path("STO_Counter", key("Id", new UnsignedInteger64("5"))))).isNotNull();
        assertThat(store.get(NS, path("STO_Counter", key("Id", 6L)))).isNull();
        // String keys stay case-sensitive: values are not names.
        assertThat(store.get(NS, disk("D1"))).isNull();
        // A REF key matches whatever order, case and namespace its own keys come in.
        CIMObjectPath sys = new CIMObjectPath(null, "elsewhere", null, "ROOT/Store", "sto_system",
                new CIMProperty<?>[] {key("name", "array1"), key("CREATIONCLASSNAME", "STO_System")});
        CIMObjectPath link = path("STO_SystemDisk", key("Disk", disk("d1")), key("System", sys));
        assertThat(store.get(NS, link)).isNotNull();
    }

    @Test
    void createReadModifyDelete() throws Exception {
        CIMObjectPath created = store.create(NS, newDisk("d9", "Capacity", 100L, "Slot", 9));
        assertThat(created.getKeyValue("DeviceID")).isEqualTo("d9");
        assertThat(created.getNamespace()).isEqualTo(NS);
        CIMInstance read = store.get(NS, created);
        // A Long for a uint64 and an Integer for a uint16 are stored in their CIM types.
        assertThat(read.getPropertyValue("Capacity")).isEqualTo(new UnsignedInteger64("100"));
        assertThat(read.getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(9));

        // PropertyList: only Capacity changes; Slot is carried but not listed, so it stays; ElementName is listed
        // but not carried, so it becomes NULL.
        store.modify(NS, new CIMInstance(created, new CIMProperty<?>[] {
            prop("ElementName", "before")}), null);
        store.modify(NS, new CIMInstance(created, new CIMProperty<?>[] {
            prop("Capacity", 200L), prop("Slot", 1)}), new String[] {"capacity", "ElementName"});
        read = store.get(NS, created);
        assertThat(read.getPropertyValue("Capacity")).isEqualTo(new UnsignedInteger64("200"));
        assertThat(read.getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(9));
        assertThat(read.getPropertyValue("ElementName")).isNull();

        // Without a list every carried property is set, NULL included; the same key value is fine.
        store.modify(NS, new CIMInstance(created, new CIMProperty<?>[] {
            key("DeviceID", "d9"), prop("Slot", 3), nullString("ElementName")}), null);
        assertThat(store.get(NS, created).getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(3));

        store.delete(NS, created);
        assertThat(store.get(NS, created)).isNull();
        assertThat(store.size(NS)).isEqualTo(6);
    }

    @Test
    void everyErrorCode() throws Exception {
        store.create(NS, newDisk("e1"));
        assertThat(code(() -> store.create(NS, newDisk("e1")))).isEqualTo(WBEMException.CIM_ERR_ALREADY_EXISTS);
        assertThat(code(() -> store.delete(NS, disk("nope")))).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);
        assertThat(code(() -> store.modify(NS, new CIMInstance(disk("nope"), new CIMProperty<?>[] {
            prop("Slot", 1)}), null))).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND);
        // Missing key, a NULL key, a wrong type, a value that does not fit, an unknown property, an abstract class.
        assertThat(code(() -> store.create(NS, new CIMInstance(path("STO_Disk"), new CIMProperty<?>[] {
            prop("Slot", 1)})))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.create(NS, new CIMInstance(path("STO_Disk"), new CIMProperty<?>[] {
            nullString("DeviceID")})))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.create(NS, newDisk("e2", "Slot", "three"))))
                .isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.create(NS, newDisk("e2", "Slot", 70_000))))
                .isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.create(NS, newDisk("e2", "Colour", "red"))))
                .isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.create(NS, new CIMInstance(path("STO_Element"), new CIMProperty<?>[] {
            prop("ElementName", "x")})))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.create(NS, new CIMInstance(path("STO_Loose"), new CIMProperty<?>[] {
            prop("Name", "x")})))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        // A path without its keys, or with a key the class does not have.
        assertThat(code(() -> store.get(NS, path("STO_System", key("Name", "array1")))))
                .isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.get(NS, path("STO_Disk", key("Serial", "1")))))
                .isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.get(NS, path("STO_Disk", new CIMProperty<>("DeviceID",
                org.metricshub.wbem.javax.cim.CIMDataType.STRING_T, null, true, false, null)))))
                .isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        // ModifyInstance: an unknown property (listed or carried) is NO_SUCH_PROPERTY; a changed key is refused.
        assertThat(code(() -> store.modify(NS, new CIMInstance(disk("e1"), new CIMProperty<?>[0]),
                new String[] {"Colour"}))).isEqualTo(WBEMException.CIM_ERR_NO_SUCH_PROPERTY);
        assertThat(code(() -> store.modify(NS, new CIMInstance(disk("e1"), new CIMProperty<?>[] {
            prop("Colour", "red")}), null))).isEqualTo(WBEMException.CIM_ERR_NO_SUCH_PROPERTY);
        assertThat(code(() -> store.modify(NS, new CIMInstance(disk("e1"), new CIMProperty<?>[] {
            key("DeviceID", "e7")}), null))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(code(() -> store.modify(NS, new CIMInstance(disk("e1"), new CIMProperty<?>[] {
            prop("Slot", "x")}), null))).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
        assertThat(store.get(NS, disk("e1"))).isNotNull();
        assertThat(store.get(NS, disk("e7"))).isNull();
        // Unknown class and namespace.
        assertThat(code(() -> store.get(NS, path("STO_Nothing", key("X", "1")))))
                .isEqualTo(WBEMException.CIM_ERR_INVALID_CLASS);
        assertThat(code(() -> store.get("root/none", disk("d1")))).isEqualTo(WBEMException.CIM_ERR_INVALID_NAMESPACE);
    }

    @Test
    void quotaRefusesWithFailedAndFreesOnDelete() throws Exception {
        CimInstanceStore small = new CimInstanceStore(classes, 8);
        assertThat(small.loadMof(NS)).isEqualTo(6);
        small.create(NS, newDisk("q1"));
        small.create(NS, newDisk("q2"));
        assertThatThrownBy(() -> small.create(NS, newDisk("q3"))).isInstanceOfSatisfying(WBEMException.class,
                e -> {
                    assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_FAILED);
                    assertThat(e.getMessage()).contains("maximum of 8 instances");
                });
        // Replacing an existing instance at the limit is not a new instance.
        small.put(NS, newDisk("q2", "Slot", 4));
        assertThat(small.get(NS, disk("q2")).getPropertyValue("Slot")).isEqualTo(new UnsignedInteger16(4));
        small.delete(NS, disk("q1"));
        small.create(NS, newDisk("q3"));
        assertThat(small.size(NS)).isEqualTo(8);
        assertThatThrownBy(() -> new CimInstanceStore(classes, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serveRegistersClassesWithInstancesUnlessTheyHaveAProvider() throws Exception {
        assertThat(providers.instanceProvider(NS, "STO_Disk")).isSameAs(store);
        assertThat(providers.instanceProvider(NS, "STO_SystemDisk")).isSameAs(store);
        assertThat(providers.instanceProvider(NS, "STO_FastDisk")).isNull();

        CimClassRepository other = new CimClassRepository();
        CimProviderRegistry mine = new CimProviderRegistry();
        CimInstanceProvider own = (context, className) -> List.of();
        mine.instances(NS, "STO_Disk", own);
        CimInstanceStore second = new CimNamespaces(other, mine).fromSchema(NS, StoreFixture.schema()).store();
        assertThat(mine.instanceProvider(NS, "STO_Disk")).isSameAs(own);
        assertThat(mine.instanceProvider(NS, "STO_System")).isSameAs(second);
        // Naming a class serves its subclasses too, for instances created later.
        second.serve(mine, NS, "STO_Disk", "STO_Loose");
        assertThat(mine.instanceProvider(NS, "STO_Disk")).isSameAs(own);
        assertThat(mine.instanceProvider(NS, "STO_FastDisk")).isSameAs(second);
        assertThat(mine.instanceProvider(NS, "STO_Loose")).isSameAs(second);
        assertThatThrownBy(() -> second.serve(mine, NS, "STO_Nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spiMethodsUseTheRequestNamespace() throws Exception {
        CimOperationContext context = new CimOperationContext("ROOT/STORE", null, "localhost");
        assertThat(store.enumerateInstances(context, "STO_Disk")).hasSize(2);
        assertThat(store.enumerateInstanceNames(context, "sto_disk")).hasSize(2);
        assertThat(store.streamInstances(context, "STO_Disk").spliterator().getExactSizeIfKnown()).isEqualTo(2);
        CIMObjectPath p = store.createInstance(context, newDisk("s1"));
        assertThat(store.getInstance(context, p)).isNotNull();
        store.modifyInstance(context, new CIMInstance(p, new CIMProperty<?>[] {prop("Slot", 2)}), null);
        store.deleteInstance(context, p);
        assertThat(store.references(context, "STO_SystemDisk", system(), "System")).hasSize(2);
    }

    @Test
    void concurrentCreatesOfOneKeyLetExactlyOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger won = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int round = 0; round < 300; round++) {
                        // Shared keys: every thread tries them; exactly one create per key may succeed.
                        try {
                            store.create(NS, newDisk("shared-" + round));
                            won.incrementAndGet();
                        } catch (WBEMException e) {
                            assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ALREADY_EXISTS);
                            refused.incrementAndGet();
                        }
                        // Own keys: create, modify, delete, and the count must come back.
                        CIMObjectPath own = store.create(NS, newDisk("own-" + thread + "-" + round));
                        store.modify(NS, new CIMInstance(own, new CIMProperty<?>[] {prop("Slot", round)}), null);
                        store.delete(NS, own);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                f.get();
            }
            assertThat(won.get()).isEqualTo(300);
            assertThat(refused.get()).isEqualTo(900);
            assertThat(store.size(NS)).isEqualTo(6 + 300);
            assertThat(store.instances(NS, "STO_Disk")).hasSize(2 + 300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentModificationsAreAtomicPerInstance() throws Exception {
        store.create(NS, newDisk("m1", "Capacity", 0L, "Slot", 0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int value = t;
                tasks.add(() -> {
                    for (int round = 0; round < 500; round++) {
                        // Both properties in one modification: a reader must never see them from two writers.
                        store.modify(NS, new CIMInstance(disk("m1"), new CIMProperty<?>[] {
                            prop("Capacity", (long) value), prop("Slot", value)}), null);
                        CIMInstance seen = store.get(NS, disk("m1"));
                        assertThat(((UnsignedInteger64) seen.getPropertyValue("Capacity")).intValue())
                                .isEqualTo(((UnsignedInteger16) seen.getPropertyValue("Slot")).intValue());
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
