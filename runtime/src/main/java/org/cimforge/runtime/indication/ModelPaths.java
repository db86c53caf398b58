package org.cimforge.runtime.indication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.cimxml.CimValues;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Writes SourceInstanceModelPath values: {@code /<namespace>:<Class>.<Key>="<value>",...}, keys in alphabetical
 * order, strings quoted with backslash escapes (the WBEM URI untyped form).
 */
final class ModelPaths {
    private ModelPaths() {
    }

    static String of(CIMInstance source, String namespace, CimClassRepository repository) {
        StringBuilder text = new StringBuilder();
        if (namespace != null && !namespace.isEmpty()) {
            text.append('/').append(namespace.startsWith("/") ? namespace.substring(1) : namespace).append(':');
        }
        text.append(source.getClassName());
        List<CIMProperty<?>> keys = keys(source, namespace, repository);
        keys.sort(Comparator.comparing(p -> p.getName().toLowerCase(java.util.Locale.ROOT)));
        for (int i = 0; i < keys.size(); i++) {
            CIMProperty<?> k = keys.get(i);
            text.append(i == 0 ? '.' : ',').append(k.getName()).append('=').append(value(k.getValue()));
        }
        return text.toString();
    }

    private static List<CIMProperty<?>> keys(CIMInstance source, String namespace, CimClassRepository repository) {
        CIMObjectPath path = source.getObjectPath();
        List<CIMProperty<?>> keys = new ArrayList<>();
        if (path != null && path.getKeys() != null && path.getKeys().length > 0) {
            keys.addAll(List.of(path.getKeys()));
            return keys;
        }
        CimClass model = namespace == null ? null : repository.modelClass(namespace, source.getClassName());
        if (model != null) {
            for (org.cimforge.mof.model.CimProperty k : model.keys()) {
                CIMProperty<?> v = InteropKeys.property(source.getProperties(), k.name().spelling());
                if (v != null) {
                    keys.add(v);
                }
            }
            return keys;
        }
        for (CIMProperty<?> p : source.getProperties()) {
            if (p.isKey()) {
                keys.add(p);
            }
        }
        return keys;
    }

    private static String value(Object v) {
        if (v == null) {
            return "\"\"";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return CimValues.format(v);
        }
        String raw = v instanceof CIMObjectPath ref ? ref.toString() : CimValues.format(v);
        return '"' + raw.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
