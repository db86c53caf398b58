package org.cimforge.codegen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out unique Java identifiers within one scope (a package, a class's members, a class's nested
 * types), applying every renaming rule in one place.
 *
 * <p>Rules, in order: characters that cannot appear in an identifier become {@code _}; a name that
 * would start with a digit gets a leading {@code _}; Java keywords, literals and restricted
 * identifiers ({@code var}, {@code yield}, {@code record}, {@code sealed}, {@code permits}, ...) get a
 * trailing {@code _}; names reserved in the scope (such as {@code Object} methods) also get a
 * trailing {@code _}; and a name already taken gets {@code _2}, {@code _3}, ... In a case-insensitive
 * scope (types, which become file names) names that differ only in case count as taken.
 */
public final class NameAllocator {
    /** Keywords, literals and contextual keywords that cannot (or should not) name anything. */
    static final Set<String> JAVA_RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_",
            "var", "yield", "record", "sealed", "permits", "non-sealed", "module", "open", "exports",
            "requires", "transitive", "opens", "to", "uses", "provides", "with", "when");

    /** Methods of {@code java.lang.Object} that a generated member must not hide or clash with. */
    static final Set<String> OBJECT_METHODS = Set.of(
            "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize");

    private final boolean caseInsensitive;
    private final Set<String> reserved = new HashSet<>();
    private final Set<String> taken = new HashSet<>();

    private NameAllocator(boolean caseInsensitive) {
        this.caseInsensitive = caseInsensitive;
    }

    /** A scope for members (methods, fields, enum constants), where case matters. */
    public static NameAllocator forMembers() {
        NameAllocator scope = new NameAllocator(false);
        scope.reserve(OBJECT_METHODS);
        return scope;
    }

    /** A scope for type names, which must stay distinct on case-insensitive file systems. */
    public static NameAllocator forTypes() {
        return new NameAllocator(true);
    }

    /** Marks names as unavailable: a request for one of them gets a trailing underscore. */
    public NameAllocator reserve(Iterable<String> names) {
        for (String n : names) {
            reserved.add(key(n));
        }
        return this;
    }

    /** Marks a name as already used in this scope (for example inherited from a superclass). */
    public NameAllocator claim(String name) {
        taken.add(key(name));
        return this;
    }

    /** Takes over every name another scope has used or reserved (a subclass scope inherits its superclass's). */
    public NameAllocator inherit(NameAllocator other) {
        reserved.addAll(other.reserved);
        taken.addAll(other.taken);
        return this;
    }

    /** True when the name is already used in this scope. */
    public boolean isTaken(String name) {
        return taken.contains(key(name));
    }

    /** A fresh identifier for the suggested name, renamed by the rules above as needed. */
    public String allocate(String suggestion) {
        String base = legal(suggestion);
        if (reserved.contains(key(base))) {
            base = base + "_";
        }
        String candidate = base;
        for (int n = 2; taken.contains(key(candidate)); n++) {
            candidate = base + "_" + n;
        }
        taken.add(key(candidate));
        return candidate;
    }

    /** The suggestion made into a legal identifier (symbols, leading digit, keywords), without uniqueness. */
    public static String legal(String suggestion) {
        StringBuilder out = new StringBuilder(suggestion.length() + 1);
        for (int i = 0; i < suggestion.length(); i++) {
            char c = suggestion.charAt(i);
            out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String name = out.toString();
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        if (JAVA_RESERVED.contains(name)) {
            name = name + "_";
        }
        return name;
    }

    private String key(String name) {
        return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
    }
}
