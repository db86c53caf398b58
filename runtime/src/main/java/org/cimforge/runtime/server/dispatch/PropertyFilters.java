package org.cimforge.runtime.server.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;

/** The views of an instance that operations return: PropertyList, DeepInheritance FALSE, IncludeClassOrigin. */
final class PropertyFilters {
    private PropertyFilters() {
    }

    /**
     * Applies a PropertyList (null: all) and, when {@code onlyOf} is given (DeepInheritance FALSE), drops properties
     * that the requested class does not define. Key properties always stay.
     */
    static CIMInstance filter(CIMInstance i, Set<String> props, CimClass onlyOf) {
        if (props == null && onlyOf == null) {
            return i;
        }
        List<CIMProperty<?>> kept = new ArrayList<>();
        for (CIMProperty<?> p : i.getProperties()) {
            String lower = p.getName().toLowerCase(Locale.ROOT);
            if (onlyOf != null && onlyOf.property(p.getName()).isEmpty()) {
                continue;
            }
            if (props == null || props.contains(lower) || isKeyOf(i, p.getName())) {
                kept.add(p);
            }
        }
        return new CIMInstance(i.getObjectPath(), kept.toArray(new CIMProperty<?>[0]));
    }

    private static boolean isKeyOf(CIMInstance i, String property) {
        for (CIMProperty<?> k : i.getObjectPath().getKeys()) {
            if (k.getName().equalsIgnoreCase(property)) {
                return true;
            }
        }
        return false;
    }

    /** Drops class origin and propagated flags unless the client asked for them (IncludeClassOrigin). */
    static CIMInstance stripOrigin(CIMInstance i, boolean includeOrigin) {
        if (includeOrigin) {
            return i;
        }
        boolean any = false;
        for (CIMProperty<?> p : i.getProperties()) {
            any |= p.getOriginClass() != null || p.isPropagated();
        }
        if (!any) {
            return i;
        }
        CIMProperty<?>[] props = i.getProperties();
        CIMProperty<?>[] plain = new CIMProperty<?>[props.length];
        for (int k = 0; k < props.length; k++) {
            CIMProperty<?> p = props[k];
            plain[k] = new CIMProperty<>(p.getName(), p.getDataType(), p.getValue(), p.isKey(), false, null);
        }
        return new CIMInstance(i.getObjectPath(), plain);
    }
}
