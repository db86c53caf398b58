package org.cimforge.runtime.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.runtime.spi.CimAssociationProvider;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimPaths;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The interop namespace ({@value #NAMESPACE}) that lets clients discover what a server offers: exactly one
 * CIM_ObjectManager, one CIM_Namespace per served namespace (tied to the manager by CIM_NamespaceInManager), and the
 * management profiles registered through {@link #registerProfile} with the elements that implement them
 * (CIM_ElementConformsToProfile). Its classes come from the runtime's own {@code interop.mof}.
 *
 * <p>CIM_ElementConformsToProfile is also served in each conforming element's own namespace when that namespace
 * declares the class, so that clients can walk from an element back to its profiles (see {@link #conformsTo}).
 *
 * <p>Registration is safe at any time, also while the server runs.
 */
public final class CimInterop {
    /** The namespace SMI-S clients look in first. */
    public static final String NAMESPACE = "root/interop";
    static final String OBJECT_MANAGER = "CIM_ObjectManager";
    static final String NAMESPACE_CLASS = "CIM_Namespace";
    static final String NAMESPACE_IN_MANAGER = "CIM_NamespaceInManager";
    static final String REGISTERED_PROFILE = "CIM_RegisteredProfile";
    static final String CONFORMS = "CIM_ElementConformsToProfile";
    private static final String SYSTEM_CLASS = "CIM_ComputerSystem";

    /** RegisteredOrganization numbers of the interop MOF's value map that users are likely to name. */
    private static final Map<String, Integer> ORGANIZATIONS = Map.of("other", 1, "dmtf", 2, "snia", 11,
            "ietf", 16, "the open group", 13);

    private static volatile CimSchema schema;

    private final CimClassRepository repository;
    private final CimProviderRegistry providers;
    private final Provider provider = new Provider();
    private final String namespace;
    private final String systemName;
    private final String managerName;
    private final Map<String, CIMInstance> profiles = new ConcurrentHashMap<>();
    private final List<CIMInstance> conformance = new CopyOnWriteArrayList<>();

    CimInterop(CimClassRepository repository, CimProviderRegistry providers, String systemName) {
        this.repository = repository;
        this.providers = providers;
        this.namespace = repository.canonicalNamespace(NAMESPACE);
        this.systemName = systemName;
        this.managerName = "CIMForge:" + systemName;
    }

    /** The compiled interop MOF shipped with the runtime. */
    public static CimSchema schema() {
        CimSchema s = schema;
        if (s == null) {
            try (InputStream in = CimInterop.class.getResourceAsStream("interop.mof")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                CompilationResult result = MofCompiler.builder().build().compileText("interop.mof", text);
                if (result.hasErrors()) {
                    throw new IllegalStateException(result.renderDiagnostics());
                }
                s = result.schema();
                schema = s;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read interop.mof", e);
            }
        }
        return s;
    }

    /**
     * Adds the interop namespace to {@code repository} when it does not serve one, and registers the interop
     * providers for those of its classes that have no provider yet.
     */
    public static CimInterop install(CimClassRepository repository, CimProviderRegistry providers, String systemName) {
        if (repository.canonicalNamespace(NAMESPACE) == null) {
            repository.namespace(NAMESPACE, schema());
        }
        CimInterop interop = new CimInterop(repository, providers, systemName);
        for (String c : List.of(OBJECT_MANAGER, NAMESPACE_CLASS, NAMESPACE_IN_MANAGER, REGISTERED_PROFILE,
                CONFORMS)) {
            if (repository.modelClass(NAMESPACE, c) != null && providers.instanceProvider(NAMESPACE, c) == null) {
                providers.instances(NAMESPACE, c, interop.provider);
            }
        }
        return interop;
    }

    /** The path of the one CIM_ObjectManager. */
    public CIMObjectPath objectManagerPath() {
        return path(OBJECT_MANAGER, key("SystemCreationClassName", SYSTEM_CLASS), key("SystemName", systemName),
                key("CreationClassName", OBJECT_MANAGER), key("Name", managerName));
    }

    /**
     * Registers a profile (for example {@code registerProfile("SNIA", "Array", "1.8.0")}) and returns the path of
     * its CIM_RegisteredProfile. An organization outside the interop MOF's short list is recorded as Other with its
     * name in OtherRegisteredOrganization. Registering the same organization, name and version again returns the
     * same path.
     */
    public CIMObjectPath registerProfile(String organization, String name, String version) {
        String id = organization + "+" + name + "+" + version;
        CIMInstance profile = profiles.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> {
            Integer org = ORGANIZATIONS.get(organization.toLowerCase(Locale.ROOT));
            List<CIMProperty<?>> props = new ArrayList<>(List.of(
                    key("InstanceID", id),
                    new CIMProperty<>("RegisteredOrganization", CIMDataType.UINT16_T,
                            new UnsignedInteger16(org == null ? 1 : org)),
                    new CIMProperty<>("RegisteredName", CIMDataType.STRING_T, name),
                    new CIMProperty<>("RegisteredVersion", CIMDataType.STRING_T, version),
                    new CIMProperty<>("SpecificationType", CIMDataType.UINT16_T, new UnsignedInteger16(2)),
                    // 3 = SLP: what SMI-S clients expect a server to advertise.
                    new CIMProperty<>("AdvertiseTypes", CIMDataType.UINT16_ARRAY_T,
                            new UnsignedInteger16[] {new UnsignedInteger16(3)}),
                    new CIMProperty<>("ElementName", CIMDataType.STRING_T, name + " " + version)));
            if (org == null || org == 1) {
                props.add(new CIMProperty<>("OtherRegisteredOrganization", CIMDataType.STRING_T, organization));
            }
            return new CIMInstance(path(REGISTERED_PROFILE, key("InstanceID", id)),
                    props.toArray(new CIMProperty<?>[0]));
        });
        return profile.getObjectPath();
    }

    /**
     * Records that {@code element} (a full path, namespace included; often the central instance of the profile in
     * another namespace) conforms to a profile registered earlier.
     *
     * <p>The association is then navigable from both ends. In the interop namespace it leads from the profile to the
     * element. When the element lives in another namespace of this server that declares CIM_ElementConformsToProfile
     * (as the DMTF and SMI-S schemas do), the association is served there too, with its ConformantStandard reference
     * naming the profile in the interop namespace, unless a provider registered for that class in that namespace
     * serves it instead. A namespace that does not declare the class keeps only the interop-side direction: clients
     * naming the class there get CIM_ERR_INVALID_CLASS.
     */
    public void conformsTo(CIMObjectPath profile, CIMObjectPath element) {
        if (profiles.values().stream().noneMatch(p -> CimPaths.sameInstance(p.getObjectPath(), profile))) {
            throw new IllegalArgumentException("profile " + profile + " is not registered");
        }
        if (element.getNamespace() == null || element.getNamespace().isEmpty()) {
            throw new IllegalArgumentException("the conforming element needs a namespace: " + element);
        }
        conformance.add(new CIMInstance(path(CONFORMS), new CIMProperty<?>[] {
            new CIMProperty<>("ConformantStandard", new CIMDataType(REGISTERED_PROFILE), profile, true, false, null),
            new CIMProperty<>("ManagedElement", new CIMDataType("CIM_ManagedElement"), element, true, false, null)}));
        serveInElementNamespace(element.getNamespace());
    }

    /**
     * SMI-S clients also walk from a conforming element back to its profiles with
     * {@code AssociatorNames(element, AssocClass=CIM_ElementConformsToProfile)} in the element's namespace, so the
     * association is served there as well. Registered lazily, on the first element of a namespace, so namespaces and
     * providers set up after the server was created are covered, and a provider already registered there wins.
     */
    private synchronized void serveInElementNamespace(String elementNamespace) {
        String ns = repository.canonicalNamespace(elementNamespace);
        if (ns == null || ns.equalsIgnoreCase(namespace) || repository.modelClass(ns, CONFORMS) == null) {
            return;
        }
        if (providers.instanceProvider(ns, CONFORMS) == null) {
            providers.instances(ns, CONFORMS, provider);
        }
    }

    /**
     * The conformance rows as seen from {@code contextNamespace}: all of them in the interop namespace, elsewhere
     * those whose element lives in that namespace, each with its path in that namespace.
     */
    private List<CIMInstance> conformance(String contextNamespace) {
        if (contextNamespace == null || contextNamespace.equalsIgnoreCase(namespace)) {
            return List.copyOf(conformance);
        }
        List<CIMInstance> result = new ArrayList<>();
        for (CIMInstance row : conformance) {
            CIMObjectPath element = (CIMObjectPath) row.getPropertyValue("ManagedElement");
            if (contextNamespace.equalsIgnoreCase(element.getNamespace())) {
                result.add(new CIMInstance(new CIMObjectPath(null, null, null, contextNamespace, CONFORMS, null),
                        row.getProperties()));
            }
        }
        return result;
    }

    private CIMObjectPath path(String className, CIMProperty<?>... keys) {
        return new CIMObjectPath(null, null, null, namespace, className, keys);
    }

    private static CIMProperty<String> key(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }

    private CIMInstance objectManager() {
        CIMObjectPath p = objectManagerPath();
        List<CIMProperty<?>> props = new ArrayList<>(List.of(p.getKeys()));
        props.add(new CIMProperty<>("ElementName", CIMDataType.STRING_T, "CIMForge CIM-XML server"));
        props.add(new CIMProperty<>("Started", CIMDataType.BOOLEAN_T, Boolean.TRUE));
        props.add(new CIMProperty<>("EnabledState", CIMDataType.UINT16_T, new UnsignedInteger16(2)));
        props.add(new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T,
                new UnsignedInteger16[] {new UnsignedInteger16(2)}));
        props.add(new CIMProperty<>("GatherStatisticalData", CIMDataType.BOOLEAN_T, Boolean.FALSE));
        return new CIMInstance(p, props.toArray(new CIMProperty<?>[0]));
    }

    private List<CIMInstance> namespaces() {
        List<CIMInstance> result = new ArrayList<>();
        for (String ns : repository.namespaces()) {
            CIMObjectPath p = path(NAMESPACE_CLASS, key("SystemCreationClassName", SYSTEM_CLASS),
                    key("SystemName", systemName), key("ObjectManagerCreationClassName", OBJECT_MANAGER),
                    key("ObjectManagerName", managerName), key("CreationClassName", NAMESPACE_CLASS),
                    key("Name", ns));
            List<CIMProperty<?>> props = new ArrayList<>(List.of(p.getKeys()));
            props.add(new CIMProperty<>("ClassType", CIMDataType.UINT16_T, new UnsignedInteger16(2)));
            result.add(new CIMInstance(p, props.toArray(new CIMProperty<?>[0])));
        }
        return result;
    }

    private List<CIMInstance> namespacesInManager() {
        List<CIMInstance> result = new ArrayList<>();
        CIMObjectPath manager = objectManagerPath();
        for (CIMInstance ns : namespaces()) {
            result.add(new CIMInstance(path(NAMESPACE_IN_MANAGER), new CIMProperty<?>[] {
                new CIMProperty<>("Antecedent", new CIMDataType(OBJECT_MANAGER), manager, true, false, null),
                new CIMProperty<>("Dependent", new CIMDataType(NAMESPACE_CLASS), ns.getObjectPath(), true, false,
                        null)}));
        }
        return result;
    }

    /**
     * Serves the interop classes from the state above, and CIM_ElementConformsToProfile in the elements'
     * namespaces; read-only.
     */
    private final class Provider implements CimAssociationProvider {
        @Override
        public List<CIMInstance> enumerateInstances(CimOperationContext context, String className)
                throws WBEMException {
            return switch (className.toLowerCase(Locale.ROOT)) {
                case "cim_objectmanager" -> List.of(objectManager());
                case "cim_namespace" -> namespaces();
                case "cim_namespaceinmanager" -> namespacesInManager();
                case "cim_registeredprofile" -> List.copyOf(profiles.values());
                case "cim_elementconformstoprofile" -> conformance(context.namespace());
                default -> List.of();
            };
        }
    }
}
