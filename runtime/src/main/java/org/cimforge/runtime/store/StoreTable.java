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
import org.cimforge.mof.model.CimClass;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** One class of one namespace: its definition, prepared once, and its instances. */
final class StoreTable {
    /** A checked, typed instance and its key. */
    record Built(InstanceKey key, CIMInstance instance) {
    }

    final StoreSpace space;
    final CimClass model;
    final String name;
    final CIMClassProperty<?>[] properties;
    final Map<String, Integer> index = new HashMap<>();
    final int[] keyIndexes;
    final ConcurrentHashMap<InstanceKey, CIMInstance> instances = new ConcurrentHashMap<>();

    StoreTable(StoreSpace space, CimClass model, CIMClass cimClass) {
        this.space = space;
        this.model = model;
        this.name = model.name().spelling();
        this.properties = cimClass.getProperties();
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < properties.length; i++) {
            index.put(properties[i].getName().toLowerCase(Locale.ROOT), i);
            if (properties[i].isKey()) {
                keys.add(i);
            }
        }
        this.keyIndexes = keys.stream().mapToInt(Integer::intValue).toArray();
    }

    CIMProperty<?> property(CIMClassProperty<?> cp, Object value) {
        // No class origin or propagated flag: with them, the server would copy every instance it returns to drop
        // them again (IncludeClassOrigin is deprecated and FALSE by default), one copy per instance per response.
        return new CIMProperty<Object>(cp.getName(), cp.getDataType(), value, cp.isKey(), false, null);
    }

    /** The stored form of a new instance: every property of the class, checked and typed. */
    Built build(CIMInstance instance) throws WBEMException {
        if (keyIndexes.length == 0) {
            throw invalid("class " + name + " has no key properties, so its instances cannot be stored");
        }
        Object[] values = new Object[properties.length];
        boolean[] set = new boolean[properties.length];
        for (CIMProperty<?> p : instance.getProperties()) {
            Integer i = index.get(p.getName().toLowerCase(Locale.ROOT));
            if (i == null) {
                // DSP0200 lists no NO_SUCH_PROPERTY for CreateInstance: the NewInstance is an invalid parameter.
                throw invalid("class " + name + " has no property " + p.getName());
            }
            values[i] = coerce(p.getValue(), properties[i].getDataType(), name + "." + properties[i].getName());
            set[i] = true;
        }
        CIMObjectPath path = instance.getObjectPath();
        CIMProperty<?>[] keys = new CIMProperty<?>[keyIndexes.length];
        for (int k = 0; k < keyIndexes.length; k++) {
            int i = keyIndexes[k];
            CIMClassProperty<?> cp = properties[i];
            Object fromPath = keyValue(path, cp.getName());
            if (fromPath != null) {
                Object typed = coerce(fromPath, cp.getDataType(), name + "." + cp.getName());
                if (values[i] == null) {
                    values[i] = typed;
                    set[i] = true;
                } else if (!InstanceKey.canonical(typed).equals(InstanceKey.canonical(values[i]))) {
                    throw invalid("key " + name + "." + cp.getName() + " is " + values[i]
                            + " in the properties but " + fromPath + " in the path");
                }
            }
            if (values[i] == null) {
                throw invalid("key property " + name + "." + cp.getName() + " is missing or NULL");
            }
        }
        CIMProperty<?>[] props = new CIMProperty<?>[properties.length];
        for (int i = 0; i < properties.length; i++) {
            // An unset property starts with the class's default value (DSP0004), which is NULL when none.
            props[i] = property(properties[i], set[i] ? values[i] : properties[i].getValue());
        }
        Object[] canonical = new Object[keyIndexes.length];
        for (int k = 0; k < keyIndexes.length; k++) {
            keys[k] = props[keyIndexes[k]];
            canonical[k] = InstanceKey.canonical(values[keyIndexes[k]]);
        }
        return new Built(new InstanceKey(canonical),
                new CIMInstance(new CIMObjectPath(null, null, null, space.name, name, keys), props));
    }

    /** The key a path names; every key of the class must be there, and nothing else. */
    InstanceKey keyOfPath(CIMObjectPath path) throws WBEMException {
        CIMProperty<?>[] keys = path.getKeys();
        if (keys.length != keyIndexes.length) {
            throw invalid("the path " + path + " does not give exactly the " + keyIndexes.length
                    + " key properties of " + name);
        }
        if (keys.length == 1) {
            // The common case, without building a map.
            CIMClassProperty<?> cp = properties[keyIndexes[0]];
            if (!keys[0].getName().equalsIgnoreCase(cp.getName()) || keys[0].getValue() == null) {
                throw invalid("the path " + path + " does not give the key " + name + "." + cp.getName());
            }
            return new InstanceKey(new Object[] {
                InstanceKey.canonical(coerce(keys[0].getValue(), cp.getDataType(), name + "." + cp.getName()))});
        }
        Map<String, CIMProperty<?>> byName = byName(keys);
        return keyOfValues(byName, path);
    }

    InstanceKey keyOfValues(Map<String, CIMProperty<?>> byName, CIMObjectPath path) throws WBEMException {
        Object[] values = new Object[keyIndexes.length];
        for (int k = 0; k < keyIndexes.length; k++) {
            CIMClassProperty<?> cp = properties[keyIndexes[k]];
            CIMProperty<?> p = byName.get(cp.getName().toLowerCase(Locale.ROOT));
            if (p == null || p.getValue() == null) {
                throw invalid((path == null ? "the instance" : "the path " + path) + " lacks the key "
                        + name + "." + cp.getName());
            }
            values[k] = InstanceKey.canonical(coerce(p.getValue(), cp.getDataType(), name + "." + cp.getName()));
        }
        return new InstanceKey(values);
    }
}
