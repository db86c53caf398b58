package org.cimforge.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.runtime.spi.CimAssociationProvider;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimMethodProvider;
import org.cimforge.runtime.spi.CimMethodResult;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMArgument;
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
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The test MOF, an in-memory provider for it, and a server wired to both. */
final class TestModel {
    static final String NS = "root/test";

    private TestModel() {
    }

    static CimSchema schema() {
        try (InputStream in = TestModel.class.getResourceAsStream("/cimforge-server/test-model.mof")) {
            String mof = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CompilationResult result = MofCompiler.builder().build().compileText("test-model.mof", mof);
            if (result.hasErrors()) {
                throw new IllegalStateException(result.renderDiagnostics());
            }
            return result.schema();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CIMObjectPath diskPath(String className, String id) {
        return new CIMObjectPath(null, null, null, NS, className,
                new CIMProperty<?>[] {new CIMProperty<>("DeviceID", CIMDataType.STRING_T, id, true, false, null)});
    }

    static CIMObjectPath poolPath(String id) {
        return new CIMObjectPath(null, null, null, NS, "TST_Pool",
                new CIMProperty<?>[] {new CIMProperty<>("InstanceID", CIMDataType.STRING_T, id, true, false, null)});
    }

    static CIMInstance disk(String className, String id, long capacity) {
        CIMInstance setting = new CIMInstance(new CIMObjectPath(null, null, null, NS, "TST_Setting", null),
                new CIMProperty<?>[] {
                    new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "set-" + id),
                    new CIMProperty<>("Level", CIMDataType.UINT16_T, new UnsignedInteger16(3))});
        List<CIMProperty<?>> props = new ArrayList<>(List.of(
                new CIMProperty<>("DeviceID", CIMDataType.STRING_T, id, true, false, null),
                new CIMProperty<>("ElementName", CIMDataType.STRING_T, "Disk <" + id + "> & \"co\""),
                new CIMProperty<>("Capacity", CIMDataType.UINT64_T, new UnsignedInteger64(String.valueOf(capacity))),
                new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T,
                        new UnsignedInteger16[] {new UnsignedInteger16(2), new UnsignedInteger16(17)}),
                new CIMProperty<>("Online", CIMDataType.BOOLEAN_T, Boolean.TRUE),
                new CIMProperty<>("InstalledAt", CIMDataType.DATETIME_T,
                        new CIMDateTimeAbsolute("20240131120005.123456-300")),
                new CIMProperty<>("CheckInterval", CIMDataType.DATETIME_T,
                        new CIMDateTimeInterval("00000001020304.000000:000")),
                new CIMProperty<>("Temperature", CIMDataType.SINT32_T, Integer.valueOf(-5)),
                new CIMProperty<>("Ratio", CIMDataType.REAL64_T, Double.valueOf(0.25)),
                new CIMProperty<>("Slot", CIMDataType.UINT8_T, new UnsignedInteger8((short) 7)),
                new CIMProperty<>("Offset", CIMDataType.SINT64_T, Long.valueOf(-1234567890123L)),
                new CIMProperty<>("Grade", CIMDataType.CHAR16_T, Character.valueOf('A')),
                new CIMProperty<>("Setting", CIMDataType.OBJECT_T, setting)));
        if (className.equals("TST_FastDisk")) {
            props.add(new CIMProperty<>("Rpm", CIMDataType.UINT32_T, new UnsignedInteger32(15000)));
        }
        return new CIMInstance(diskPath(className, id), props.toArray(new CIMProperty<?>[0]));
    }

