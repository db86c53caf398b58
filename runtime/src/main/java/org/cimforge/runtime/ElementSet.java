package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An ordered set of properties or parameters, looked up by CIM name ignoring case. */
public final class ElementSet {
    private final List<PropertyInfo> all;
    /** Position by lower-case name. */
    private final Map<String, Integer> positions;
    /**
     * Position by the schema's own spelling: generated code always passes that spelling, so the common look-up
     * needs no lower-casing (which cost a string per call, many per instance built).
     */
    private final Map<String, Integer> bySpelling;

    /** Positions in the order of the names ignoring case, the order JSR48 sorts properties in. */
    private final int[] nameOrder;

    private ElementSet(List<PropertyInfo> all) {
        this.all = List.copyOf(all);
        this.nameOrder = java.util.stream.IntStream.range(0, all.size()).boxed()
                .sorted((a, b) -> all.get(a).name().compareToIgnoreCase(all.get(b).name()))
                .mapToInt(Integer::intValue).toArray();
        this.positions = new HashMap<>();
        this.bySpelling = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            positions.put(key(all.get(i).name()), i);
            bySpelling.put(all.get(i).name(), i);
        }
    }

    /** A set of the given elements; a later element with the same name replaces an earlier one in place. */
    public static ElementSet of(List<PropertyInfo> elements) {
        Map<String, PropertyInfo> map = new LinkedHashMap<>();
        for (PropertyInfo e : elements) {
            map.put(key(e.name()), e);
        }
        return new ElementSet(new ArrayList<>(map.values()));
    }

    /** The element with this name, or null. */
    public PropertyInfo get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : all.get(i);
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
        return all;
    }

    /** Number of elements. */
    int size() {
        return all.size();
    }

    /** The positions of the elements in the order of their names, ignoring case (do not change the array). */
    int[] nameOrder() {
        return nameOrder;
    }

    /** Position of an element in schema order, or -1 for names the schema lacks. */
    int indexOf(String name) {
        Integer i = bySpelling.get(name);
        if (i == null) {
            i = positions.get(key(name));
        }
        return i == null ? -1 : i;
    }

    /** A set with these elements appended (replacing same-named ones in place). */
    ElementSet plus(List<PropertyInfo> more) {
        List<PropertyInfo> merged = new ArrayList<>(all);
        merged.addAll(more);
        return of(merged);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
