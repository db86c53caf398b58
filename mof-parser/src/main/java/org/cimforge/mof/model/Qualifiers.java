package org.cimforge.mof.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The effective qualifiers of an element, in declaration order, looked up by name ignoring case. */
public final class Qualifiers {
    private static final Qualifiers EMPTY = new Qualifiers(Map.of());

    private final Map<CimName, CimQualifier> byName;

    private Qualifiers(Map<CimName, CimQualifier> byName) {
        this.byName = byName;
    }

    public static Qualifiers of(Collection<CimQualifier> qualifiers) {
        if (qualifiers.isEmpty()) {
            return EMPTY;
        }
        Map<CimName, CimQualifier> map = new LinkedHashMap<>(qualifiers.size() * 2);
        for (CimQualifier q : qualifiers) {
            map.put(q.name(), q);
        }
        return new Qualifiers(Collections.unmodifiableMap(map));
    }

    public List<CimQualifier> all() {
        return List.copyOf(byName.values());
    }

    public CimQualifier get(String name) {
        return byName.get(CimName.of(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(CimName.of(name));
    }

    /** True when a boolean qualifier is present and true (e.g. Key, Abstract, Association). */
    public boolean isTrue(String name) {
        CimQualifier q = get(name);
        return q != null && q.value().value() instanceof Boolean b && b;
    }

    /** The string value of a scalar string qualifier, or null. */
    public String string(String name) {
        CimQualifier q = get(name);
        return q != null && q.value().value() instanceof String s ? s : null;
    }

    /** The elements of a string array qualifier, empty when absent or NULL. */
    public List<String> strings(String name) {
        CimQualifier q = get(name);
        return q == null || !q.value().array() ? List.of() : q.value().asStringList();
    }

    public int size() {
        return byName.size();
    }
}
