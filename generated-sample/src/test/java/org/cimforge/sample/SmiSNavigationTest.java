package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.sample.SampleArrayFixture.GIB;
import static org.cimforge.sample.SampleArrayFixture.named;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.cim.ComputerSystem;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyStoragePoolResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.DeleteStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.DeleteStoragePoolResult;
import org.cimforge.sample.bindings.cim.client.ComputerSystemClient;
import org.cimforge.sample.bindings.cim.client.StorageConfigurationServiceClient;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two SMI-S walks generic clients make from a system, with the SBLIM client used generically: to its pools with
 * CIM_HostedStoragePool (Block Services), and back to its registered profiles with CIM_ElementConformsToProfile
 * (Profile Registration), for both vendors and for pools and systems created at run time.
 */
class SmiSNavigationTest {
    private static final String NS = SampleServer.NAMESPACE;
    private static final String HOSTED = "CIM_HostedStoragePool";
    private static final String CONFORMS = "CIM_ElementConformsToProfile";
    private static final List<String> PROFILES = List.of("Array 1.8.0", "Block Services 1.8.0", "Copy Services 1.4.0",
            "Replication Services 1.8.0", "Job Control 1.8.0", "Indication 1.8.0");

    private SampleArrayFixture array;
    private CIMObjectPath inserv;
    private CIMObjectPath ess;

    @BeforeEach
    void start() throws Exception {
        array = new SampleArrayFixture();
        List<ComputerSystem> systems = new ComputerSystemClient(array.client, NS).enumerate();
        inserv = named(systems, SampleArrayFixture.INSERV).reference().path();
        ess = named(systems, SampleArrayFixture.ESS).reference().path();
    }

    @AfterEach
    void stop() throws Exception {
        array.close();
    }

