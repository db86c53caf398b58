package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cimforge.runtime.server.SblimInteropTest.drain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.runtime.interop.CimInterop;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * CIM_ElementConformsToProfile navigated from both ends with the SBLIM client: from a profile in the interop namespace
 * to its elements, and from an element in its own namespace back to its profiles, including a namespace that does
 * not declare the association and one where a provider of the user's serves it.
 */
class SblimConformanceTest {
    static final String ELEMENTS = "root/elements";
    static final String CUSTOM = "root/custom";
    static final String INTEROP = CimInterop.NAMESPACE;
    static final String CONFORMS = "CIM_ElementConformsToProfile";
    static CimServer server;
    static WBEMClient client;
    static CIMObjectPath arrayProfile;
    static CIMObjectPath blockProfile;

    @BeforeAll
    static void start() throws Exception {
        CimSchema conformanceModel = conformanceModel();
        CimClassRepository repository = TestModel.repository().namespace(ELEMENTS, conformanceModel)
                .namespace(CUSTOM, conformanceModel);
        CimProviderRegistry providers = TestModel.providers()
                .instances(ELEMENTS, "TST_System", new TestModel.MapProvider("Name", system(ELEMENTS, "s1"),
                        system(ELEMENTS, "s2")))
                .instances(CUSTOM, "TST_System", new TestModel.MapProvider("Name", system(CUSTOM, "c1")))
                // The user's own provider of the association in CUSTOM: it answers one fixed row.
                .instances(CUSTOM, CONFORMS, new TestModel.MapProvider("ManagedElement", new CIMInstance(
                        new CIMObjectPath(null, null, null, CUSTOM, CONFORMS, null), new CIMProperty<?>[] {
                            ref("ConformantStandard", "CIM_RegisteredProfile", new CIMObjectPath(null, null, null,
                                    INTEROP, "CIM_RegisteredProfile", new CIMProperty<?>[] {
                                        key("InstanceID", "user+Own+1.0")})),
                            ref("ManagedElement", "CIM_ManagedElement", systemPath(CUSTOM, "c1"))})));
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build();
        server = CimServer.start(config, repository, providers);
        // Registered while the server runs, as a provider does for systems created at run time.
        arrayProfile = server.interop().registerProfile("SNIA", "Array", "1.8.0");
        blockProfile = server.interop().registerProfile("SNIA", "Block Services", "1.8.0");
        server.interop().conformsTo(arrayProfile, systemPath(ELEMENTS, "s1"));
        server.interop().conformsTo(blockProfile, systemPath(ELEMENTS, "s1"));
        server.interop().conformsTo(arrayProfile, systemPath(ELEMENTS, "s2"));
        server.interop().conformsTo(arrayProfile, TestModel.diskPath("TST_Disk", "d1"));
        server.interop().conformsTo(arrayProfile, systemPath(CUSTOM, "c1"));
        client = SblimInteropTest.connect(server.port(), "admin", "secret");
        drain(client.enumerateClassNames(new CIMObjectPath(null, null, null, ELEMENTS, null, null), false));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.stop();
    }

    static CimSchema conformanceModel() throws IOException {
        try (InputStream in = SblimConformanceTest.class.getResourceAsStream(
                "/cimforge-server/conformance-model.mof")) {
            String mof = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CompilationResult result = MofCompiler.builder().build().compileText("conformance-model.mof", mof);
            if (result.hasErrors()) {
                throw new IllegalStateException(result.renderDiagnostics());
            }
            return result.schema();
        }
    }

    static CIMProperty<String> key(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }

    static CIMProperty<CIMObjectPath> ref(String name, String refClass, CIMObjectPath value) {
        return new CIMProperty<>(name, new CIMDataType(refClass), value, true, false, null);
    }

    static CIMObjectPath systemPath(String namespace, String name) {
        return new CIMObjectPath(null, null, null, namespace, "TST_System", new CIMProperty<?>[] {key("Name", name)});
    }

    static CIMInstance system(String namespace, String name) {
        return new CIMInstance(systemPath(namespace, name), new CIMProperty<?>[] {
            key("Name", name), new CIMProperty<>("ElementName", CIMDataType.STRING_T, "System " + name)});
    }

    private static List<String> instanceIds(List<CIMObjectPath> paths) {
        return paths.stream().map(p -> (String) p.getKeyValue("InstanceID")).toList();
    }

    @Test
    void associatorNamesFromAnElementAreItsProfilesInTheInteropNamespace() throws Exception {
        List<CIMObjectPath> profiles = drain(client.associatorNames(systemPath(ELEMENTS, "s1"), CONFORMS, null,
                null, null));
        assertThat(instanceIds(profiles)).containsExactlyInAnyOrder("SNIA+Array+1.8.0", "SNIA+Block Services+1.8.0");
        assertThat(profiles).allSatisfy(p -> {
            assertThat(p.getNamespace()).isEqualTo(INTEROP);
            assertThat(p.getObjectName()).isEqualTo("CIM_RegisteredProfile");
        });
        assertThat(instanceIds(drain(client.associatorNames(systemPath(ELEMENTS, "s2"), CONFORMS,
                "CIM_RegisteredProfile", "ManagedElement", "ConformantStandard")))).containsExactly("SNIA+Array+1.8.0");
        // The element is at the ManagedElement end, so these filters leave nothing.
        assertThat(drain(client.associatorNames(systemPath(ELEMENTS, "s1"), CONFORMS, null, "ConformantStandard",
                null))).isEmpty();
        assertThat(drain(client.associatorNames(systemPath(ELEMENTS, "s1"), CONFORMS, null, null,
                "ManagedElement"))).isEmpty();
        assertThat(drain(client.associatorNames(systemPath(ELEMENTS, "s1"), CONFORMS, "TST_System", null,
                null))).isEmpty();
        // Without AssocClass the profiles are found too.
        assertThat(instanceIds(drain(client.associatorNames(systemPath(ELEMENTS, "s2"), null, null, null, null))))
                .containsExactly("SNIA+Array+1.8.0");
    }

