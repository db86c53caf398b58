package org.cimforge.runtime.store;

import static org.cimforge.runtime.store.StoreValues.byName;
import static org.cimforge.runtime.store.StoreValues.coerce;
import static org.cimforge.runtime.store.StoreValues.invalid;
import static org.cimforge.runtime.store.StoreValues.keyValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.spi.CimAssociationProvider;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * A thread-safe in-memory instance store with the DSP0200 CRUD rules, usable directly as a CIM-level provider of any
 * number of classes and namespaces, and as the base of typed providers ({@link InMemoryInstanceProvider}).
 *
 * <p>Instances are kept per namespace and exact class, keyed by their canonical key values ({@link InstanceKey}), and
 * always hold every property of their class in class order (unset ones NULL or the class default), so reads need no
 * work beyond a map look-up. Stored instances are immutable {@link CIMInstance}s; a modification replaces the whole
 * instance atomically.
 */
public class CimInstanceStore implements CimAssociationProvider {
    /**
     * Instances a namespace may hold unless the constructor says otherwise: enough for the 100,000-instance server
     * benchmark, small enough that a client creating instances in a loop cannot take the heap (an instance of twenty
     * properties costs about 2 KB, so the default ceiling is a few hundred MB at most).
     */
    public static final int DEFAULT_MAX_INSTANCES_PER_NAMESPACE = 100_000;

    private final CimClassRepository classes;
    private final int maxInstancesPerNamespace;
    private final Map<String, StoreSpace> spaces = new ConcurrentHashMap<>();

    /** A store for the namespaces of {@code classes}, with the default quota. */
    public CimInstanceStore(CimClassRepository classes) {
        this(classes, DEFAULT_MAX_INSTANCES_PER_NAMESPACE);
    }

    /** A store for the namespaces of {@code classes} holding at most {@code maxInstancesPerNamespace} per namespace. */
    public CimInstanceStore(CimClassRepository classes, int maxInstancesPerNamespace) {
        if (maxInstancesPerNamespace < 1) {
            throw new IllegalArgumentException("maxInstancesPerNamespace must be at least 1");
        }
        this.classes = classes;
        this.maxInstancesPerNamespace = maxInstancesPerNamespace;
    }

    /** The class repository whose definitions type and check the stored instances. */
    public final CimClassRepository classes() {
        return classes;
    }

    /** How many instances one namespace may hold; CreateInstance beyond it is CIM_ERR_FAILED. */
    public final int maxInstancesPerNamespace() {
        return maxInstancesPerNamespace;
    }

    /** The number of instances stored in a namespace (0 for one the store has not seen). */
    public final int size(String namespace) {
        StoreSpace s = spaces.get(namespace.toLowerCase(Locale.ROOT));
        return s == null ? 0 : s.count.get();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the store's own API, namespace explicit

    /**
     * Adds an instance and returns its path. CIM_ERR_ALREADY_EXISTS when an instance with the same keys is there,
     * CIM_ERR_INVALID_PARAMETER for a missing key, an abstract class, a property the class does not have or a value of
     * the wrong type, CIM_ERR_FAILED beyond the namespace's quota.
     */
    public CIMObjectPath create(String namespace, CIMInstance instance) throws WBEMException {
        StoreTable t = table(namespace, instance.getClassName());
        if (t.model.isAbstract()) {
            throw invalid("class " + t.name + " is abstract and cannot have instances");
        }
        StoreTable.Built built = t.build(instance);
        CIMInstance stored = built.instance();
        InstanceKey key = built.key();
        StoreSpace s = t.space;
        reserve(s, t);
        if (t.instances.putIfAbsent(key, stored) != null) {
            s.count.decrementAndGet();
            throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "an instance " + stored.getObjectPath()
                    + " already exists");
        }
        return stored.getObjectPath();
    }

    /**
     * Adds an instance or replaces the one with the same keys (for providers that keep their state here); the checks
     * are those of {@link #create}, the quota applies only when the instance is new.
     */
    public CIMObjectPath put(String namespace, CIMInstance instance) throws WBEMException {
        StoreTable t = table(namespace, instance.getClassName());
        if (t.model.isAbstract()) {
            throw invalid("class " + t.name + " is abstract and cannot have instances");
        }
        StoreTable.Built built = t.build(instance);
        CIMInstance stored = built.instance();
        InstanceKey key = built.key();
        while (true) {
            if (t.instances.replace(key, stored) != null) {
                return stored.getObjectPath();
            }
            reserve(t.space, t);
            if (t.instances.putIfAbsent(key, stored) == null) {
                return stored.getObjectPath();
            }
            // Someone created it in between: give the reservation back and replace it after all.
            t.space.count.decrementAndGet();
        }
    }

    /** The stored instance named by {@code path}, or null; a path without all keys is CIM_ERR_INVALID_PARAMETER. */
    public CIMInstance get(String namespace, CIMObjectPath path) throws WBEMException {
        StoreTable t = table(namespace, path.getObjectName());
        return t.instances.get(t.keyOfPath(path));
    }