    static CIMInstance pool(String id) {
        return new CIMInstance(poolPath(id), new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, id, true, false, null),
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "Pool " + id),
            new CIMProperty<>("Size", CIMDataType.UINT64_T, new UnsignedInteger64("1000"))});
    }

    static CIMInstance poolDisk(String pool, String diskClass, String disk) {
        return new CIMInstance(new CIMObjectPath(null, null, null, NS, "TST_PoolDisk", null), new CIMProperty<?>[] {
            new CIMProperty<>("Pool", new CIMDataType("TST_Pool"), poolPath(pool), true, false, null),
            new CIMProperty<>("Disk", new CIMDataType("TST_Disk"), diskPath(diskClass, disk), true, false, null)});
    }

    /** Keeps instances of one class in memory, keyed by their path text. */
    static class MapProvider implements CimAssociationProvider {
        final Map<String, CIMInstance> store = new ConcurrentHashMap<>();
        final String keyProperty;

        MapProvider(String keyProperty, CIMInstance... initial) {
            this.keyProperty = keyProperty;
            for (CIMInstance i : initial) {
                store.put(key(i), i);
            }
        }

        private String key(CIMInstance i) {
            Object v = i.getPropertyValue(keyProperty);
            return v == null ? String.valueOf(i.getProperties().length) + i.hashCode() : v.toString().toLowerCase();
        }

        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
            return store.values().stream().filter(i -> i.getClassName().equalsIgnoreCase(className)).toList();
        }

        /** A map answers without waiting, so the tests' GetInstance runs on the I/O thread, as a user's would. */
        @Override
        public boolean nonBlocking() {
            return true;
        }

        @Override
        public CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance) throws WBEMException {
            if (store.containsKey(key(instance))) {
                throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "already there");
            }
            CIMObjectPath path = new CIMObjectPath(null, null, null, NS, instance.getClassName(),
                    new CIMProperty<?>[] {new CIMProperty<>(keyProperty, CIMDataType.STRING_T,
                            instance.getPropertyValue(keyProperty), true, false, null)});
            store.put(key(instance), new CIMInstance(path, instance.getProperties()));
            return path;
        }

        @Override
        public void modifyInstance(CimOperationContext context, CIMInstance instance, String[] propertyList)
                throws WBEMException {
            Object id = instance.getObjectPath().getKeyValue(keyProperty);
            CIMInstance old = id == null ? null : store.get(id.toString().toLowerCase());
            if (old == null) {
                throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no such instance");
            }
            List<CIMProperty<?>> props = new ArrayList<>(List.of(old.getProperties()));
            for (CIMProperty<?> p : instance.getProperties()) {
                boolean listed = propertyList == null || List.of(propertyList).stream()
                        .anyMatch(n -> n.equalsIgnoreCase(p.getName()));
                if (listed) {
                    props.removeIf(o -> o.getName().equalsIgnoreCase(p.getName()));
                    props.add(p);
                }
            }
            store.put(id.toString().toLowerCase(), new CIMInstance(old.getObjectPath(),
                    props.toArray(new CIMProperty<?>[0])));
        }

        @Override
        public void deleteInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
            Object id = name.getKeyValue(keyProperty);
            if (id == null || store.remove(id.toString().toLowerCase()) == null) {
                throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no such instance");
            }
        }
    }

    /** Method provider of TST_Disk: Resize echoes its inputs, Ping is static, Broken throws. */
    static final class DiskMethods implements CimMethodProvider {
        @Override
        public CimMethodResult invokeMethod(CimOperationContext context, CIMObjectPath target, String methodName,
                                            List<CIMArgument<?>> in) throws WBEMException {
            switch (methodName) {
                case "Resize" -> {
                    Object size = arg(in, "NewSize");
                    Object note = arg(in, "Note");
                    return new CimMethodResult(size instanceof UnsignedInteger64 ? 0 : 99, List.of(
                            new CIMArgument<>("Note", CIMDataType.STRING_T, "resized: " + note),
                            new CIMArgument<>("Self", new CIMDataType("TST_Disk"), target)));
                }
                case "Ping" -> {
                    Object count = arg(in, "Count");
                    return new CimMethodResult(new UnsignedInteger32(count instanceof UnsignedInteger16 c
                            ? c.intValue() : 0), List.of(new CIMArgument<>("Echo", CIMDataType.STRING_T,
                                    "pong " + arg(in, "Text") + " on " + target.getObjectName())));
                }
                case "Broken" -> throw new IllegalStateException("the disk firmware crashed");
                default -> throw new WBEMException(WBEMException.CIM_ERR_METHOD_NOT_FOUND, methodName);
            }
        }

        private static Object arg(List<CIMArgument<?>> in, String name) {
            return in.stream().filter(a -> a.getName().equalsIgnoreCase(name)).map(CIMArgument::getValue)
                    .findFirst().orElse(null);
        }
    }

    /** Registers fresh providers holding two disks, one fast disk, one pool and three memberships. */
    static CimProviderRegistry providers() {
        CimProviderRegistry registry = new CimProviderRegistry();
        registry.instances(NS, "TST_Disk", new MapProvider("DeviceID", disk("TST_Disk", "d1", 100),
                disk("TST_Disk", "d2", 200)));
        registry.instances(NS, "TST_FastDisk", new MapProvider("DeviceID", disk("TST_FastDisk", "f1", 300)));
        registry.instances(NS, "TST_Pool", new MapProvider("InstanceID", pool("p1"), pool("p2")));
        MapProvider links = new MapProvider("Disk");
        for (CIMInstance i : List.of(poolDisk("p1", "TST_Disk", "d1"), poolDisk("p1", "TST_FastDisk", "f1"),
                poolDisk("p2", "TST_Disk", "d2"))) {
            links.store.put(i.getPropertyValue("Disk").toString() + i.getPropertyValue("Pool"), i);
        }
        registry.instances(NS, "TST_PoolDisk", links);
        registry.methods(NS, "TST_Disk", new DiskMethods());
        return registry;
    }

    static CimClassRepository repository() {
        return new CimClassRepository().namespace(NS, schema());
    }
}
