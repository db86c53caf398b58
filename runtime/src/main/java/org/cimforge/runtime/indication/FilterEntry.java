package org.cimforge.runtime.indication;

import java.util.List;
import java.util.Locale;
import org.cimforge.runtime.query.Query;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * A CIM_IndicationFilter as the service holds it: the instance, its parsed query and the namespaces it watches.
 *
 * @param instance         the filter instance, keys filled, path in the interop namespace
 * @param query            the parsed Query
 * @param sourceNamespaces namespaces watched, normalised (lower case, no leading slash); empty for all
 */
record FilterEntry(CIMInstance instance, Query query, List<String> sourceNamespaces) {
    FilterEntry {
        sourceNamespaces = List.copyOf(sourceNamespaces);
    }

    String id() {
        return InteropKeys.identity(instance);
    }

    String name() {
        Object v = InteropKeys.value(instance.getProperties(), InteropKeys.NAME);
        return v == null ? null : v.toString();
    }

    boolean watches(String namespace) {
        return sourceNamespaces.isEmpty() || namespace != null && sourceNamespaces.contains(normalize(namespace));
    }

    static String normalize(String namespace) {
        String n = namespace.trim();
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
