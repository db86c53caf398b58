package org.cimforge.mof.resolve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.ast.Value;
import org.cimforge.mof.model.CimType;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.CimValue;

/** Checks a literal against a declared type and converts it to a {@link CimValue}, reporting mismatches. */
final class ValueConverter {
    // yyyymmddhhmmss.mmmmmmsutc (timestamp) or ddddddddhhmmss.mmmmmm:000 (interval); '*' masks digits.
    private static final Pattern DATETIME = Pattern.compile(
            "[0-9*]{14}\\.[0-9*]{6}([+-][0-9*]{3}|:000)");

    private final DiagnosticSink sink;

    ValueConverter(DiagnosticSink sink) {
        this.sink = sink;
    }

    /**
     * Converts a value for an element of the given type. {@code scalarToArray} accepts a single value
     * where an array is declared (qualifier values are often written that way).
     */
    CimValue convert(Value value, CimTypeRef type, String what, boolean scalarToArray) {
        if (value instanceof Value.NullValue) {
            return CimValue.nullOf(type.type(), type.array());
        }
        if (type.array()) {
            if (value instanceof Value.ArrayValue array) {
                if (type.arraySize() != null && array.elements().size() > type.arraySize()) {
                    sink.report(DiagnosticCode.ARRAY_TOO_LONG, value.location(), what + " is an array of "
                            + type.arraySize() + " (" + type.toMof() + ") but the value has "
                            + array.elements().size() + " elements");
                }
                List<Object> elements = new ArrayList<>(array.elements().size());
                for (Value element : array.elements()) {
                    elements.add(element instanceof Value.NullValue ? null : scalar(element, type.type(), what));
                }
                return new CimValue(type.type(), true, java.util.Collections.unmodifiableList(elements));
            }
            if (!scalarToArray) {
                mismatch(value, what + " is an array (" + type.toMof() + ") but the value is not an array");
                return CimValue.nullOf(type.type(), true);
            }
            Object single = scalar(value, type.type(), what);
            return new CimValue(type.type(), true, single == null ? List.of() : List.of(single));
        }
        if (value instanceof Value.ArrayValue) {
            mismatch(value, what + " is not an array (" + type.toMof() + ") but the value is an array");
            return CimValue.nullOf(type.type(), false);
        }
        return new CimValue(type.type(), false, scalar(value, type.type(), what));
    }

    private Object scalar(Value value, CimType type, String what) {
        switch (type) {
            case UINT8, SINT8, UINT16, SINT16, UINT32, SINT32, UINT64, SINT64 -> {
                if (value instanceof Value.IntegerValue i) {
                    return integer(i, type, what);
                }
            }
            case REAL32, REAL64 -> {
                if (value instanceof Value.RealValue r) {
                    return real(r.value(), r.text(), type, value, what);
                }
                if (value instanceof Value.IntegerValue i) {
                    return real(i.value().doubleValue(), i.value().toString(), type, value, what);
                }
            }
            case STRING -> {
                if (value instanceof Value.StringValue s) {
                    return s.value();
                }
                if (value instanceof Value.AliasValue a) {
                    // An alias for an embedded instance held in a string property.
                    return new CimValue.AliasTarget(a.alias());
                }
            }
            case CHAR16 -> {
                if (value instanceof Value.Char16Value c) {
                    return c.value();
                }
                // Several compilers accept "x" for a char16; so do we when it is one character.
                if (value instanceof Value.StringValue s && s.value().length() == 1) {
                    return s.value().charAt(0);
                }
            }
            case BOOLEAN -> {
                if (value instanceof Value.BooleanValue b) {
                    return b.value();
                }
            }
            case DATETIME -> {
                if (value instanceof Value.StringValue s) {
                    if (!DATETIME.matcher(s.value()).matches()) {
                        sink.report(DiagnosticCode.INVALID_DATETIME, value.location(), "'" + s.value()
                                + "' is not a CIM datetime (yyyymmddhhmmss.mmmmmmsutc or ddddddddhhmmss.mmmmmm:000) for "
                                + what);
                    }
                    return s.value();
                }
            }
            case REFERENCE -> {
                if (value instanceof Value.StringValue s) {
                    return s.value();
                }
                if (value instanceof Value.AliasValue a) {
                    return new CimValue.AliasTarget(a.alias());
                }
            }
        }
        mismatch(value, what + " is of type " + type.mofName() + " but the value is " + describe(value));
        return null;
    }

    /** A literal beyond the type's largest finite value would otherwise be stored as Infinity. */
    private Object real(double v, String text, CimType type, Value value, String what) {
        double max = type == CimType.REAL32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        if (Double.isInfinite(v) || Math.abs(v) > max) {
            sink.report(DiagnosticCode.REAL_OUT_OF_RANGE, value.location(), "value " + text + " is beyond the range of "
                    + type.mofName() + " (largest magnitude " + (type == CimType.REAL32 ? Float.MAX_VALUE : Double.MAX_VALUE)
                    + ") for " + what);
            return null;
        }
        return v;
    }

    private Object integer(Value.IntegerValue literal, CimType type, String what) {
        BigInteger v = literal.value();
        if (!type.fits(v)) {
            sink.report(DiagnosticCode.VALUE_OUT_OF_RANGE, literal.location(), "value " + v + " does not fit "
                    + type.mofName() + " (" + type.minValue() + ".." + type.maxValue() + ") for " + what);
            return null;
        }
        return type == CimType.UINT64 ? v : (Object) v.longValue();
    }

    private void mismatch(Value value, String message) {
        sink.report(DiagnosticCode.TYPE_MISMATCH, value.location(), message);
    }

    static String describe(Value value) {
        if (value instanceof Value.IntegerValue i) {
            return "the integer " + i.value();
        }
        if (value instanceof Value.RealValue r) {
            return "the real number " + r.text();
        }
        if (value instanceof Value.StringValue) {
            return "a string";
        }
        if (value instanceof Value.Char16Value) {
            return "a char16";
        }
        if (value instanceof Value.BooleanValue b) {
            return "the boolean " + b.value();
        }
        if (value instanceof Value.ArrayValue) {
            return "an array";
        }
        if (value instanceof Value.AliasValue a) {
            return "the alias $" + a.alias();
        }
        return "NULL";
    }
}
