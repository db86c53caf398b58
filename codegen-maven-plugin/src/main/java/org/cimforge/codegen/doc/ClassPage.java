package org.cimforge.codegen.doc;

import java.util.List;
import java.util.Map;

/**
 * Everything one class's reference page shows, in the order of the vendor pages it imitates: superclasses,
 * subclasses, referrers, description, properties by group, methods. Built by {@link PageModel}; rendered by
 * {@link ClassPageRenderer}. Names of classes are plain strings; the renderer links those that have a page.
 */
public record ClassPage(String name, String prefix, List<Marker> markers, List<String> superclasses,
                        List<String> subclasses, List<Referrer> referencedBy, String description, Deprecation deprecation,
                        Map<PropertyGroup, List<Member>> properties, List<MethodEntry> methods) {

    /** What the index, tree and page headings flag about a class. */
    public enum Marker {
        ABSTRACT("abstract"), ASSOCIATION("association"), INDICATION("indication"), EXPERIMENTAL("experimental"),
        DEPRECATED("deprecated");

        private final String label;

        Marker(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The three property groups of the vendor page, in its order. */
    public enum PropertyGroup {
        KEYS("Keys"), WRITEABLE("Writeable"), READ_ONLY("Read only");

        private final String title;

        PropertyGroup(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * A Deprecated qualifier: the elements it names as replacements ({@code CIM_X.Y}, {@code CIM_X}), empty when it
     * names none ({@code "No value"}).
     */
    public record Deprecation(List<String> replacements) {
        @Override
        public String toString() {
            return replacements.isEmpty() ? "Deprecated" : "Deprecated: use " + String.join(", ", replacements);
        }
    }

    /** A REF property or REF parameter of another class that points at this class. */
    public record Referrer(String className, String member, boolean association) {
    }

    /**
     * A type as written in MOF; {@code linkedClass} is the class to link to (a REF target or an EmbeddedInstance
     * class), or null.
     */
    public record TypeText(String text, String linkedClass) {
    }

    /** One row of a ValueMap → Values table; {@code range} when the value stands for a range of values. */
    public record ValueRow(String value, String label, boolean range) {
    }

    /**
     * A property or parameter row. {@code range} is the MaxLen / MinValue / MaxValue text such as {@code Max = 256}
     * (empty when none); {@code origin} is the class that first declared a property and {@code overriddenIn} the
     * nearest class that redeclared it (null when never overridden, and both null for parameters).
     */
    public record Member(String name, TypeText type, String range, List<ValueRow> values, String units,
                         String defaultValue, String description, Deprecation deprecation, String origin,
                         String overriddenIn, boolean required) {
    }

    /** A method with its parameters by direction and its return-code table (the return ValueMap). */
    public record MethodEntry(String name, TypeText returnType, boolean isStatic, String description,
                              Deprecation deprecation, String origin, String overriddenIn, List<Member> in,
                              List<Member> out, List<Member> inOut, List<ValueRow> returnCodes) {
    }
}