    private static <T> List<T> drain(CloseableIterator<T> it) {
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

    private List<String> hostedPoolIds(CIMObjectPath system) throws WBEMException {
        return drain(array.client.associatorNames(system, HOSTED, "CIM_StoragePool", "GroupComponent",
                "PartComponent")).stream().map(p -> (String) p.getKeyValue("InstanceID")).toList();
    }

    @Test
    void hostedStoragePoolLeadsFromEachSystemToItsPoolsAndBack() throws Exception {
        assertThat(hostedPoolIds(inserv)).containsExactly("CIMForge:P2");
        assertThat(hostedPoolIds(ess)).containsExactly("CIMForge:P7");
        List<CIMInstance> pools = drain(array.client.associatorInstances(inserv, HOSTED, null, null, null, false,
                null));
        assertThat(pools).singleElement().satisfies(p -> {
            assertThat(p.getClassName()).isEqualTo("CIM_StoragePool");
            assertThat(p.getPropertyValue("ElementName")).isEqualTo("FC_r5");
        });
        assertThat(drain(array.client.associatorInstances(ess, HOSTED, null, null, null, false, null)))
                .extracting(p -> p.getPropertyValue("ElementName")).containsExactly("ESS pool");

        CIMObjectPath essPool = pools(ess).get(0);
        assertThat(drain(array.client.associatorNames(essPool, HOSTED, null, "PartComponent", "GroupComponent")))
                .singleElement().satisfies(s -> {
                    assertThat(s.getObjectName()).isEqualTo("CIM_ComputerSystem");
                    assertThat(s.getKeyValue("Name")).isEqualTo("SYS6");
                });
        // Filters that name the wrong end or class leave nothing.
        assertThat(drain(array.client.associatorNames(inserv, HOSTED, null, "PartComponent", null))).isEmpty();
        assertThat(drain(array.client.associatorNames(inserv, HOSTED, null, null, "GroupComponent"))).isEmpty();
        assertThat(drain(array.client.associatorNames(inserv, HOSTED, "CIM_StorageVolume", null, null))).isEmpty();
    }

    private List<CIMObjectPath> pools(CIMObjectPath system) throws WBEMException {
        return drain(array.client.associatorNames(system, HOSTED, null, null, null));
    }

    @Test
    void hostedStoragePoolRowsCanBeEnumeratedReadAndReferenced() throws Exception {
        List<CIMInstance> rows = drain(array.client.enumerateInstances(
                new CIMObjectPath(null, null, null, NS, HOSTED, null), true, false, false, null));
        assertThat(rows).extracting(r -> ((CIMObjectPath) r.getPropertyValue("GroupComponent")).getKeyValue("Name")
                + " " + ((CIMObjectPath) r.getPropertyValue("PartComponent")).getKeyValue("InstanceID"))
                .containsExactlyInAnyOrder("SYS1 CIMForge:P2", "SYS6 CIMForge:P7");
        CIMInstance one = array.client.getInstance(rows.get(0).getObjectPath(), false, false, null);
        assertThat(one.getClassName()).isEqualTo(HOSTED);
        assertThat(one.getPropertyValue("PartComponent")).isEqualTo(rows.get(0).getPropertyValue("PartComponent"));

        List<CIMObjectPath> refs = drain(array.client.referenceNames(inserv, HOSTED, "GroupComponent"));
        assertThat(refs).singleElement().satisfies(r -> {
            assertThat(r.getObjectName()).isEqualTo(HOSTED);
            assertThat(((CIMObjectPath) r.getKeyValue("PartComponent")).getKeyValue("InstanceID"))
                    .isEqualTo("CIMForge:P2");
        });
        assertThat(drain(array.client.referenceInstances(ess, HOSTED, null, false, null)))
                .extracting(r -> ((CIMObjectPath) r.getPropertyValue("PartComponent")).getKeyValue("InstanceID"))
                .containsExactly("CIMForge:P7");
        // The generic CIM_SystemComponent walk still finds the pools, once each, under the specific class.
        assertThat(drain(array.client.referenceNames(inserv, "CIM_SystemComponent", null)))
                .extracting(CIMObjectPath::getObjectName).containsExactlyInAnyOrder(HOSTED, "CIM_SystemDevice",
                        "CIM_SystemDevice", "CIM_SystemDevice");
    }

    @Test
    void poolsCreatedAtRunTimeAreHostedAndDeletedPoolsDisappear() throws Exception {
        StorageConfigurationServiceClient services = new StorageConfigurationServiceClient(array.client, NS);
        List<String> created = new ArrayList<>();
        for (CIMObjectPath system : List.of(inserv, ess)) {
            CimReference<org.cimforge.sample.bindings.cim.StorageConfigurationService> service = CimReference.of(
                    drain(array.client.associatorNames(system, "CIM_HostedService",
                            "CIM_StorageConfigurationService", null, null)).get(0));
            CreateOrModifyStoragePoolResult made = services.createOrModifyStoragePool(service,
                    new CreateOrModifyStoragePoolArgs.Builder().elementName("nav-pool")
                            .size(BigInteger.valueOf(4 * GIB)).build());
            assertThat(made.getReturnCode()).isEqualTo(CreateOrModifyStoragePoolResult.ReturnCode
                    .JOB_COMPLETED_WITH_NO_ERROR);
            String id = (String) made.getPool().path().getKeyValue("InstanceID");
            created.add(id);
            assertThat(hostedPoolIds(system)).as("pools of %s", system).hasSize(2).contains(id);

            DeleteStoragePoolResult deleted = services.deleteStoragePool(service,
                    new DeleteStoragePoolArgs.Builder().pool(made.getPool()).build());
            assertThat(deleted.getReturnCode()).isEqualTo(DeleteStoragePoolResult.ReturnCode
                    .JOB_COMPLETED_WITH_NO_ERROR);
            assertThat(hostedPoolIds(system)).as("pools of %s", system).doesNotContain(id).hasSize(1);
        }
        assertThat(created).doesNotHaveDuplicates().doesNotContain("CIMForge:P2", "CIMForge:P7");
        List<CIMObjectPath> rows = drain(array.client.enumerateInstanceNames(
                new CIMObjectPath(null, null, null, NS, HOSTED, null)));
        assertThat(rows).hasSize(2);
    }

    @Test
    void aDeletedPoolsRowIsNotFound() throws Exception {
        StorageSystem system = array.server.engine().storage().systems().stream()
                .filter(s -> s.name().equals(SampleArrayFixture.INSERV)).findFirst().orElseThrow();
        String pool = array.server.engine().storage().createPool(system.id(), "short-lived", GIB, 0, 0).orThrow()
                .id();
        CIMObjectPath shortLived = drain(array.client.referenceNames(inserv, HOSTED, null)).stream()
                .filter(r -> ("CIMForge:" + pool).equals(((CIMObjectPath) r.getKeyValue("PartComponent"))
                        .getKeyValue("InstanceID"))).findFirst().orElseThrow();
        assertThat(array.client.getInstance(shortLived, false, false, null).getClassName()).isEqualTo(HOSTED);
        array.server.engine().storage().deletePool(pool).orThrow();
        assertThatThrownBy(() -> array.client.getInstance(shortLived, false, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
        assertThat(hostedPoolIds(inserv)).containsExactly("CIMForge:P2");
    }

    private List<String> profilesOf(CIMObjectPath system) throws WBEMException {
        return drain(array.client.associatorInstances(system, CONFORMS, "CIM_RegisteredProfile", null, null, false,
                null)).stream().map(p -> p.getPropertyValue("RegisteredName") + " "
                        + p.getPropertyValue("RegisteredVersion")).toList();
    }

    @Test
    void eachSystemLeadsBackToItsRegisteredProfilesInTheInteropNamespace() throws Exception {
        for (CIMObjectPath system : List.of(inserv, ess)) {
            List<CIMObjectPath> names = drain(array.client.associatorNames(system, CONFORMS, null, null, null));
            assertThat(names).as("profiles of %s", system).hasSize(PROFILES.size()).allSatisfy(p -> {
                assertThat(p.getNamespace()).isEqualTo("root/interop");
                assertThat(p.getObjectName()).isEqualTo("CIM_RegisteredProfile");
            });
            assertThat(names).extracting(p -> p.getKeyValue("InstanceID")).contains("SNIA+Array+1.8.0",
                    "SNIA+Block Services+1.8.0");
            assertThat(profilesOf(system)).as("profiles of %s", system).containsExactlyInAnyOrderElementsOf(PROFILES);

            List<CIMObjectPath> refs = drain(array.client.referenceNames(system, CONFORMS, "ManagedElement"));
            assertThat(refs).hasSize(PROFILES.size()).allSatisfy(r -> {
                assertThat(r.getNamespace()).isEqualTo(NS);
                assertThat(((CIMObjectPath) r.getKeyValue("ConformantStandard")).getNamespace())
                        .isEqualTo("root/interop");
                assertThat(((CIMObjectPath) r.getKeyValue("ManagedElement")).getKeyValue("Name"))
                        .isEqualTo(system.getKeyValue("Name"));
            });
        }
    }

    @Test
    void aSystemCreatedAtRunTimeConformsFromItsOwnSideTooAndHostsItsPools() throws Exception {
        StorageSystem added = array.server.engine().storage().createSystem("InServ-2", 50 * GIB, null).orThrow();
        CIMObjectPath system = new CIMObjectPath(null, null, null, NS, "TPD_StorageSystem", new CIMProperty<?>[] {
            new CIMProperty<>("CreationClassName", CIMDataType.STRING_T, "TPD_StorageSystem", true, false, null),
            new CIMProperty<>("Name", CIMDataType.STRING_T, added.id(), true, false, null)});
        // The relay ties new systems to the profiles on its own thread.
        SampleArrayFixture.eventually("InServ-2 conforms to the profiles", () -> {
            try {
                return profilesOf(system).size() == PROFILES.size();
            } catch (WBEMException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(profilesOf(system)).containsExactlyInAnyOrderElementsOf(PROFILES);
        assertThat(hostedPoolIds(system)).isEmpty();
        String pool = array.server.engine().storage().createPool(added.id(), "late", 10 * GIB, 0, 0).orThrow().id();
        assertThat(hostedPoolIds(system)).containsExactly("CIMForge:" + pool);
    }
}
