package org.cimforge.runtime.store;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.runtime.cimxml.CimValues;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Parses the object path strings MOF writes for REF values ({@code [//host/][namespace:]Class.Key="v",N=5}, DSP0004
 * ANNEX / DSP0207 untyped form) into {@link CIMObjectPath}s whose key values are typed from the referenced class,
 * so that a REF read from MOF equals the path of the instance it names. A key whose type is itself a REF holds a
 * quoted, escaped object path and is parsed the same way.
 */
final class ObjectPaths {
    private ObjectPaths() {
    }

    static CIMObjectPath parse(String text, CimClassRepository classes, String namespace) {
        String s = text.trim();
        String host = null;
        if (s.startsWith("//")) {
            int slash = s.indexOf('/', 2);
            if (slash < 0) {
                throw new IllegalArgumentException("object path '" + text + "' has a host but no class");
            }
            host = s.substring(2, slash);
            s = s.substring(slash + 1);
        }
        int dot = s.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("object path '" + text + "' names no keys (Class.Key=value)");
        }
        String head = s.substring(0, dot);
        int colon = head.lastIndexOf(':');
        String ns = colon < 0 ? namespace : head.substring(0, colon);
        String className = head.substring(colon + 1);
        String lookupNs = classes.canonicalNamespace(ns) != null ? ns : namespace;
        CIMClass cimClass = classes.cimClass(lookupNs, className);
        List<CIMProperty<?>> keys = new ArrayList<>();
        String rest = s.substring(dot + 1);
        int i = 0;
        while (i < rest.length()) {
            int eq = rest.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("object path '" + text + "': key without '=' at " + rest.substring(i));
            }
            String name = rest.substring(i, eq).trim();
            int j = eq + 1;
            boolean quoted = j < rest.length() && rest.charAt(j) == '"';
            StringBuilder value = new StringBuilder();
            if (quoted) {
                j++;
                while (j < rest.length() && rest.charAt(j) != '"') {
                    char c = rest.charAt(j);
                    if (c == '\\' && j + 1 < rest.length()) {
                        j++;
                        c = rest.charAt(j);
                    }
                    value.append(c);
                    j++;
                }
                if (j >= rest.length()) {
                    throw new IllegalArgumentException("object path '" + text + "': unterminated string for " + name);
                }
                j++;
            } else {
                while (j < rest.length() && rest.charAt(j) != ',') {
                    value.append(rest.charAt(j));
                    j++;
                }
            }
            keys.add(key(cimClass, name, quoted ? value.toString() : value.toString().trim(), quoted, classes,
                    lookupNs));
            while (j < rest.length() && rest.charAt(j) == ' ') {
                j++;
            }
            if (j < rest.length() && rest.charAt(j) != ',') {
                throw new IllegalArgumentException("object path '" + text + "': expected ',' after key " + name);
            }
            i = j + 1;
        }
        return new CIMObjectPath(null, host, null, ns, cimClass == null ? className : cimClass.getName(),
                keys.toArray(new CIMProperty<?>[0]));
    }

    private static CIMProperty<?> key(CIMClass cimClass, String name, String text, boolean quoted,
                                      CimClassRepository classes, String namespace) {
        CIMClassProperty<?> cp = cimClass == null ? null : cimClass.getProperty(name);
        if (cp != null) {
            CIMDataType dt = cp.getDataType();
            Object value = dt.getType() == CIMDataType.REFERENCE ? parse(text, classes, namespace)
                    : CimValues.parse(dt.getType(), text);
            return new CIMProperty<Object>(cp.getName(), dt, value, true, false, null);
        }
        // A class this repository does not know: keep strings as strings and guess the rest from the spelling.
        if (quoted) {
            return new CIMProperty<>(name, CIMDataType.STRING_T, text, true, false, null);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return new CIMProperty<>(name, CIMDataType.BOOLEAN_T, Boolean.valueOf(text), true, false, null);
        }
        return new CIMProperty<>(name, CIMDataType.SINT64_T, Long.valueOf(text), true, false, null);
    }
}
