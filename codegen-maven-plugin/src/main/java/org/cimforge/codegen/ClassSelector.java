package org.cimforge.codegen;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;

/**
 * Picks the classes to generate or document: those matching the include patterns, plus the closure of
 * what they refer to (superclasses, REF targets, EmbeddedInstance classes).
 */
public final class ClassSelector {

    private ClassSelector() {
    }

    /** Selected classes sorted by name, so output order never depends on MOF order. */
    public static List<CimClass> select(CimSchema schema, List<String> includes) {
        List<Pattern> patterns = includes.stream().map(ClassSelector::glob).toList();
        Set<CimName> chosen = new LinkedHashSet<>();
        Deque<CimClass> work = new ArrayDeque<>();
        for (CimClass c : schema.classes()) {
            String name = c.name().spelling();
            if (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(name).matches())) {
                work.add(c);
            }
        }
        while (!work.isEmpty()) {
            CimClass c = work.pop();
            if (!chosen.add(c.name())) {
                continue;
            }
            c.superClass().ifPresent(work::push);
            for (CimProperty p : c.properties()) {
                need(schema, p.type().referenceClass(), work);
                p.embeddedInstance().ifPresent(n -> need(schema, n, work));
            }
            for (CimMethod m : c.methods()) {
                need(schema, m.returnType().referenceClass(), work);
                for (CimParameter p : m.parameters()) {
                    need(schema, p.type().referenceClass(), work);
                    p.embeddedInstance().ifPresent(n -> need(schema, n, work));
                }
            }
        }
        return chosen.stream()
                .map(n -> schema.cimClass(n.spelling()).orElseThrow())
                .sorted(Comparator.comparing(CimClass::name))
                .toList();
    }

    private static void need(CimSchema schema, CimName name, Deque<CimClass> work) {
        if (name != null) {
            schema.cimClass(name.spelling()).ifPresent(work::push);
        }
    }

    /** A case-insensitive pattern for a class-name glob ({@code *} and {@code ?}). */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The schema prefix of a class name: the part before the first underscore, or "" if none. */
    public static String prefix(String className) {
        int underscore = className.indexOf('_');
        return underscore <= 0 ? "" : className.substring(0, underscore).toUpperCase(Locale.ROOT);
    }
}
