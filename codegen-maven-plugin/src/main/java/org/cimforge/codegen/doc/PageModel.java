package org.cimforge.codegen.doc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.cimforge.codegen.ClassSelector;
import org.cimforge.codegen.doc.ClassPage.Marker;
import org.cimforge.codegen.doc.ClassPage.Member;
import org.cimforge.codegen.doc.ClassPage.MethodEntry;
import org.cimforge.codegen.doc.ClassPage.PropertyGroup;
import org.cimforge.codegen.doc.ClassPage.Referrer;
import org.cimforge.codegen.doc.ClassPage.TypeText;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimElement;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.Qualifiers;

/**
 * The documented classes and what links them: the selection (closed like code generation's), direct subclasses
 * and referrers among it, and one {@link ClassPage} per class. Every list is sorted by class name (ignoring case)
 * or kept in MOF order, so the same schema always gives the same model.
 */
public final class PageModel {
    private final List<CimClass> classes;
    private final Map<CimName, CimClass> byName = new HashMap<>();
    private final Map<CimName, List<String>> subclasses = new HashMap<>();
    private final Map<CimName, List<Referrer>> referrers = new HashMap<>();

    private PageModel(List<CimClass> classes) {
        this.classes = classes;
        for (CimClass c : classes) {
            byName.put(c.name(), c);
        }
        for (CimClass c : classes) {
            c.superClass().ifPresent(s -> subclasses.computeIfAbsent(s.name(), k -> new ArrayList<>())
                    .add(c.name().spelling()));
            collectReferrers(c);
        }
        Comparator<Referrer> order = Comparator.comparing((Referrer r) -> CimName.of(r.className()))
                .thenComparing(r -> r.member().toLowerCase(java.util.Locale.ROOT));
        referrers.values().forEach(list -> list.sort(order));
        subclasses.values().forEach(list -> list.sort(Comparator.comparing(CimName::of)));
    }

    /** The model of the classes {@code includes} selects (all when empty) and their closure. */
    public static PageModel of(CimSchema schema, List<String> includes) {
        return new PageModel(ClassSelector.select(schema, includes));
    }

    /** The documented classes, sorted by name. */
    public List<CimClass> classes() {
        return classes;
    }

    /** True when the class has a page of its own (so a mention of it can link there). */
    public boolean documents(String className) {
        return byName.containsKey(CimName.of(className));
    }

    /** A documented class by name. */
    public CimClass classOf(String className) {
        CimClass c = byName.get(CimName.of(className));
        if (c == null) {
            throw new IllegalArgumentException(className + " is not documented");
        }
        return c;
    }

    /** The declared spelling of a documented class (its page's file name), whatever the case of the mention. */
    public String spelling(String className) {
        CimClass c = byName.get(CimName.of(className));
        return c == null ? className : c.name().spelling();
    }

    /** The documented direct subclasses of a class, sorted. */
    public List<String> subclassesOf(CimName name) {
        return subclasses.getOrDefault(name, List.of());
    }

    /** Classes that have no documented superclass (roots of the tree), sorted. */
    public List<CimClass> roots() {
        return classes.stream().filter(c -> c.superClass().isEmpty()).toList();
    }

