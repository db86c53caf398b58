package org.cimforge.runtime.spi;

import java.util.Objects;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/** Comparisons of instance paths the way CIM means them: names ignore case, host and namespace are not compared. */
public final class CimPaths {
    private CimPaths() {
    }

    /** Same class name and the same key values (keys matched by name, ignoring case and order). */
    public static boolean sameInstance(CIMObjectPath a, CIMObjectPath b) {
        if (a == null || b == null || !a.getObjectName().equalsIgnoreCase(b.getObjectName())) {
            return false;
        }
        CIMProperty<?>[] ka = a.getKeys();
        CIMProperty<?>[] kb = b.getKeys();
        if (ka.length != kb.length || ka.length == 0) {
            return false;
        }
        for (CIMProperty<?> key : ka) {
            CIMProperty<?> other = find(kb, key.getName());
            if (other == null || !sameValue(key.getValue(), other.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the key properties of {@code instance} hold the key values of {@code name}. */
    public static boolean keysMatch(CIMInstance instance, CIMObjectPath name) {
        if (!instance.getClassName().equalsIgnoreCase(name.getObjectName()) || name.getKeys().length == 0) {
            return false;
        }
        for (CIMProperty<?> key : name.getKeys()) {
            CIMProperty<?> p = instance.getProperty(key.getName());
            if (p == null) {
                p = find(instance.getProperties(), key.getName());
            }
            if (p == null || !sameValue(p.getValue(), key.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static CIMProperty<?> find(CIMProperty<?>[] props, String name) {
        for (CIMProperty<?> p : props) {
            if (p.getName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof CIMObjectPath pa && b instanceof CIMObjectPath pb) {
            return sameInstance(pa, pb);
        }
        if (a instanceof Number na && b instanceof Number nb && a.getClass() != b.getClass()) {
            // Keys typed from VALUETYPE alone may arrive in a wider Java type than the provider uses.
            return na.toString().equals(nb.toString());
        }
        return Objects.equals(a, b);
    }
}
