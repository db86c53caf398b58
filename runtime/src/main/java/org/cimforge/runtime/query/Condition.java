package org.cimforge.runtime.query;

/** The WHERE clause of a query as a tree; evaluated by {@link Query#matches}. */
public sealed interface Condition {
    /** Both sides hold. */
    record And(Condition left, Condition right) implements Condition {
    }

    /** Either side holds. */
    record Or(Condition left, Condition right) implements Condition {
    }

    /** The inner condition does not hold. */
    record Not(Condition inner) implements Condition {
    }

    /**
     * A comparison; with a quantifier, the side written with {@code [*]} stands for its elements and ANY needs one of
     * them, EVERY all of them, to compare true.
     */
    record Comparison(Quantifier quantifier, Operand left, Operator operator, Operand right) implements Condition {
    }

    /** {@code path IS NULL} or, negated, {@code path IS NOT NULL}. */
    record IsNull(Operand operand, boolean negated) implements Condition {
    }

    /** {@code path ISA Class}: the embedded instance at path is of the class or a subclass. */
    record IsA(Operand operand, String className) implements Condition {
    }

    /** How a comparison treats an array side. */
    enum Quantifier {
        /** No quantifier: both sides are single values. */
        NONE,
        /** At least one element compares true. */
        ANY,
        /** Every element compares true. */
        EVERY
    }

    /** The comparison operators. */
    enum Operator {
        EQ("="), NE("<>"), LT("<"), GT(">"), LE("<="), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }

    /** One side of a comparison: a literal value or a property path. */
    sealed interface Operand {
    }

    /** A literal: String, BigDecimal (numbers), Boolean, or null for NULL. */
    record Literal(Object value) implements Operand {
    }

    /** A property reference. */
    record Property(PropertyPath path) implements Operand {
    }
}