    @Test
    void associatorsFromAnElementAreTheProfileInstances() throws Exception {
        List<CIMInstance> profiles = drain(client.associatorInstances(systemPath(ELEMENTS, "s1"), CONFORMS,
                "CIM_RegisteredProfile", null, null, false, null));
        assertThat(profiles).extracting(p -> p.getPropertyValue("RegisteredName") + " "
                + p.getPropertyValue("RegisteredVersion"))
                .containsExactlyInAnyOrder("Array 1.8.0", "Block Services 1.8.0");
        assertThat(profiles).allSatisfy(p -> assertThat(p.getObjectPath().getNamespace()).isEqualTo(INTEROP));
    }

    @Test
    void referencesFromAnElementLiveInItsNamespaceAndPointIntoTheInteropNamespace() throws Exception {
        List<CIMObjectPath> names = drain(client.referenceNames(systemPath(ELEMENTS, "s1"), CONFORMS, null));
        assertThat(names).hasSize(2).allSatisfy(p -> {
            assertThat(p.getNamespace()).isEqualTo(ELEMENTS);
            assertThat(p.getObjectName()).isEqualTo(CONFORMS);
            assertThat(((CIMObjectPath) p.getKeyValue("ManagedElement")).getKeyValue("Name")).isEqualTo("s1");
        });
        assertThat(names).extracting(p -> ((CIMObjectPath) p.getKeyValue("ConformantStandard")).getNamespace())
                .containsOnly(INTEROP);

        List<CIMInstance> rows = drain(client.referenceInstances(systemPath(ELEMENTS, "s2"), CONFORMS,
                "ManagedElement", false, null));
        assertThat(rows).singleElement().satisfies(row -> {
            CIMObjectPath profile = (CIMObjectPath) row.getPropertyValue("ConformantStandard");
            assertThat(profile.getNamespace()).isEqualTo(INTEROP);
            assertThat(profile.getKeyValue("InstanceID")).isEqualTo("SNIA+Array+1.8.0");
        });
        assertThat(drain(client.referenceNames(systemPath(ELEMENTS, "s2"), CONFORMS, "ConformantStandard")))
                .isEmpty();
    }

    @Test
    void theElementNamespaceEnumeratesOnlyItsOwnElementsRows() throws Exception {
        List<CIMInstance> rows = drain(client.enumerateInstances(
                new CIMObjectPath(null, null, null, ELEMENTS, CONFORMS, null), true, false, false, null));
        assertThat(rows).extracting(r -> ((CIMObjectPath) r.getPropertyValue("ManagedElement")).getKeyValue("Name")
                + " " + ((CIMObjectPath) r.getPropertyValue("ConformantStandard")).getKeyValue("InstanceID"))
                .containsExactlyInAnyOrder("s1 SNIA+Array+1.8.0", "s1 SNIA+Block Services+1.8.0",
                        "s2 SNIA+Array+1.8.0");
        CIMInstance one = client.getInstance(rows.get(0).getObjectPath(), false, false, null);
        assertThat(one.getPropertyValue("ManagedElement")).isEqualTo(rows.get(0).getPropertyValue("ManagedElement"));
        assertThat(one.getObjectPath().getNamespace()).isEqualTo(ELEMENTS);
    }

    @Test
    void theInteropSideStillLeadsFromTheProfileToEveryElement() throws Exception {
        List<CIMObjectPath> elements = drain(client.associatorNames(arrayProfile, CONFORMS, null,
                "ConformantStandard", "ManagedElement"));
        assertThat(elements).extracting(p -> p.getNamespace() + " " + p.getObjectName() + " "
                + (p.getKeyValue("Name") != null ? p.getKeyValue("Name") : p.getKeyValue("DeviceID")))
                .containsExactlyInAnyOrder(ELEMENTS + " TST_System s1", ELEMENTS + " TST_System s2",
                        TestModel.NS + " TST_Disk d1", CUSTOM + " TST_System c1");
        assertThat(drain(client.enumerateInstanceNames(new CIMObjectPath(null, null, null, INTEROP, CONFORMS,
                null)))).hasSize(5);
    }

    @Test
    void aNamespaceWithoutTheClassRefusesItWithInvalidClass() {
        assertThatThrownBy(() -> drain(client.associatorNames(TestModel.diskPath("TST_Disk", "d1"), CONFORMS, null,
                null, null))).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_CLASS));
    }

    @Test
    void aProviderOfTheUsersInTheElementNamespaceWins() throws Exception {
        assertThat(instanceIds(drain(client.associatorNames(systemPath(CUSTOM, "c1"), CONFORMS, null, null, null))))
                .containsExactly("user+Own+1.0");
    }
}
