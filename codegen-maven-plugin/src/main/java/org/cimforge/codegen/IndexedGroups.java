package org.cimforge.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimProperty;

/**
 * Finds the Indexed arrays of a class that belong together: array properties with {@code ArrayType("Indexed")}
 * linked by {@code ModelCorrespondence} to one another, such as {@code OperationalStatus} and
 * {@code StatusDescriptions}, whose elements at the same index describe one thing.
 *
 * <p>The rule: two Indexed array properties of the class (declared or inherited) are linked when either names the
 * other in its ModelCorrespondence as {@code <class>.<property>}, the class being this class or an ancestor. A group
 * is a set of properties connected by such links (links chain: A to B and B to C make one group of three), with at
 * least two members, in the class's property order. Entries naming other classes, non-array or non-Indexed
 * properties, or the property itself are ignored.
 */
final class IndexedGroups {

    private IndexedGroups() {
    }

    /** The groups of a class, each in property order, ordered by their first member. */
    static List<List<CimProperty>> of(CimClass c) {
        Map<CimName, CimProperty> indexed = new LinkedHashMap<>();
        for (CimProperty p : c.properties()) {
            if (isIndexedArray(p)) {
                indexed.put(p.name(), p);
            }
        }
        if (indexed.size() < 2) {
            return List.of();
        }
        Map<CimName, Set<CimName>> links = new LinkedHashMap<>();
        for (CimProperty p : indexed.values()) {
            for (String correspondence : p.qualifiers().strings("ModelCorrespondence")) {
                CimName other = linkedProperty(c, correspondence);
                if (other != null && indexed.containsKey(other) && !other.equals(p.name())) {
                    links.computeIfAbsent(p.name(), k -> new LinkedHashSet<>()).add(other);
                    links.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(p.name());
                }
            }
        }
        if (links.isEmpty()) {
            return List.of();
        }
        List<List<CimProperty>> groups = new ArrayList<>();
        Set<CimName> seen = new LinkedHashSet<>();
        for (CimProperty start : indexed.values()) {
            if (seen.contains(start.name()) || !links.containsKey(start.name())) {
                continue;
            }
            Set<CimName> members = new LinkedHashSet<>();
            Deque<CimName> todo = new ArrayDeque<>(List.of(start.name()));
            while (!todo.isEmpty()) {
                CimName next = todo.poll();
                if (members.add(next)) {
                    todo.addAll(links.getOrDefault(next, Set.of()));
                }
            }
            seen.addAll(members);
            groups.add(indexed.values().stream().filter(p -> members.contains(p.name())).toList());
        }
        return groups;
    }

    static boolean isIndexedArray(CimProperty p) {
        return p.type().array() && "Indexed".equalsIgnoreCase(p.qualifiers().string("ArrayType"));
    }

    /** The property a ModelCorrespondence entry names in this class's lineage, or null. */
    private static CimName linkedProperty(CimClass c, String correspondence) {
        int dot = correspondence.lastIndexOf('.');
        if (dot <= 0 || dot == correspondence.length() - 1) {
            return null;
        }
        CimName owner = CimName.of(correspondence.substring(0, dot).strip());
        return c.isSubclassOf(owner) ? CimName.of(correspondence.substring(dot + 1).strip()) : null;
    }
}
