package org.cimforge.runtime.indication;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Identity of the keyed interop objects (filters and destinations): their four key values, with the class-name keys
 * compared ignoring case, so that a path a client passes back finds the object whatever host or spelling it carries.
 */
final class InteropKeys {
    static final String SYSTEM_CREATION_CLASS_NAME = "SystemCreationClassName";
    static final String SYSTEM_NAME = "SystemName";
    static final String CREATION_CLASS_NAME = "CreationClassName";
    static final String NAME = "Name";
    static final String[] KEYS = {SYSTEM_CREATION_CLASS_NAME, SYSTEM_NAME, CREATION_CLASS_NAME, NAME};

    private InteropKeys() {
    }

    /** The identity string of an instance's four keys. */
    static String identity(CIMInstance instance) {
        Map<String, String> keys = new TreeMap<>();
        for (String k : KEYS) {
            Object v = value(instance.getProperties(), k);
            keys.put(k.toLowerCase(Locale.ROOT), normalize(k, v));
        }
        return keys.toString();
    }

    /**
     * Whether the object with these key properties is named by {@code path}: every key the path gives must match,
     * and the path must give at least Name.
     */
    static boolean named(CIMInstance instance, CIMObjectPath path) {
        CIMProperty<?>[] given = path.getKeys();
        if (given == null || value(given, NAME) == null) {
            return false;
        }
        for (CIMProperty<?> key : given) {
            String k = canonicalKey(key.getName());
            if (k == null) {
                return false;
            }
            Object mine = value(instance.getProperties(), k);
            if (!normalize(k, mine).equals(normalize(k, key.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static String canonicalKey(String name) {
        for (String k : KEYS) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    static Object value(CIMProperty<?>[] props, String name) {
        CIMProperty<?> p = property(props, name);
        return p == null ? null : p.getValue();
    }

    /** The property of that name (ignoring case), or null. */
    static CIMProperty<?> property(CIMProperty<?>[] props, String name) {
        for (CIMProperty<?> p : props) {
            if (p.getName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    private static String normalize(String key, Object value) {
        String text = value == null ? "" : value.toString();
        return key.endsWith("ClassName") ? text.toLowerCase(Locale.ROOT) : text;
    }
}
