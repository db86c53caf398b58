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
    /** Reserved names shared by many scopes, never copied (the generator makes thousands of member scopes). */
    private final Set<String> sharedReserved;
    /** The scope this one inherited from: its names count as used or reserved here too, without a copy. */
    private NameAllocator parent;

    private NameAllocator(boolean caseInsensitive, Set<String> sharedReserved) {
        this.caseInsensitive = caseInsensitive;
        this.sharedReserved = sharedReserved;
    }

    /** A scope for members (methods, fields, enum constants), where case matters. */
    public static NameAllocator forMembers() {
        return new NameAllocator(false, OBJECT_METHODS);
    }

    /**
     * A member scope whose reserved names are {@link #OBJECT_METHODS} plus {@code shared}, an immutable set that is
     * read, not copied (see {@link #withObjectMethods}).
     */
    static NameAllocator forMembers(Set<String> shared) {
        return new NameAllocator(false, shared);
    }

    /** {@link #OBJECT_METHODS} and the given names, as one immutable set for {@link #forMembers(Set)}. */
    static Set<String> withObjectMethods(Iterable<String> names) {
        Set<String> all = new HashSet<>(OBJECT_METHODS);
        names.forEach(all::add);
        return Set.copyOf(all);
    }

    /** A scope for type names, which must stay distinct on case-insensitive file systems. */
    public static NameAllocator forTypes() {
        return new NameAllocator(true, Set.of());
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
        if (parent == null && other.caseInsensitive == caseInsensitive) {
            // Linked, not copied: a superclass's scope no longer changes once its subclasses are named.
            parent = other;
        } else {
            reserved.addAll(other.allReserved());
            taken.addAll(other.allTaken());
        }
        return this;
    }

    /** True when the name is already used in this scope. */
    public boolean isTaken(String name) {
        return takenKey(key(name));
    }

    /** A fresh identifier for the suggested name, renamed by the rules above as needed. */
    public String allocate(String suggestion) {
        String base = legal(suggestion);
        if (reservedKey(key(base))) {
            base = base + "_";
        }
        String candidate = base;
        for (int n = 2; takenKey(key(candidate)); n++) {
            candidate = base + "_" + n;
        }
        taken.add(key(candidate));
        return candidate;
    }

    private boolean takenKey(String key) {
        for (NameAllocator s = this; s != null; s = s.parent) {
            if (s.taken.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private boolean reservedKey(String key) {
        for (NameAllocator s = this; s != null; s = s.parent) {
            if (s.reserved.contains(key) || s.sharedReserved.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> allTaken() {
        Set<String> all = new HashSet<>();
        for (NameAllocator s = this; s != null; s = s.parent) {
            all.addAll(s.taken);
        }
        return all;
    }

    private Set<String> allReserved() {
        Set<String> all = new HashSet<>();
        for (NameAllocator s = this; s != null; s = s.parent) {
            all.addAll(s.reserved);
            all.addAll(s.sharedReserved);
        }
        return all;
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
