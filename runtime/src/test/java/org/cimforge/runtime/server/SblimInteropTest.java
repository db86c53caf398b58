package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the server with the real SBLIM CIM client, an implementation independent of the server's codec. */
class SblimInteropTest {
    static final String NS = TestModel.NS;
    static CimServer server;
    static WBEMClient client;

    @BeforeAll
    static void start() throws Exception {
        CimServerConfig config = CimServerConfig.builder().port(0).users(Map.of("admin", "secret")).build();
        server = CimServer.start(config, TestModel.repository(), TestModel.providers());
        client = connect(server.port(), "admin", "secret");
    }

    static WBEMClient connect(int port, String user, String password) throws WBEMException {
        WBEMClient c = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        c.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(port), null, null, null), subject,
                new Locale[] {Locale.US});
        return c;
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.stop();
    }

    static CIMObjectPath classPath(String name) {
        return new CIMObjectPath(null, null, null, NS, name, null);
    }

    /** One pull call continuing an enumeration context. */
    interface Pull {
        EnumerateResponse<CIMInstance> next(String context) throws WBEMException;
    }

    /** Pulls until EndOfSequence (at most 10 pulls, enough for the test model) and returns what came back. */
    static List<CIMInstance> pullRest(String context, Pull pull) throws WBEMException {
        List<CIMInstance> all = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            EnumerateResponse<CIMInstance> next = pull.next(context);
            all.addAll(drain(next.getResponses()));
            if (next.isEnd()) {
                return all;
            }
            context = next.getContext();
        }
        throw new AssertionError("no EndOfSequence after 10 pulls");
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

    @Test
    void getClassReturnsPropertiesMethodsAndQualifiers() throws Exception {
        CIMClass disk = client.getClass(classPath("TST_Disk"), false, true, true, null);
        assertThat(disk.getSuperClassName()).isEqualTo("TST_Disk".equals(disk.getObjectPath().getObjectName())
                ? "TST_Thing" : null);
        assertThat(disk.getProperty("DeviceID").isKey()).isTrue();
        assertThat(disk.getProperty("ElementName").getOriginClass()).isEqualTo("TST_Thing");
        assertThat(disk.getProperty("OperationalStatus").getDataType().isArray()).isTrue();
        assertThat(disk.getQualifierValue("Description")).isEqualTo("A spinning or solid-state disk.");
        assertThat(disk.getMethod("Resize").getParameters()).hasSize(3);
        assertThat(disk.getMethod("Resize").getParameter("Self").getDataType().getType())
                .isEqualTo(CIMDataType.REFERENCE);
        CIMClass local = client.getClass(classPath("TST_Disk"), true, false, false, null);
        assertThat(local.getProperty("ElementName")).isNull();
        assertThat(local.getQualifiers()).isEmpty();
        CIMClass limited = client.getClass(classPath("TST_Disk"), false, false, false, new String[] {"Capacity"});
        assertThat(limited.getProperties()).extracting(CIMProperty::getName).containsExactly("Capacity");
    }

    @Test
    void anUnknownClassIsNotFoundForGetClassAndInvalidElsewhere() {
        // DSP0200: GetClass answers CIM_ERR_NOT_FOUND for a class that does not exist; operations that take a class
        // as their scope (EnumerateClasses, EnumerateInstances) answer CIM_ERR_INVALID_CLASS.
        assertThatThrownBy(() -> client.getClass(classPath("TST_Nothing"), false, true, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
        assertThatThrownBy(() -> drain(client.enumerateClassNames(classPath("TST_Nothing"), true)))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_CLASS));
        assertThatThrownBy(() -> drain(client.enumerateInstances(classPath("TST_Nothing"), true, false, false,
                null))).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_CLASS));
    }

    @Test
    void unknownNamespaceIsInvalidNamespace() {
        assertThatThrownBy(() -> drain(client.enumerateClassNames(
                new CIMObjectPath(null, null, null, "root/none", null, null), false)))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_NAMESPACE));
    }

    @Test
    void enumerateClassNamesAndClasses() throws Exception {
        List<String> roots = drain(client.enumerateClassNames(classPath(null), false)).stream()
                .map(CIMObjectPath::getObjectName).toList();
        assertThat(roots).containsExactlyInAnyOrder("TST_Thing", "TST_Setting", "TST_PoolDisk");
        List<String> all = drain(client.enumerateClassNames(classPath(null), true)).stream()
                .map(CIMObjectPath::getObjectName).toList();
        assertThat(all).hasSize(6);
        List<String> underThing = drain(client.enumerateClassNames(classPath("TST_Thing"), false)).stream()
                .map(CIMObjectPath::getObjectName).toList();
        assertThat(underThing).containsExactlyInAnyOrder("TST_Disk", "TST_Pool");
        List<CIMClass> deep = drain(client.enumerateClasses(classPath("TST_Thing"), true, false, true, false));
        assertThat(deep).extracting(c -> c.getObjectPath().getObjectName())
                .containsExactlyInAnyOrder("TST_Disk", "TST_FastDisk", "TST_Pool");
    }

    @Test
    void enumerateInstancesFansOutToSubclassesWithAllValueTypes() throws Exception {
        List<CIMInstance> disks = drain(client.enumerateInstances(classPath("TST_Disk"), true, false, false, null));
        assertThat(disks).extracting(i -> i.getPropertyValue("DeviceID")).containsExactlyInAnyOrder("d1", "d2", "f1");
        CIMInstance d1 = disks.stream().filter(i -> "d1".equals(i.getPropertyValue("DeviceID"))).findFirst()
                .orElseThrow();
        assertThat(d1.getPropertyValue("ElementName")).isEqualTo("Disk <d1> & \"co\"");
        assertThat(d1.getPropertyValue("Capacity")).isEqualTo(new UnsignedInteger64("100"));
        assertThat((Object[]) d1.getPropertyValue("OperationalStatus"))
                .containsExactly(new UnsignedInteger16(2), new UnsignedInteger16(17));
        assertThat(d1.getPropertyValue("Online")).isEqualTo(Boolean.TRUE);
        assertThat(d1.getPropertyValue("InstalledAt"))
                .isEqualTo(new CIMDateTimeAbsolute("20240131120005.123456-300"));
        assertThat(d1.getPropertyValue("CheckInterval"))
                .isEqualTo(new CIMDateTimeInterval("00000001020304.000000:000"));
        assertThat(d1.getPropertyValue("Temperature")).isEqualTo(-5);
        assertThat(d1.getPropertyValue("Ratio")).isEqualTo(0.25);
        assertThat(d1.getPropertyValue("Slot")).isEqualTo(new UnsignedInteger8((short) 7));
        assertThat(d1.getPropertyValue("Offset")).isEqualTo(-1234567890123L);
        assertThat(d1.getPropertyValue("Grade")).isEqualTo('A');
        assertThat(d1.getPropertyValue("Setting")).isInstanceOfSatisfying(CIMInstance.class,
                s -> assertThat(s.getPropertyValue("Level")).isEqualTo(new UnsignedInteger16(3)));
        assertThat(d1.getObjectPath().getKeyValue("DeviceID")).isEqualTo("d1");

        CIMInstance f1 = disks.stream().filter(i -> "f1".equals(i.getPropertyValue("DeviceID"))).findFirst()
                .orElseThrow();
        assertThat(f1.getClassName()).isEqualTo("TST_FastDisk");
        assertThat(f1.getPropertyValue("Rpm")).isEqualTo(new UnsignedInteger32(15000));
    }

    @Test
    void execQueryFiltersAndProjectsAcrossSubclasses() throws Exception {
        List<CIMInstance> big = drain(client.execQuery(classPath(null),
                "SELECT DeviceID, Capacity FROM TST_Disk WHERE Capacity >= 150", "WQL"));
        List<String> expected = drain(client.enumerateInstances(classPath("TST_Disk"), true, false, false, null))
                .stream().filter(i -> ((UnsignedInteger64) i.getPropertyValue("Capacity")).longValue() >= 150)
                .map(i -> (String) i.getPropertyValue("DeviceID")).toList();
        assertThat(expected).isNotEmpty();
        assertThat(big).extracting(i -> i.getPropertyValue("DeviceID")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(big).allSatisfy(i -> {
            assertThat(i.getProperty("ElementName")).as("not selected").isNull();
            assertThat(i.getObjectPath().getKey("DeviceID")).isNotNull();
        });
        List<CIMInstance> fast = drain(client.execQuery(classPath(null),
                "SELECT * FROM TST_Disk WHERE DeviceID = 'f1'", "DMTF:CQL"));
        assertThat(fast).extracting(CIMInstance::getClassName).containsExactly("TST_FastDisk");

        assertThatThrownBy(() -> drain(client.execQuery(classPath(null), "SELECT * FROM TST_Disk", "SQL")))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED));
        assertThatThrownBy(() -> drain(client.execQuery(classPath(null), "SELECT FROM WHERE", "WQL")))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_QUERY));
        assertThatThrownBy(() -> drain(client.execQuery(classPath(null), "SELECT * FROM TST_Nothing", "WQL")))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_QUERY));
    }

    @Test
    void openQueryInstancesPullsMatchesInBatches() throws Exception {
        List<String> expected = drain(client.enumerateInstances(classPath("TST_Disk"), true, false, false, null))
                .stream().filter(i -> ((UnsignedInteger64) i.getPropertyValue("Capacity")).longValue() >= 150)
                .map(i -> (String) i.getPropertyValue("DeviceID")).toList();
        assertThat(expected).hasSizeGreaterThan(1);
        EnumerateResponse<CIMInstance> first = client.execQueryInstances(classPath("TST_Disk"),
                "SELECT DeviceID FROM TST_Disk WHERE Capacity >= 150", "WQL", false, new UnsignedInteger32(30), false,
                new UnsignedInteger32(1), null);
        List<CIMInstance> all = new ArrayList<>(drain(first.getResponses()));
        assertThat(all).hasSize(1);
        assertThat(first.isEnd()).isFalse();
        String context = first.getContext();
        // A query context is continued with PullInstances only; the with-path form names another kind of context.
        assertThatThrownBy(() -> client.getInstancesWithPath(classPath("TST_Disk"), context,
                new UnsignedInteger32(1))).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT));
        all.addAll(pullRest(context, c -> client.getInstances(classPath("TST_Disk"), c, new UnsignedInteger32(1))));
        assertThat(all).extracting(i -> i.getPropertyValue("DeviceID")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(all).allSatisfy(i -> assertThat(i.getProperty("Capacity")).as("not selected").isNull());
        assertThat(server.dispatcher().openEnumerations()).isZero();

        assertThatThrownBy(() -> client.execQueryInstances(classPath("TST_Disk"), "SELECT * FROM TST_Disk", "SQL", false,
                null, false, new UnsignedInteger32(5), null)).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED));
        // The SBLIM signature: (path, query, language, ReturnQueryResultClass, timeout, ContinueOnError, max, class).
        assertThatThrownBy(() -> client.execQueryInstances(classPath("TST_Disk"), "SELECT * FROM TST_Disk", "WQL", true,
                null, false, new UnsignedInteger32(5), null)).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_SUPPORTED));
        assertThatThrownBy(() -> client.execQueryInstances(classPath("TST_Disk"), "SELECT * FROM TST_Disk", "WQL", false,
                null, true, new UnsignedInteger32(5), null)).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED));
    }

    @Test
    void propertyListAndShallowEnumeration() throws Exception {
        List<CIMInstance> limited = drain(client.enumerateInstances(classPath("TST_Disk"), true, false, false,
                new String[] {"Capacity"}));
        assertThat(limited).allSatisfy(i -> assertThat(i.getProperties()).extracting(CIMProperty::getName)
                .containsExactlyInAnyOrder("DeviceID", "Capacity"));
        List<CIMInstance> shallow = drain(client.enumerateInstances(classPath("TST_Disk"), false, false, false, null));
        CIMInstance f1 = shallow.stream().filter(i -> "f1".equals(i.getPropertyValue("DeviceID"))).findFirst()
                .orElseThrow();
        assertThat(f1.getProperty("Rpm")).isNull();
    }

    @Test
    void enumerateInstanceNamesAndGetInstance() throws Exception {
        List<CIMObjectPath> names = drain(client.enumerateInstanceNames(classPath("TST_Disk")));
        assertThat(names).hasSize(3);
        CIMObjectPath f1 = names.stream().filter(p -> "f1".equals(p.getKeyValue("DeviceID"))).findFirst()
                .orElseThrow();
        CIMInstance got = client.getInstance(f1, false, false, null);
        assertThat(got.getPropertyValue("Rpm")).isEqualTo(new UnsignedInteger32(15000));
        CIMInstance some = client.getInstance(f1, false, false, new String[] {"Online"});
        assertThat(some.getProperties()).extracting(CIMProperty::getName).containsExactlyInAnyOrder("DeviceID",
                "Online");
        assertThatThrownBy(() -> client.getInstance(TestModel.diskPath("TST_Disk", "nope"), false, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
    }

    @Test
    void createModifyDeleteInstance() throws Exception {
        CIMInstance pool = TestModel.pool("p9");
        CIMObjectPath created = client.createInstance(pool);
        assertThat(created.getKeyValue("InstanceID")).isEqualTo("p9");
        assertThatThrownBy(() -> client.createInstance(pool)).isInstanceOfSatisfying(WBEMException.class,
                e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ALREADY_EXISTS));

        CIMInstance change = new CIMInstance(TestModel.poolPath("p9"), new CIMProperty<?>[] {
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "renamed"),
            new CIMProperty<>("Size", CIMDataType.UINT64_T, new UnsignedInteger64("5"))});
        client.modifyInstance(change, new String[] {"ElementName"});
        CIMInstance after = client.getInstance(TestModel.poolPath("p9"), false, false, null);
        assertThat(after.getPropertyValue("ElementName")).isEqualTo("renamed");
        assertThat(after.getPropertyValue("Size")).isEqualTo(new UnsignedInteger64("1000"));

        client.deleteInstance(TestModel.poolPath("p9"));
        assertThatThrownBy(() -> client.getInstance(TestModel.poolPath("p9"), false, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
    }

    @Test
    void invokeMethodOnInstanceWithOutParameters() throws Exception {
        CIMArgument<?>[] in = {
            new CIMArgument<>("NewSize", CIMDataType.UINT64_T, new UnsignedInteger64("4096")),
            new CIMArgument<>("Note", CIMDataType.STRING_T, "grow")};
        CIMArgument<?>[] out = new CIMArgument<?>[2];
        Object rc = client.invokeMethod(TestModel.diskPath("TST_Disk", "d1"), "Resize", in, out);
        assertThat(rc).isEqualTo(new UnsignedInteger32(0));
        assertThat(out[0].getName()).isEqualTo("Note");
        assertThat(out[0].getValue()).isEqualTo("resized: grow");
        assertThat(out[1].getValue()).isInstanceOfSatisfying(CIMObjectPath.class,
                p -> assertThat(p.getKeyValue("DeviceID")).isEqualTo("d1"));
    }

    @Test
    void invokeStaticMethodOnClassPath() throws Exception {
        CIMArgument<?>[] in = {
            new CIMArgument<>("Text", CIMDataType.STRING_T, "hi"),
            new CIMArgument<>("Count", CIMDataType.UINT16_T, new UnsignedInteger16(3))};
        CIMArgument<?>[] out = new CIMArgument<?>[1];
        Object rc = client.invokeMethod(classPath("TST_FastDisk"), "Ping", in, out);
        assertThat(rc).isEqualTo(new UnsignedInteger32(3));
        assertThat(out[0].getValue()).isEqualTo("pong hi on TST_FastDisk");
    }

    @Test
    void methodErrors() {
        assertThatThrownBy(() -> client.invokeMethod(TestModel.diskPath("TST_Disk", "d1"), "Explode",
                new CIMArgument<?>[0], new CIMArgument<?>[0])).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_METHOD_NOT_FOUND));
        assertThatThrownBy(() -> client.invokeMethod(TestModel.diskPath("TST_Disk", "d1"), "Broken",
                new CIMArgument<?>[0], new CIMArgument<?>[0])).isInstanceOfSatisfying(WBEMException.class, e -> {
                    assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_FAILED);
                    assertThat(e.getMessage()).contains("the disk firmware crashed");
                });
        assertThatThrownBy(() -> client.invokeMethod(TestModel.diskPath("TST_Disk", "ghost"), "Resize",
                new CIMArgument<?>[0], new CIMArgument<?>[0])).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
    }

    @Test
    void aParameterSentInTheWrongShapeIsInvalidParameter() {
        CIMObjectPath disk = TestModel.diskPath("TST_Disk", "d1");
        // A string where the method declares a REF, a reference and an array where it declares a uint16.
        CIMArgument<?>[][] wrong = {
            {new CIMArgument<>("Self", CIMDataType.STRING_T, "TST_Disk.DeviceID=\"d1\"")},
            {new CIMArgument<>("NewSize", new CIMDataType("TST_Disk"), disk)},
            {new CIMArgument<>("NewSize", CIMDataType.UINT64_ARRAY_T,
                new UnsignedInteger64[] {new UnsignedInteger64("1")})}};
        for (CIMArgument<?>[] in : wrong) {
            assertThatThrownBy(() -> client.invokeMethod(disk, "Resize", in, new CIMArgument<?>[3]))
                    .as(in[0].getName() + " as " + in[0].getDataType())
                    .isInstanceOfSatisfying(WBEMException.class, e -> {
                        assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
                        assertThat(e.getMessage()).contains("Resize." + in[0].getName())
                                .doesNotContain("ClassCastException");
                    });
        }
    }

    @Test
    void referencesToAnotherServerOrAnUnservedNamespaceAreInvalidParameters() throws Exception {
        CIMObjectPath disk = TestModel.diskPath("TST_Disk", "d1");
        CIMProperty<?>[] keys = disk.getKeys();
        CIMObjectPath elsewhere = new CIMObjectPath("http", "10.0.0.1", "5988", NS, "TST_Disk", keys);
        CIMObjectPath nowhere = new CIMObjectPath(null, null, null, "root/nope", "TST_Disk", keys);
        for (CIMObjectPath foreign : List.of(elsewhere, nowhere)) {
            assertThatThrownBy(() -> client.invokeMethod(disk, "Resize", new CIMArgument<?>[] {
                new CIMArgument<>("Self", new CIMDataType("TST_Disk"), foreign)}, new CIMArgument<?>[3]))
                    .as(foreign.toString()).isInstanceOfSatisfying(WBEMException.class, e -> {
                        assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
                        assertThat(e.getMessage()).contains("Resize.Self").containsAnyOf("10.0.0.1", "root/nope");
                    });
        }
        // A reference key of an instance name is checked the same way.
        CIMObjectPath link = new CIMObjectPath(null, null, null, NS, "TST_PoolDisk", new CIMProperty<?>[] {
            new CIMProperty<>("Pool", new CIMDataType("TST_Pool"), new CIMObjectPath("http", "10.0.0.1", "5988", NS,
                    "TST_Pool", TestModel.poolPath("p1").getKeys()), true, false, null),
            new CIMProperty<>("Disk", new CIMDataType("TST_Disk"), disk, true, false, null)});
        assertThatThrownBy(() -> client.getInstance(link, false, false, null))
                .isInstanceOfSatisfying(WBEMException.class, e -> {
                    assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains("key Pool names host 10.0.0.1");
                });
        // So is a reference property of an instance a client creates.
        CIMInstance foreignLink = new CIMInstance(link, new CIMProperty<?>[] {
            new CIMProperty<>("Pool", new CIMDataType("TST_Pool"), new CIMObjectPath(null, null, null, "root/nope",
                    "TST_Pool", TestModel.poolPath("p1").getKeys()), true, false, null),
            new CIMProperty<>("Disk", new CIMDataType("TST_Disk"), disk, true, false, null)});
        assertThatThrownBy(() -> client.createInstance(foreignLink))
                .isInstanceOfSatisfying(WBEMException.class, e -> {
                    assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains("Pool names namespace root/nope");
                });
        // The server's own names still pass: 127.0.0.1 (what it puts into the paths it returns), localhost, the
        // IPv6 loopback and the machine's host name.
        for (String local : List.of("127.0.0.1", "localhost", "::1",
                java.net.InetAddress.getLocalHost().getHostName())) {
            CIMObjectPath here = new CIMObjectPath("http", local, String.valueOf(server.port()), NS, "TST_Disk",
                    keys);
            Object rc = client.invokeMethod(disk, "Resize", new CIMArgument<?>[] {
                new CIMArgument<>("Self", new CIMDataType("TST_Disk"), here)}, new CIMArgument<?>[3]);
            assertThat(rc).as(local).isEqualTo(new UnsignedInteger32(99));
        }
    }

    @Test
    void associatorsAndReferences() throws Exception {
        CIMObjectPath p1 = TestModel.poolPath("p1");
        List<CIMObjectPath> names = drain(client.associatorNames(p1, "TST_PoolDisk", null, "Pool", "Disk"));
        assertThat(names).extracting(p -> p.getKeyValue("DeviceID")).containsExactlyInAnyOrder("d1", "f1");
        List<CIMObjectPath> fast = drain(client.associatorNames(p1, null, "TST_FastDisk", null, null));
        assertThat(fast).extracting(p -> p.getKeyValue("DeviceID")).containsExactly("f1");
        List<CIMObjectPath> wrongRole = drain(client.associatorNames(p1, null, null, "Disk", null));
        assertThat(wrongRole).isEmpty();
        List<CIMInstance> disks = drain(client.associatorInstances(p1, null, null, null, null, false, null));
        assertThat(disks).extracting(i -> i.getPropertyValue("DeviceID")).containsExactlyInAnyOrder("d1", "f1");
        List<CIMObjectPath> pools = drain(client.associatorNames(TestModel.diskPath("TST_Disk", "d2"), null, null,
                null, null));
        assertThat(pools).extracting(p -> p.getKeyValue("InstanceID")).containsExactly("p2");

        List<CIMObjectPath> refs = drain(client.referenceNames(p1, "TST_PoolDisk", "Pool"));
        assertThat(refs).hasSize(2);
        List<CIMInstance> refInstances = drain(client.referenceInstances(p1, null, null, false, null));
        assertThat(refInstances).hasSize(2).allSatisfy(i -> assertThat(i.getClassName()).isEqualTo("TST_PoolDisk"));
    }

    @Test
    void pullEnumerationInBatches() throws Exception {
        EnumerateResponse<CIMInstance> first = client.enumerateInstances(classPath("TST_Disk"), true, false, null,
                null, null, new UnsignedInteger32(30), false, new UnsignedInteger32(1));
        List<CIMInstance> all = new ArrayList<>(drain(first.getResponses()));
        assertThat(all).hasSize(1);
        assertThat(first.isEnd()).isFalse();
        String context = first.getContext();
        all.addAll(pullRest(context,
                c -> client.getInstancesWithPath(classPath("TST_Disk"), c, new UnsignedInteger32(1))));
        assertThat(all).extracting(i -> i.getPropertyValue("DeviceID")).containsExactlyInAnyOrder("d1", "d2", "f1");
        assertThat(server.dispatcher().openEnumerations()).isZero();
    }

    @Test
    void pullPathsAndClose() throws Exception {
        EnumerateResponse<CIMObjectPath> first = client.enumerateInstancePaths(classPath("TST_Disk"), null, null,
                new UnsignedInteger32(30), false, new UnsignedInteger32(2));
        assertThat(drain(first.getResponses())).hasSize(2);
        assertThat(first.isEnd()).isFalse();
        client.closeEnumeration(classPath("TST_Disk"), first.getContext());
        assertThatThrownBy(() -> client.getInstancePaths(classPath("TST_Disk"), first.getContext(),
                new UnsignedInteger32(5))).isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT));
        EnumerateResponse<CIMObjectPath> all = client.enumerateInstancePaths(classPath("TST_Pool"), null, null,
                new UnsignedInteger32(30), false, new UnsignedInteger32(100));
        assertThat(all.isEnd()).isTrue();
        assertThat(drain(all.getResponses())).hasSize(2);
    }

    @Test
    void pullAssociations() throws Exception {
        EnumerateResponse<CIMInstance> assoc = client.associators(TestModel.poolPath("p1"), null, null, null, null,
                false, null, null, null, new UnsignedInteger32(30), false, new UnsignedInteger32(10));
        assertThat(assoc.isEnd()).isTrue();
        assertThat(drain(assoc.getResponses())).hasSize(2);
        EnumerateResponse<CIMObjectPath> refs = client.referencePaths(TestModel.poolPath("p1"), null, null, null,
                null, new UnsignedInteger32(30), false, new UnsignedInteger32(10));
        assertThat(drain(refs.getResponses())).hasSize(2);
    }
}
