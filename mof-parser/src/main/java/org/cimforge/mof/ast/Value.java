package org.cimforge.mof.ast;

import java.math.BigInteger;
import java.util.List;
import org.cimforge.mof.SourceLocation;

/** A literal value as written in MOF, before it is checked against a declared type. */
public sealed interface Value {

    SourceLocation location();

    /** An integer in any radix; the radix is kept for messages and round trips. */
    record IntegerValue(BigInteger value, int radix, SourceLocation location) implements Value {
    }

    /** A real number; the text is kept so that it can be shown exactly as written. */
    record RealValue(double value, String text, SourceLocation location) implements Value {
    }

    /** A string, after escapes are decoded and adjacent literals are joined. */
    record StringValue(String value, SourceLocation location) implements Value {
    }

    /** A char16 literal after escape decoding. */
    record Char16Value(char value, SourceLocation location) implements Value {
    }

    record BooleanValue(boolean value, SourceLocation location) implements Value {
    }

    record NullValue(SourceLocation location) implements Value {
    }

    /** An array initializer {@code { a, b }}. */
    record ArrayValue(List<Value> elements, SourceLocation location) implements Value {
        public ArrayValue {
            elements = List.copyOf(elements);
        }
    }

    /** A reference to an instance alias, {@code $name}; the name excludes the dollar sign. */
    record AliasValue(String alias, SourceLocation location) implements Value {
    }
}
