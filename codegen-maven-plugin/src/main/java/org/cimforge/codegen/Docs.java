package org.cimforge.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.mof.model.CimElement;
import org.cimforge.mof.model.CimQualifier;
import org.cimforge.mof.model.CimValue;

/**
 * Javadoc text from MOF: Description made safe for a comment and wrapped, the facts other qualifiers
 * state (units, bounds, length, default, Required, Deprecated), plus the generated-file header.
 */
final class Docs {
    private static final int WIDTH = 100;

    private Docs() {
    }

    /** The element's Description as Javadoc text, or the fallback when it has none. */
    static String describe(CimElement element, String fallback) {
        String description = element.description();
        return description == null || description.isBlank() ? fallback : sanitize(description);
    }

    /** Like {@link #describe} but ignores a Description inherited from a superclass (for classes). */
    static String describeOwn(CimElement element, String fallback) {
        CimQualifier own = element.qualifiers().get("Description");
        return own == null || own.propagated() ? fallback : describe(element, fallback);
    }

    /** Escapes what Javadoc or javac would misread, collapses white space and wraps the text at a fixed width. */
    static String sanitize(String text) {
        // One pass without regular expressions: this runs for every element of the schema and dominated generation time.
        StringBuilder out = new StringBuilder(text.length() + 16);
        StringBuilder word = new StringBuilder();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == ' ' || Character.isISOControl(c)) {
                lineStart = appendWord(out, word, lineStart);
                continue;
            }
            switch (c) {
                case '&' -> word.append("&amp;");
                case '<' -> word.append("&lt;");
                case '>' -> word.append("&gt;");
                // "@" would start a block tag and "\" could form a unicode escape that javac decodes in comments.
                case '@' -> word.append("&#64;");
                case '\\' -> word.append("&#92;");
                case '/' -> word.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                default -> word.append(c);
            }
        }
        return out.toString();
    }

    /** Appends a finished word, breaking the line before it when it would pass the width; returns the current line's start. */
    private static int appendWord(StringBuilder out, StringBuilder word, int lineStart) {
        if (word.isEmpty()) {
            return lineStart;
        }
        int start = lineStart;
        if (out.length() - start + word.length() + 1 > WIDTH && out.length() > start) {
            out.append('\n');
            start = out.length();
        } else if (out.length() > start) {
            out.append(' ');
        }
        out.append(word);
        word.setLength(0);
        return start;
    }

    /**
     * A paragraph with what the MOF says about an element's values besides its Description: units
     * (PUnit, or the older Units), MinValue/MaxValue, MinLen/MaxLen, the default value and Required;
     * empty when it says none of these. {@code defaultValue} may be null (parameters have none).
     */
    static String facts(CimElement element, CimValue defaultValue) {
        List<String> facts = new ArrayList<>(4);
        String punit = element.qualifiers().string("PUnit");
        String units = element.qualifiers().string("Units");
        if (punit != null) {
            facts.add("Units: <code>" + sanitize(punit) + "</code> (PUnit).");
        } else if (units != null) {
            facts.add("Units: " + sanitize(units) + ".");
        }
        range(facts, element, "MinValue", "MaxValue", "Values from ", "Values up to ", "Values from at least ");
        range(facts, element, "MinLen", "MaxLen", "Length from ", "Length up to ", "Length at least ");
        if (defaultValue != null && !defaultValue.isNull()) {
            facts.add("Default in the MOF: <code>" + sanitize(literal(defaultValue)) + "</code>.");
        }
        if (element.isRequired()) {
            facts.add("Required: a builder's {@code build()} refuses to go without a value.");
        }
        return facts.isEmpty() ? "" : "\n\n<p>" + String.join("\n", facts);
    }

    private static void range(List<String> facts, CimElement element, String minName, String maxName, String both,
                              String upTo, String from) {
        String min = number(element, minName);
        String max = number(element, maxName);
        if (min != null && max != null) {
            facts.add(both + min + " to " + max + " (" + minName + ", " + maxName + ").");
        } else if (max != null) {
            facts.add(upTo + max + " (" + maxName + ").");
        } else if (min != null) {
            facts.add(from + min + " (" + minName + ").");
        }
    }

    private static String number(CimElement element, String qualifier) {
        CimQualifier q = element.qualifiers().get(qualifier);
        return q == null || q.value().isNull() ? null : q.value().value().toString();
    }

    /** A MOF value as MOF would write it: strings quoted, arrays in braces. */
    private static String literal(CimValue value) {
        if (value.array()) {
            List<String> parts = new ArrayList<>();
            value.elements().forEach(e -> parts.add(scalarLiteral(e)));
            return "{" + String.join(", ", parts) + "}";
        }
        return scalarLiteral(value.value());
    }

    private static String scalarLiteral(Object v) {
        return v instanceof String || v instanceof Character ? "\"" + v + "\"" : String.valueOf(v);
    }

    /**
     * The {@code @deprecated} block tag for an element the MOF marks Deprecated, naming the
     * replacements the qualifier lists; empty when the element is not deprecated.
     */
    static String deprecatedTag(CimElement element) {
        if (!element.isDeprecated()) {
            return "";
        }
        List<String> replacements = new ArrayList<>();
        for (String name : element.qualifiers().strings("Deprecated")) {
            // DSP0004 writes "No value" when nothing replaces the element.
            if (!name.isBlank() && !name.equalsIgnoreCase("No value")) {
                replacements.add("<code>" + sanitize(name) + "</code>");
            }
        }
        return "\n@deprecated Deprecated in the MOF" + (replacements.isEmpty() ? ", with no replacement."
                : "; use " + String.join(" or ", replacements) + " instead.");
    }

    /** The {@code comments} of {@code @Generated}: the source element and file, e.g. {@code CIM_StorageVolume in storage.mof}. */
    static String generatedComment(CimElement element) {
        return element.name().spelling() + " in " + Path.of(element.location().path()).getFileName();
    }

    /** The file header: which MOF element and file the code comes from. Only the file name is used, so output does not depend on where the MOF lives. */
    static String header(CimElement element) {
        String file = Path.of(element.location().path()).getFileName().toString();
        return "Generated by CIMForge from " + element.name().spelling() + " in " + file + ". Do not edit.";
    }
}