    /** Schema prefix (upper case; "" for none) → its classes, prefixes sorted. */
    public Map<String, List<CimClass>> byPrefix() {
        Map<String, List<CimClass>> groups = new TreeMap<>();
        for (CimClass c : classes) {
            groups.computeIfAbsent(ClassSelector.prefix(c.name().spelling()), k -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    /** The markers of a class, in {@link Marker} order. */
    public static List<Marker> markers(CimClass c) {
        List<Marker> markers = new ArrayList<>(2);
        if (c.isAbstract()) {
            markers.add(Marker.ABSTRACT);
        }
        if (c.isAssociation()) {
            markers.add(Marker.ASSOCIATION);
        }
        if (c.isIndication()) {
            markers.add(Marker.INDICATION);
        }
        if (c.qualifiers().isTrue("Experimental")) {
            markers.add(Marker.EXPERIMENTAL);
        }
        if (c.qualifiers().contains("Deprecated")) {
            markers.add(Marker.DEPRECATED);
        }
        return markers;
    }

    /** Only REF members a class declares itself count, so an inherited REF is listed once, at its declarer. */
    private void collectReferrers(CimClass c) {
        String owner = c.name().spelling();
        for (CimProperty p : c.properties()) {
            if (!p.propagated() && p.isReference()) {
                addReferrer(p.type().referenceClass(), new Referrer(owner, p.name().spelling(), c.isAssociation()));
            }
        }
        for (CimMethod m : c.methods()) {
            if (m.propagated()) {
                continue;
            }
            for (CimParameter p : m.parameters()) {
                if (p.type().isReference()) {
                    addReferrer(p.type().referenceClass(), new Referrer(owner,
                            m.name().spelling() + "(" + p.name().spelling() + ")", false));
                }
            }
        }
    }

    private void addReferrer(CimName target, Referrer referrer) {
        if (target != null) {
            referrers.computeIfAbsent(target, k -> new ArrayList<>()).add(referrer);
        }
    }

    /** The page of one documented class. */
    public ClassPage page(CimClass c) {
        List<String> superclasses = new ArrayList<>();
        for (CimClass s = c.superClass().orElse(null); s != null; s = s.superClass().orElse(null)) {
            superclasses.add(0, s.name().spelling());
        }
        List<CimClass> lineage = c.lineage();
        Map<PropertyGroup, List<Member>> groups = new EnumMap<>(PropertyGroup.class);
        for (PropertyGroup g : PropertyGroup.values()) {
            groups.put(g, new ArrayList<>());
        }
        for (CimProperty p : byDeclarer(c.properties(), lineage, CimProperty::name, CimClass::property)) {
            groups.get(group(p)).add(property(p, lineage));
        }
        groups.replaceAll((g, list) -> List.copyOf(list));
        List<MethodEntry> methods = new ArrayList<>();
        for (CimMethod m : byDeclarer(c.methods(), lineage, CimMethod::name, CimClass::method)) {
            methods.add(method(m, lineage));
        }
        return new ClassPage(c.name().spelling(), ClassSelector.prefix(c.name().spelling()), markers(c),
                List.copyOf(superclasses), subclassesOf(c.name()), referrers.getOrDefault(c.name(), List.of()),
                MemberFacts.description(c.qualifiers()), MemberFacts.deprecation(c.qualifiers()), groups,
                List.copyOf(methods));
    }

    static PropertyGroup group(CimProperty p) {
        if (p.isKey()) {
            return PropertyGroup.KEYS;
        }
        return p.qualifiers().isTrue("Write") ? PropertyGroup.WRITEABLE : PropertyGroup.READ_ONLY;
    }

    /**
     * Members ordered as the vendor pages order them: those the class itself declares first, then each
     * superclass's going up the lineage, in MOF order (as written in the declaring class) within one class.
     */
    private static <T> List<T> byDeclarer(List<T> members, List<CimClass> lineage, Function<T, CimName> name,
                                          Lookup<T> lookup) {
        Map<CimName, long[]> key = new HashMap<>();
        for (T member : members) {
            CimClass declarer = declarer(lineage, name.apply(member), lookup);
            SourceLocation at = ((CimElement) lookup.find(declarer, name.apply(member).spelling()).orElseThrow())
                    .location();
            key.put(name.apply(member), new long[] {lineage.indexOf(declarer), at == null ? 0 : at.line(),
                    at == null ? 0 : at.column()});
        }
        List<T> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingLong((T m) -> key.get(name.apply(m))[0])
                .thenComparingLong(m -> key.get(name.apply(m))[1])
                .thenComparingLong(m -> key.get(name.apply(m))[2]));
        return sorted;
    }

    /** How a class finds a member of its own by name (property or method). */
    private interface Lookup<T> {
        java.util.Optional<T> find(CimClass c, String name);
    }

    /** The nearest class in the lineage (the class itself first) that writes the member in its own declaration. */
    private static <T> CimClass declarer(List<CimClass> lineage, CimName member, Lookup<T> lookup) {
        for (CimClass c : lineage) {
            T found = lookup.find(c, member.spelling()).orElse(null);
            if (found != null && !propagated(found)) {
                return c;
            }
        }
        return lineage.get(0);
    }

    /** The farthest class in the lineage that has the member: where it was first declared. */
    private static <T> CimClass origin(List<CimClass> lineage, CimName member, Lookup<T> lookup) {
        CimClass origin = lineage.get(0);
        for (CimClass c : lineage) {
            if (lookup.find(c, member.spelling()).isPresent()) {
                origin = c;
            } else {
                break;
            }
        }
        return origin;
    }

    private static boolean propagated(Object member) {
        return member instanceof CimProperty p ? p.propagated() : ((CimMethod) member).propagated();
    }

    private Member property(CimProperty p, List<CimClass> lineage) {
        Lookup<CimProperty> lookup = CimClass::property;
        String origin = origin(lineage, p.name(), lookup).name().spelling();
        String declarer = declarer(lineage, p.name(), lookup).name().spelling();
        Qualifiers q = p.qualifiers();
        return new Member(p.name().spelling(), typeText(p.type(), q), MemberFacts.range(q),
                MemberFacts.values(p.valueMap(), p.type().type()), MemberFacts.units(q),
                MemberFacts.defaultValue(p.defaultValue()), MemberFacts.description(q), MemberFacts.deprecation(q),
                origin, declarer.equals(origin) ? null : declarer, q.isTrue("Required"));
    }

    private MethodEntry method(CimMethod m, List<CimClass> lineage) {
        Lookup<CimMethod> lookup = CimClass::method;
        String origin = origin(lineage, m.name(), lookup).name().spelling();
        String declarer = declarer(lineage, m.name(), lookup).name().spelling();
        List<Member> in = new ArrayList<>();
        List<Member> out = new ArrayList<>();
        List<Member> inOut = new ArrayList<>();
        for (CimParameter p : m.parameters()) {
            Member row = parameter(p);
            if (p.isIn() && p.isOut()) {
                inOut.add(row);
            } else if (p.isOut()) {
                out.add(row);
            } else {
                in.add(row);
            }
        }
        Qualifiers q = m.qualifiers();
        return new MethodEntry(m.name().spelling(), typeText(m.returnType(), q), m.isStatic(),
                MemberFacts.description(q), MemberFacts.deprecation(q), origin,
                declarer.equals(origin) ? null : declarer, List.copyOf(in), List.copyOf(out), List.copyOf(inOut),
                MemberFacts.values(m.valueMap(), m.returnType().type()));
    }

    private static Member parameter(CimParameter p) {
        Qualifiers q = p.qualifiers();
        return new Member(p.name().spelling(), typeText(p.type(), q), MemberFacts.range(q),
                MemberFacts.values(p.valueMap(), p.type().type()), MemberFacts.units(q), "",
                MemberFacts.description(q), MemberFacts.deprecation(q), null, null, q.isTrue("Required"));
    }

    /** The MOF type, linking the REF target or the EmbeddedInstance class. */
    static TypeText typeText(CimTypeRef type, Qualifiers q) {
        if (type.isReference()) {
            return new TypeText(type.toMof(), type.referenceClass().spelling());
        }
        String embedded = q.string("EmbeddedInstance");
        if (embedded != null) {
            return new TypeText(type.toMof(), embedded);
        }
        return new TypeText(type.toMof(), null);
    }
}
