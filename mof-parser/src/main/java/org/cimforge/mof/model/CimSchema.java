package org.cimforge.mof.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The immutable result of a compilation: qualifier declarations, classes and instances, by name. */
public final class CimSchema {
    private final Map<CimName, QualifierType> qualifierTypes;
    private final Map<CimName, CimClass> classes;
    private final Map<CimName, List<CimClass>> directSubclasses;
    private final List<CimInstance> instances;
    private final Map<String, CimClass> classesByAlias;

    public CimSchema(List<QualifierType> qualifierTypes, List<CimClass> classes, List<CimInstance> instances) {
        this(qualifierTypes, classes, instances, Map.of());
    }

    /** A schema whose classes may have aliases ({@code class X as $alias}), keyed by alias in lower case. */
    public CimSchema(List<QualifierType> qualifierTypes, List<CimClass> classes, List<CimInstance> instances,
                     Map<String, CimClass> classesByAlias) {
        Map<CimName, QualifierType> q = new LinkedHashMap<>();
        qualifierTypes.forEach(t -> q.put(t.name(), t));
        Map<CimName, CimClass> c = new LinkedHashMap<>(classes.size() * 2);
        Map<CimName, List<CimClass>> subs = new LinkedHashMap<>();
        for (CimClass cimClass : classes) {
            c.put(cimClass.name(), cimClass);
            cimClass.superClass().ifPresent(s -> subs.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(cimClass));
        }
        subs.replaceAll((k, v) -> List.copyOf(v));
        this.qualifierTypes = Collections.unmodifiableMap(q);
        this.classes = Collections.unmodifiableMap(c);
        this.directSubclasses = Collections.unmodifiableMap(subs);
        this.instances = List.copyOf(instances);
        Map<String, CimClass> aliases = new LinkedHashMap<>();
        classesByAlias.forEach((alias, aliased) -> aliases.put(alias.toLowerCase(java.util.Locale.ROOT), aliased));
        this.classesByAlias = Collections.unmodifiableMap(aliases);
    }

    /** Classes in the order they were declared. */
    public List<CimClass> classes() {
        return List.copyOf(classes.values());
    }

    public Optional<CimClass> cimClass(String name) {
        return Optional.ofNullable(classes.get(CimName.of(name)));
    }

    public int classCount() {
        return classes.size();
    }

    /** Classes that name the given class as superclass. */
    public List<CimClass> directSubclasses(String name) {
        return directSubclasses.getOrDefault(CimName.of(name), List.of());
    }

    /** Every class below the given one, depth first (a loop, not recursion: chains may be very deep). */
    public List<CimClass> allSubclasses(String name) {
        List<CimClass> result = new ArrayList<>();
        java.util.Deque<java.util.Iterator<CimClass>> pending = new java.util.ArrayDeque<>();
        pending.push(directSubclasses(name).iterator());
        while (!pending.isEmpty()) {
            java.util.Iterator<CimClass> level = pending.peek();
            if (!level.hasNext()) {
                pending.pop();
                continue;
            }
            CimClass sub = level.next();
            result.add(sub);
            pending.push(directSubclasses(sub.name().spelling()).iterator());
        }
        return result;
    }

    public List<QualifierType> qualifierTypes() {
        return List.copyOf(qualifierTypes.values());
    }

    public Optional<QualifierType> qualifierType(String name) {
        return Optional.ofNullable(qualifierTypes.get(CimName.of(name)));
    }

    public List<CimInstance> instances() {
        return instances;
    }

    /** The class declared with {@code class Name as $alias} (alias without '$', any case). */
    public Optional<CimClass> classByAlias(String alias) {
        return Optional.ofNullable(classesByAlias.get(alias.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The instance declared with {@code as $alias}. */
    public Optional<CimInstance> instanceByAlias(String alias) {
        return instances.stream().filter(i -> alias.equalsIgnoreCase(i.alias())).findFirst();
    }
}
