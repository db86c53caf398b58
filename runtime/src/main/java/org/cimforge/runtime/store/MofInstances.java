package org.cimforge.runtime.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cimforge.mof.model.CimInstance;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.model.CimValue;
import org.cimforge.runtime.cimxml.CimValues;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Turns the {@code instance of} declarations of a namespace's compiled MOF into stored instances: values typed from
 * the class definition (numbers in their JSR48 types, datetimes parsed, arrays as typed arrays) and REF values made
 * into object paths, whether written as an object path string or as {@code $alias}.
 *
 * <p>An alias names the last instance declared with it (the compiler warns about a second definition and says the
 * later one is used). The {@code #pragma namespace} in force at a declaration is not consulted: the instances of a
 * compilation go to the namespace the compilation is loaded into.
 */
final class MofInstances {
    private final CimInstanceStore store;
    private final CimClassRepository classes;
    private final String namespace;
    private final Map<String, CimInstance> aliases = new java.util.HashMap<>();
    private final Map<CimInstance, CIMObjectPath> paths = new IdentityHashMap<>();
    private final Set<CimInstance> resolving = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private MofInstances(CimInstanceStore store, String namespace) {
        this.store = store;
        this.classes = store.classes();
        this.namespace = namespace;
    }

    static int load(CimInstanceStore store, String namespace) {
        CimSchema schema = store.classes().schema(namespace);
        if (schema == null) {
            throw new IllegalArgumentException("namespace " + namespace + " is not in the class repository");
        }
        MofInstances loader = new MofInstances(store, store.classes().canonicalNamespace(namespace));
        for (CimInstance i : schema.instances()) {
            if (i.alias() != null) {
                loader.aliases.put(i.alias().toLowerCase(Locale.ROOT), i);
            }
        }
        int loaded = 0;
        for (CimInstance i : schema.instances()) {
            CIMInstance converted = loader.convert(i);
            try {
                store.create(loader.namespace, converted);
            } catch (WBEMException e) {
                throw new IllegalArgumentException(where(i) + e.getMessage() + " (CIM status " + e.getID() + ")", e);
            }
            loaded++;
        }
        return loaded;
    }

    private static String where(CimInstance i) {
        return i.location() + ": instance of " + i.cimClass().name() + ": ";
    }

    private CIMInstance convert(CimInstance i) {
        CIMClass c = requireClass(i);
        List<CIMProperty<?>> props = new ArrayList<>();
        for (Map.Entry<CimName, CimValue> e : i.values().entrySet()) {
            CIMClassProperty<?> cp = c.getProperty(e.getKey().spelling());
            props.add(new CIMProperty<Object>(cp.getName(), cp.getDataType(), value(i, e.getValue(), cp),
                    cp.isKey(), false, null));
        }
        return new CIMInstance(path(i), props.toArray(new CIMProperty<?>[0]));
    }

    private CIMClass requireClass(CimInstance i) {
        CIMClass c = classes.cimClass(namespace, i.cimClass().name().spelling());
        if (c == null) {
            throw new IllegalArgumentException(where(i) + "the class is not in namespace " + namespace);
        }
        return c;
    }

    /** The path of a declared instance, from its own key values; what {@code $alias} stands for. */
    private CIMObjectPath path(CimInstance i) {
        CIMObjectPath known = paths.get(i);
        if (known != null) {
            return known;
        }
        if (!resolving.add(i)) {
            throw new IllegalArgumentException(where(i) + "its keys refer to itself through aliases");
        }
        CIMClass c = requireClass(i);
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (CimProperty k : i.cimClass().keys()) {
            CimValue v = i.values().get(k.name());
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(where(i) + "key property " + k.name() + " has no value");
            }
            CIMClassProperty<?> cp = c.getProperty(k.name().spelling());
            keys.add(new CIMProperty<Object>(cp.getName(), cp.getDataType(), value(i, v, cp), true, false, null));
        }
        CIMObjectPath path = new CIMObjectPath(null, null, null, namespace, c.getName(),
                keys.toArray(new CIMProperty<?>[0]));
        resolving.remove(i);
        paths.put(i, path);
        return path;
    }

    private Object value(CimInstance owner, CimValue v, CIMClassProperty<?> cp) {
        if (v == null || v.isNull()) {
            return null;
        }
        CIMDataType dt = cp.getDataType();
        int code = dt.getType();
        if (code == CIMDataType.OBJECT) {
            throw new IllegalArgumentException(where(owner) + "property " + cp.getName()
                    + " holds an embedded object; MOF instances with embedded objects are not loaded");
        }
        try {
            if (!v.array()) {
                return scalar(owner, v.value(), code);
            }
            List<Object> elements = new ArrayList<>();
            for (Object e : v.elements()) {
                elements.add(e == null ? null : scalar(owner, e, code));
            }
            return CimValues.toArray(code, elements);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(owner.location().toString())) {
                throw e;
            }
            throw new IllegalArgumentException(where(owner) + "property " + cp.getName() + ": " + e.getMessage(), e);
        }
    }

    private Object scalar(CimInstance owner, Object raw, int code) {
        if (code == CIMDataType.REFERENCE) {
            if (raw instanceof CimValue.AliasTarget target) {
                CimInstance aliased = aliases.get(target.alias().toLowerCase(Locale.ROOT));
                if (aliased == null) {
                    throw new IllegalArgumentException("alias $" + target.alias() + " is not defined");
                }
                return path(aliased);
            }
            return ObjectPaths.parse(String.valueOf(raw), classes, namespace);
        }
        String text = raw instanceof Boolean b ? (b ? "TRUE" : "FALSE") : String.valueOf(raw);
        return CimValues.parse(code, text);
    }
}
