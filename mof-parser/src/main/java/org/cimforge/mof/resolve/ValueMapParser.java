package org.cimforge.mof.resolve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.model.CimQualifier;
import org.cimforge.mof.model.CimType;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.Qualifiers;
import org.cimforge.mof.model.ValueMap;

/**
 * Reads the ValueMap and Values qualifiers of an element into a {@link ValueMap}: integer values in
 * decimal, hex ({@code 0x1000}) or binary, ranges {@code x..y}, {@code ..y}, {@code x..} and {@code ..},
 * checked against the element's integer type; a count mismatch with Values is reported.
 */
final class ValueMapParser {
    private final DiagnosticSink sink;

    ValueMapParser(DiagnosticSink sink) {
        this.sink = sink;
    }

    ValueMap parse(Qualifiers qualifiers, CimTypeRef type, String element) {
        CimQualifier valueMap = qualifiers.get("ValueMap");
        CimQualifier values = qualifiers.get("Values");
        if ((valueMap == null || valueMap.value().isNull()) && (values == null || values.value().isNull())) {
            return null;
        }
        // Problems are reported where the qualifiers are written, not again on every subclass.
        boolean report = (valueMap != null && !valueMap.propagated()) || (values != null && !values.propagated());
        List<String> labels = values == null ? List.of() : values.value().asStringList();
        if (valueMap == null || valueMap.value().isNull()) {
            List<ValueMap.Entry> implicit = new ArrayList<>(labels.size());
            for (int i = 0; i < labels.size(); i++) {
                implicit.add(new ValueMap.Discrete(Integer.toString(i), BigInteger.valueOf(i), labels.get(i)));
            }
            return new ValueMap(implicit, true);
        }
        List<String> texts = valueMap.value().asStringList();
        if (report && values != null && !values.value().isNull() && texts.size() != labels.size()) {
            SourceLocation at = !values.propagated() ? values.location() : valueMap.location();
            sink.report(DiagnosticCode.VALUEMAP_MISMATCH, at, element + " has " + texts.size()
                    + " ValueMap entries but " + labels.size() + " Values");
        }
        boolean numeric = type.type().isInteger();
        List<ValueMap.Entry> entries = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i);
            String label = i < labels.size() ? labels.get(i) : null;
            ValueMap.Entry entry = entry(text.trim(), label, numeric ? type.type() : null);
            if (entry == null) {
                if (report) {
                    sink.report(DiagnosticCode.INVALID_VALUEMAP, valueMap.location(), "ValueMap entry '" + text
                            + "' of " + element + " is not " + (numeric ? "an integer or range that fits "
                            + type.type().mofName() : "valid"));
                }
                continue;
            }
            entries.add(entry);
        }
        return new ValueMap(entries, false);
    }

    /** One entry, or null when it is malformed or out of range for the type. */
    private static ValueMap.Entry entry(String text, String label, CimType integerType) {
        int dots = text.indexOf("..");
        if (dots >= 0) {
            String lowText = text.substring(0, dots).trim();
            String highText = text.substring(dots + 2).trim();
            if (integerType == null) {
                return lowText.isEmpty() && highText.isEmpty() ? new ValueMap.Range(text, null, null, label)
                        : new ValueMap.Discrete(text, null, label);
            }
            BigInteger low = lowText.isEmpty() ? null : number(lowText, integerType);
            BigInteger high = highText.isEmpty() ? null : number(highText, integerType);
            if ((!lowText.isEmpty() && low == null) || (!highText.isEmpty() && high == null)
                    || (low != null && high != null && low.compareTo(high) > 0)) {
                return null;
            }
            return new ValueMap.Range(text, low, high, label);
        }
        if (integerType == null) {
            return new ValueMap.Discrete(text, null, label);
        }
        BigInteger number = number(text, integerType);
        return number == null ? null : new ValueMap.Discrete(text, number, label);
    }

    /** Parses decimal, 0x-hex or b-suffixed binary text and checks it fits the type; null when not. */
    static BigInteger number(String text, CimType type) {
        String t = text.trim();
        boolean negative = t.startsWith("-");
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        BigInteger value;
        try {
            if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
                value = new BigInteger(digits.substring(2), 16);
            } else if (digits.length() > 1 && (digits.endsWith("b") || digits.endsWith("B"))) {
                value = new BigInteger(digits.substring(0, digits.length() - 1), 2);
            } else {
                value = new BigInteger(digits);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        value = negative ? value.negate() : value;
        return type.fits(value) ? value : null;
    }
}
