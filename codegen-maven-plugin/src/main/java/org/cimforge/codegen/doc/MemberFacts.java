package org.cimforge.codegen.doc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cimforge.codegen.doc.ClassPage.Deprecation;
import org.cimforge.codegen.doc.ClassPage.ValueRow;
import org.cimforge.mof.model.CimQualifier;
import org.cimforge.mof.model.CimType;
import org.cimforge.mof.model.CimValue;
import org.cimforge.mof.model.Qualifiers;
import org.cimforge.mof.model.ValueMap;

/** The facts a reference row shows about a property, parameter or method, read from its qualifiers. */
final class MemberFacts {
    private MemberFacts() {
    }

    /**
     * Length and value bounds as the vendor pages write them: {@code Max = 256} for MaxLen(256), and likewise
     * {@code Min = n} for MinLen or MinValue and {@code Max = n} for MaxValue; several joined by a comma.
     */
    static String range(Qualifiers q) {
        List<String> parts = new ArrayList<>(2);
        bound(q, "MinLen", "Min", parts);
        bound(q, "MinValue", "Min", parts);
        bound(q, "MaxLen", "Max", parts);
        bound(q, "MaxValue", "Max", parts);
        return String.join(", ", parts);
    }

    private static void bound(Qualifiers q, String qualifier, String word, List<String> parts) {
        CimQualifier found = q.get(qualifier);
        if (found != null && !found.value().isNull() && !found.value().array()) {
            parts.add(word + " = " + found.value().value());
        }
    }

    /**
     * The ValueMap → Values rows. A range keeps its form: {@code 0x1001..0x7FFF}; an open bound is filled with
     * the type's limit (written in hex when the other bound is), and {@code ..} alone stays {@code ..}, the
     * values no other entry covers.
     */
    static List<ValueRow> values(ValueMap map, CimType type) {
        if (map == null) {
            return List.of();
        }
        List<ValueRow> rows = new ArrayList<>(map.entries().size());
        for (ValueMap.Entry entry : map.entries()) {
            String label = entry.label() == null ? "" : entry.label();
            if (entry instanceof ValueMap.Range r) {
                rows.add(new ValueRow(rangeText(r, type), label, true));
            } else {
                rows.add(new ValueRow(entry.text(), label, false));
            }
        }
        return rows;
    }

    static String rangeText(ValueMap.Range r, CimType type) {
        if (r.isRest()) {
            return "..";
        }
        boolean hex = r.text().toLowerCase(Locale.ROOT).contains("0x");
        boolean integer = type != null && type.isInteger();
        String low = r.low() != null ? number(r.low(), hex) : integer ? number(type.minValue(), hex) : "";
        String high = r.high() != null ? number(r.high(), hex) : integer ? number(type.maxValue(), hex) : "";
        return low + ".." + high;
    }

    private static String number(BigInteger value, boolean hex) {
        if (!hex || value.signum() < 0) {
            return value.toString();
        }
        return "0x" + value.toString(16).toUpperCase(Locale.ROOT);
    }

    /** PUnit, or the older Units qualifier, or empty. */
    static String units(Qualifiers q) {
        String punit = q.string("PUnit");
        if (punit != null && !punit.isBlank()) {
            return punit;
        }
        String units = q.string("Units");
        return units == null ? "" : units;
    }

    /** The MOF default value as MOF would write it, or empty when there is none. */
    static String defaultValue(CimValue value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.array()) {
            List<String> parts = new ArrayList<>();
            for (Object element : value.elements()) {
                parts.add(scalar(element, value.type()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return scalar(value.value(), value.type());
    }

    private static String scalar(Object element, CimType type) {
        if (element == null) {
            return "NULL";
        }
        if (type == CimType.STRING || type == CimType.DATETIME) {
            return "\"" + element + "\"";
        }
        if (type == CimType.CHAR16) {
            return "'" + element + "'";
        }
        return String.valueOf(element);
    }

    /** Null when not deprecated; otherwise the replacements the qualifier names ({@code "No value"} means none). */
    static Deprecation deprecation(Qualifiers q) {
        CimQualifier found = q.get("Deprecated");
        if (found == null) {
            return null;
        }
        return new Deprecation(q.strings("Deprecated").stream()
                .filter(s -> s != null && !s.isBlank() && !s.equalsIgnoreCase("No value")).map(String::strip).toList());
    }

    /** The Description qualifier, or empty. */
    static String description(Qualifiers q) {
        String text = q.string("Description");
        return text == null ? "" : text;
    }
}
