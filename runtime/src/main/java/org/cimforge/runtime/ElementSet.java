package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An ordered set of properties or parameters, looked up by CIM name ignoring case. */
public final class ElementSet {
    private final Map<String, PropertyInfo> byName;

    private ElementSet(Map<String, PropertyInfo> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** A set of the given elements; a later element with the same name replaces an earlier one in place. */
    public static ElementSet of(List<PropertyInfo> elements) {
        Map<String, PropertyInfo> map = new LinkedHashMap<>();
        for (PropertyInfo e : elements) {
            map.put(key(e.name()), e);
        }
        return new ElementSet(map);
    }

    /** The element with this name, or null. */
    public PropertyInfo get(String name) {
        return byName.get(key(name));
    }

    /** The element with this name; fails when the schema has none (a generator bug, not a data problem). */
    public PropertyInfo require(String name) {
        PropertyInfo info = get(name);
        if (info == null) {
            throw new IllegalArgumentException("no element named " + name);
        }
        return info;
    }

    /** The elements in schema order. */
    public List<PropertyInfo> all() {
        return List.copyOf(byName.values());
    }

    /** Position of an element in schema order, or Integer.MAX_VALUE for names the schema lacks. */
    int position(String name) {
        int i = 0;
        String wanted = key(name);
        for (String k : byName.keySet()) {
            if (k.equals(wanted)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    /** A set with these elements appended (replacing same-named ones in place). */
    ElementSet plus(List<PropertyInfo> more) {
        List<PropertyInfo> merged = new ArrayList<>(byName.values());
        merged.addAll(more);
        return of(merged);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
