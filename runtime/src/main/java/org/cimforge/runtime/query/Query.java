package org.cimforge.runtime.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * A parsed query of the subset that SMI-S indication filters (and simple ExecQuery calls) use:
 * {@code SELECT * | path, ... FROM Class [[AS] alias] [WHERE condition]}, where a condition combines
 * {@code =, <>, <, >, <=, >=}, {@code AND, OR, NOT}, parentheses, {@code IS [NOT] NULL}, {@code ISA Class} and
 * {@code ANY/EVERY path[*] op value} over paths such as {@code SourceInstance.CIM_ConcreteJob::PercentComplete}, with
 * string, number and boolean literals. Names ignore case. WQL and DMTF:CQL text go through the same grammar.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Query {
    private final String text;
    private final QueryLanguage language;
    private final List<PropertyPath> select;
    private final String fromClass;
    private final String alias;
    private final Condition where;

    Query(String text, QueryLanguage language, List<PropertyPath> select, String fromClass, String alias,
          Condition where) {
        this.text = text;
        this.language = language;
        this.select = List.copyOf(select);
        this.fromClass = fromClass;
        this.alias = alias;
        this.where = where;
    }

    /** Parses {@code text}; failures carry the 1-based column where the text stops making sense. */
    public static Query parse(String text, QueryLanguage language) throws QueryException {
        return Parser.parse(text, language);
    }

    /** The query as written. */
    public String text() {
        return text;
    }

    /** The language it was parsed as. */
    public QueryLanguage language() {
        return language;
    }

    /** The selected properties; empty for {@code SELECT *}. */
    public List<PropertyPath> select() {
        return select;
    }

    /** The class in FROM. */
    public String fromClass() {
        return fromClass;
    }

    /** The alias of the FROM class, or null. */
    public String alias() {
        return alias;
    }

    /** The WHERE condition, or null when there is none. */
    public Condition where() {
        return where;
    }

    /** Whether instances of {@code className} are in the FROM class (the class itself or a subclass). */
    public boolean selectsClass(String className, ClassHierarchy hierarchy) {
        return hierarchy.isA(className, fromClass);
    }

    /**
     * Whether {@code instance} satisfies the query: its class is the FROM class or a subclass, and the WHERE condition
     * is TRUE (a comparison with NULL is UNKNOWN, which does not satisfy it). {@code hierarchy} answers ISA and
     * {@code Class::Property} scoping.
     */
    public boolean matches(CIMInstance instance, ClassHierarchy hierarchy) {
        if (!selectsClass(instance.getClassName(), hierarchy)) {
            return false;
        }
        return where == null || new Evaluator(this, hierarchy).test(where, instance) == Boolean.TRUE;
    }

    /**
     * The instance reduced to the selected properties: for each selected path the top-level property it starts with
     * is kept whole. {@code SELECT *} returns the instance unchanged.
     */
    public CIMInstance project(CIMInstance instance) {
        if (select.isEmpty()) {
            return instance;
        }
        Set<String> kept = select.stream().map(p -> topLevel(p).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<CIMProperty<?>> props = new ArrayList<>();
        for (CIMProperty<?> p : instance.getProperties()) {
            if (kept.contains(p.getName().toLowerCase(Locale.ROOT))) {
                props.add(p);
            }
        }
        return new CIMInstance(instance.getObjectPath(), props.toArray(new CIMProperty<?>[0]));
    }

    /** The first segment of a path that is a property (a leading class name or alias is skipped). */
    String topLevel(PropertyPath path) {
        return segmentsOf(path).get(0).property();
    }

    /** The segments of a path after dropping a leading FROM class name or alias. */
    List<PropertyPath.Segment> segmentsOf(PropertyPath path) {
        List<PropertyPath.Segment> s = path.segments();
        if (s.size() > 1) {
            PropertyPath.Segment first = s.get(0);
            if (first.scopeClass() == null && first.index() == PropertyPath.NO_INDEX
                    && (first.property().equalsIgnoreCase(fromClass)
                    || alias != null && first.property().equalsIgnoreCase(alias))) {
                return s.subList(1, s.size());
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return text;
    }
}