    /**
     * Changes an instance. With {@code propertyList} null every property the instance carries is set; otherwise
     * exactly the listed ones (a listed property the instance does not carry becomes NULL) and the others it carries
     * are ignored. CIM_ERR_NOT_FOUND when it does not exist, CIM_ERR_NO_SUCH_PROPERTY for a property the class does
     * not have, CIM_ERR_INVALID_PARAMETER for a value of the wrong type or a changed key value (keys name the
     * instance and cannot be modified; sending the same key value is fine).
     */
    public void modify(String namespace, CIMInstance instance, String[] propertyList) throws WBEMException {
        CIMObjectPath path = instance.getObjectPath();
        StoreTable t = table(namespace, path != null && path.getObjectName() != null && !path.getObjectName().isEmpty()
                ? path.getObjectName() : instance.getClassName());
        InstanceKey key = path != null && path.getKeys().length > 0 ? t.keyOfPath(path)
                : t.keyOfValues(byName(instance.getProperties()), null);
        Map<String, CIMProperty<?>> carried = byName(instance.getProperties());
        List<String> names = new ArrayList<>();
        if (propertyList == null) {
            for (CIMProperty<?> p : instance.getProperties()) {
                names.add(p.getName());
            }
        } else {
            names.addAll(List.of(propertyList));
        }
        Map<String, Object> changes = new HashMap<>();
        for (String name : names) {
            Integer index = t.index.get(name.toLowerCase(Locale.ROOT));
            if (index == null) {
                throw new WBEMException(WBEMException.CIM_ERR_NO_SUCH_PROPERTY,
                        "class " + t.name + " has no property " + name);
            }
            CIMClassProperty<?> cp = t.properties[index];
            CIMProperty<?> sent = carried.get(name.toLowerCase(Locale.ROOT));
            Object value = coerce(sent == null ? null : sent.getValue(), cp.getDataType(), t.name + "." + cp.getName());
            if (cp.isKey()) {
                Object current = keyValue(path, cp.getName());
                if (current != null && !InstanceKey.canonical(coerce(current, cp.getDataType(), cp.getName()))
                        .equals(InstanceKey.canonical(value))) {
                    throw invalid("key property " + t.name + "." + cp.getName()
                            + " cannot be modified (it names the instance)");
                }
                continue;
            }
            changes.put(cp.getName().toLowerCase(Locale.ROOT), value);
        }
        CIMInstance after = t.instances.computeIfPresent(key, (k, old) -> {
            // Stored instances carry every property of the class, so replacing by name covers every change.
            CIMProperty<?>[] props = old.getProperties().clone();
            for (int i = 0; i < props.length; i++) {
                String lower = props[i].getName().toLowerCase(Locale.ROOT);
                if (changes.containsKey(lower)) {
                    props[i] = t.property(t.properties[t.index.get(lower)], changes.get(lower));
                }
            }
            return new CIMInstance(old.getObjectPath(), props);
        });
        if (after == null) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no instance " + describe(t, path, instance));
        }
    }

    /** Removes an instance; CIM_ERR_NOT_FOUND when there is none. */
    public void delete(String namespace, CIMObjectPath path) throws WBEMException {
        StoreTable t = table(namespace, path.getObjectName());
        if (t.instances.remove(t.keyOfPath(path)) == null) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no instance " + path);
        }
        t.space.count.decrementAndGet();
    }

    /** A snapshot of the instances of exactly {@code className}, in no particular order. */
    public List<CIMInstance> instances(String namespace, String className) throws WBEMException {
        return new ArrayList<>(table(namespace, className).instances.values());
    }

    /**
     * The instances of association class {@code associationClass} whose reference property (the one named
     * {@code role}, when given) refers to {@code object}.
     */
    public List<CIMInstance> references(String namespace, String associationClass, CIMObjectPath object, String role)
            throws WBEMException {
        List<CIMInstance> result = new ArrayList<>();
        for (CIMInstance i : table(namespace, associationClass).instances.values()) {
            if (CimAssociationProvider.refersTo(i, object, role)) {
                result.add(i);
            }
        }
        return result;
    }

    /** Loads the {@code instance of} declarations of the namespace's MOF (see {@link MofInstances}); returns how many. */
    public int loadMof(String namespace) {
        return MofInstances.load(this, namespace);
    }

    /**
     * Registers this store as the instance provider of every class of {@code namespace} it holds instances of and
     * that has no provider yet. Classes a client should be able to create instances of before any exists are named
     * with {@link #serve(CimProviderRegistry, String, String...)}.
     */
    public CimInstanceStore serve(CimProviderRegistry providers, String namespace) {
        StoreSpace s = spaces.get(namespace.toLowerCase(Locale.ROOT));
        if (s == null) {
            return this;
        }
        for (StoreTable t : s.tables.values()) {
            if (!t.instances.isEmpty() && providers.instanceProvider(namespace, t.name) == null) {
                providers.instances(namespace, t.name, this);
            }
        }
        return this;
    }

    /**
     * Registers this store for the named classes and their subclasses, each unless it has a provider already. The
     * subclasses are included because the server fans an enumeration out only to classes that have a provider of
     * their own: a subclass instance created through an ancestor's registration would otherwise not be enumerated.
     */
    public CimInstanceStore serve(CimProviderRegistry providers, String namespace, String... classNames) {
        for (String className : classNames) {
            CimClass c = classes.modelClass(namespace, className);
            if (c == null) {
                throw new IllegalArgumentException("class " + className + " is not defined in " + namespace);
            }
            List<CimClass> tree = new ArrayList<>();
            tree.add(c);
            tree.addAll(classes.schema(namespace).allSubclasses(c.name().spelling()));
            for (CimClass k : tree) {
                if (providers.instanceProvider(namespace, k.name().spelling()) == null) {
                    providers.instances(namespace, k.name().spelling(), this);
                }
            }
        }
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the CIM-level SPI: the namespace is the request's

    @Override
    public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) throws WBEMException {
        return instances(context.namespace(), className);
    }

    @Override
    public Stream<CIMInstance> streamInstances(CimOperationContext context, String className) throws WBEMException {
        // A snapshot list: its stream knows its size (EnumerationCount) and a pull sees one consistent state.
        return instances(context.namespace(), className).stream();
    }

    @Override
    public List<CIMObjectPath> enumerateInstanceNames(CimOperationContext context, String className)
            throws WBEMException {
        List<CIMObjectPath> names = new ArrayList<>();
        for (CIMInstance i : table(context.namespace(), className).instances.values()) {
            names.add(i.getObjectPath());
        }
        return names;
    }

    /**
     * True for the store itself, which answers from memory; a subclass may override {@link #getInstance} with work
     * that waits, so it is false there unless the subclass says otherwise.
     */
    @Override
    public boolean nonBlocking() {
        return getClass() == CimInstanceStore.class;
    }

    @Override
    public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        return get(context.namespace(), name);
    }

    @Override
    public CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance) throws WBEMException {
        return create(context.namespace(), instance);
    }

    @Override
    public void modifyInstance(CimOperationContext context, CIMInstance instance, String[] propertyList)
            throws WBEMException {
        modify(context.namespace(), instance, propertyList);
    }

    @Override
    public void deleteInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        delete(context.namespace(), name);
    }

    @Override
    public List<CIMInstance> references(CimOperationContext context, String associationClass, CIMObjectPath object,
                                        String role) throws WBEMException {
        return references(context.namespace(), associationClass, object, role);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // tables

    private void reserve(StoreSpace s, StoreTable t) throws WBEMException {
        if (s.count.incrementAndGet() > maxInstancesPerNamespace) {
            s.count.decrementAndGet();
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, "namespace " + s.name + " holds the maximum of "
                    + maxInstancesPerNamespace + " instances; delete some before creating more " + t.name
                    + " instances");
        }
    }

    StoreTable table(String namespace, String className) throws WBEMException {
        StoreSpace s = spaces.get(namespace);
        if (s == null) {
            s = space(namespace);
        }
        if (className == null || className.isEmpty()) {
            throw invalid("no class name given");
        }
        StoreTable t = s.tables.get(className);
        if (t != null) {
            return t;
        }
        String lower = className.toLowerCase(Locale.ROOT);
        t = s.tables.get(lower);
        if (t == null) {
            CIMClass c = classes.cimClass(s.name, className);
            CimClass model = classes.modelClass(s.name, className);
            if (c == null || model == null) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_CLASS,
                        "class " + className + " is not defined in " + s.name);
            }
            StoreTable created = new StoreTable(s, model, c);
            StoreTable raced = s.tables.putIfAbsent(lower, created);
            t = raced == null ? created : raced;
        }
        // Remember this spelling too, so that the next request spelling it so skips the lower-casing.
        s.tables.putIfAbsent(className, t);
        return t;
    }

    private StoreSpace space(String namespace) throws WBEMException {
        String lower = namespace.toLowerCase(Locale.ROOT);
        StoreSpace s = spaces.get(lower);
        if (s == null) {
            String canonical = classes.canonicalNamespace(namespace);
            if (canonical == null) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                        "namespace " + namespace + " is not served");
            }
            StoreSpace created = new StoreSpace(canonical);
            StoreSpace raced = spaces.putIfAbsent(lower, created);
            s = raced == null ? created : raced;
        }
        spaces.putIfAbsent(namespace, s);
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // values

    private static String describe(StoreTable t, CIMObjectPath path, CIMInstance instance) {
        return path != null && path.getKeys().length > 0 ? path.toString() : t.name + " " + instance;
    }
}
