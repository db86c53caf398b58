package org.cimforge.runtime.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cimforge.runtime.query.Condition.Operand;
import org.cimforge.runtime.query.Condition.Operator;
import org.cimforge.runtime.query.Condition.Quantifier;
import org.cimforge.runtime.query.Lexer.Kind;
import org.cimforge.runtime.query.Lexer.Token;

/** Recursive-descent parser of the SELECT … FROM … WHERE … subset (see {@link Query}). */
final class Parser {
    /** Words that cannot name a class or property without quoting. */
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IS", "NULL",
            "ISA", "ANY", "EVERY", "TRUE", "FALSE", "AS");

    private final List<Token> tokens;
    private int index;

    /**
     * Deepest nesting of parentheses and NOT, and most predicates in one query: far beyond any real filter, and low
     * enough that parsing and the evaluator's recursion over the condition tree cannot overflow the stack.
     */
    static final int MAX_DEPTH = 100;
    static final int MAX_PREDICATES = 1_000;

    private int depth;
    private int predicates;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Query parse(String text, QueryLanguage language) throws QueryException {
        if (text == null || text.isBlank()) {
            throw new QueryException(1, "the query is empty");
        }
        Parser p = new Parser(Lexer.tokens(text));
        return p.query(text, language);
    }

    private Query query(String text, QueryLanguage language) throws QueryException {
        expectKeyword("SELECT");
        List<PropertyPath> select = new ArrayList<>();
        if (peek().is("*")) {
            index++;
        } else {
            select.add(path());
            while (peek().is(",")) {
                index++;
                select.add(path());
            }
        }
        expectKeyword("FROM");
        String from = name("a class name");
        String alias = null;
        if (peek().is("AS")) {
            index++;
            alias = name("an alias");
        } else if (peek().kind() == Kind.IDENT && !isReserved(peek())) {
            alias = name("an alias");
        }
        Condition where = null;
        if (peek().is("WHERE")) {
            index++;
            where = or();
        }
        if (peek().kind() != Kind.END) {
            throw unexpected(where == null ? "WHERE or the end of the query" : "AND, OR or the end of the query");
        }
        return new Query(text, language, select, from, alias, where);
    }

    private Condition or() throws QueryException {
        Condition left = and();
        while (peek().is("OR")) {
            index++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() throws QueryException {
        Condition left = not();
        while (peek().is("AND")) {
            index++;
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() throws QueryException {
        if (peek().is("NOT")) {
            Token not = next();
            enter(not);
            Condition inner = new Condition.Not(not());
            depth--;
            return inner;
        }
        return predicate();
    }

    private void enter(Token at) throws QueryException {
        if (++depth > MAX_DEPTH) {
            throw new QueryException(at.column(), "the query nests parentheses and NOT more than " + MAX_DEPTH
                    + " levels deep");
        }
    }

    private Condition predicate() throws QueryException {
        if (peek().is("(")) {
            enter(next());
            Condition inner = or();
            expectSymbol(")");
            depth--;
            return inner;
        }
        if (++predicates > MAX_PREDICATES) {
            throw new QueryException(peek().column(), "the query has more than " + MAX_PREDICATES + " conditions");
        }
        Quantifier quantifier = Quantifier.NONE;
        Token quantifierToken = null;
        if (peek().is("ANY") || peek().is("EVERY")) {
            quantifierToken = next();
            quantifier = quantifierToken.is("ANY") ? Quantifier.ANY : Quantifier.EVERY;
        }
        Operand left = operand();
        if (peek().is("IS") && quantifier == Quantifier.NONE) {
            index++;
            boolean negated = false;
            if (peek().is("NOT")) {
                index++;
                negated = true;
            }
            expectKeyword("NULL");
            return new Condition.IsNull(requireProperty(left, "IS NULL"), negated);
        }
        if (peek().is("ISA") && quantifier == Quantifier.NONE) {
            index++;
            return new Condition.IsA(requireProperty(left, "ISA"), name("a class name after ISA"));
        }
        Operator op = operator();
        if (quantifier == Quantifier.NONE && (peek().is("ANY") || peek().is("EVERY"))) {
            // "value op ANY array[*]" puts the quantifier in front of the array side.
            quantifierToken = next();
            quantifier = quantifierToken.is("ANY") ? Quantifier.ANY : Quantifier.EVERY;
        }
        Operand right = operand();
        boolean leftArray = left instanceof Condition.Property l && l.path().allElements();
        boolean rightArray = right instanceof Condition.Property r && r.path().allElements();
        if (quantifier != Quantifier.NONE && !leftArray && !rightArray) {
            throw new QueryException(quantifierToken.column(),
                    quantifierToken.text() + " needs an array property written with [*]");
        }
        if (leftArray && rightArray) {
            throw new QueryException(((Condition.Property) right).path().column(),
                    "only one side of a comparison may be written with [*]");
        }
        if (quantifier == Quantifier.NONE && (leftArray || rightArray)) {
            // CQL spells the quantifier out; an unquantified [*] reads naturally as ANY.
            quantifier = Quantifier.ANY;
        }
        return new Condition.Comparison(quantifier, left, op, right);
    }

    private Operand requireProperty(Operand operand, String what) throws QueryException {
        if (operand instanceof Condition.Property) {
            return operand;
        }
        throw new QueryException(tokens.get(index - 1).column(), what + " applies to a property, not a literal");
    }

    private Operator operator() throws QueryException {
        Token t = peek();
        Operator op = switch (t.kind() == Kind.SYMBOL ? t.text() : "") {
            case "=" -> Operator.EQ;
            case "<>" -> Operator.NE;
            case "<" -> Operator.LT;
            case ">" -> Operator.GT;
            case "<=" -> Operator.LE;
            case ">=" -> Operator.GE;
            default -> null;
        };
        if (op == null) {
            throw unexpected("a comparison operator (=, <>, <, >, <=, >=), IS or ISA");
        }
        index++;
        return op;
    }

    private Operand operand() throws QueryException {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                index++;
                return new Condition.Literal(t.value());
            }
            case NUMBER -> {
                index++;
                return new Condition.Literal(t.value());
            }
            case SYMBOL -> {
                if ((t.is("-") || t.is("+")) && tokens.get(index + 1).kind() == Kind.NUMBER) {
                    index++;
                    BigDecimal n = (BigDecimal) next().value();
                    return new Condition.Literal(t.is("-") ? n.negate() : n);
                }
                throw unexpected("a property or a literal");
            }
            case IDENT -> {
                if (t.is("TRUE") || t.is("FALSE")) {
                    index++;
                    return new Condition.Literal(Boolean.valueOf(t.is("TRUE")));
                }
                if (t.is("NULL")) {
                    index++;
                    return new Condition.Literal(null);
                }
                return new Condition.Property(path());
            }
            default -> throw unexpected("a property or a literal");
        }
    }

    private PropertyPath path() throws QueryException {
        int column = peek().column();
        List<PropertyPath.Segment> segments = new ArrayList<>();
        while (true) {
            String first = name("a property name");
            String scope = null;
            String property = first;
            if (peek().is("::")) {
                index++;
                scope = first;
                property = name("a property name after ::");
            }
            int subscript = PropertyPath.NO_INDEX;
            if (peek().is("[")) {
                index++;
                Token t = peek();
                if (t.is("*")) {
                    index++;
                    subscript = PropertyPath.ALL_ELEMENTS;
                } else if (t.kind() == Kind.NUMBER && ((BigDecimal) t.value()).signum() >= 0
                        && ((BigDecimal) t.value()).scale() <= 0) {
                    index++;
                    subscript = ((BigDecimal) t.value()).intValueExact();
                } else {
                    throw unexpected("* or an array index");
                }
                expectSymbol("]");
            }
            segments.add(new PropertyPath.Segment(scope, property, subscript));
            if (!peek().is(".")) {
                break;
            }
            Token dot = next();
            if (subscript == PropertyPath.ALL_ELEMENTS) {
                throw new QueryException(dot.column(), "[*] may only end a property path");
            }
        }
        return new PropertyPath(segments, column);
    }

    private String name(String what) throws QueryException {
        Token t = peek();
        if (t.kind() != Kind.IDENT || isReserved(t)) {
            throw unexpected(what);
        }
        index++;
        return t.text();
    }

    private static boolean isReserved(Token t) {
        return RESERVED.contains(Lexer.upper(t.text()));
    }

    private void expectKeyword(String keyword) throws QueryException {
        if (!peek().is(keyword) || peek().kind() != Kind.IDENT) {
            throw unexpected(keyword);
        }
        index++;
    }

    private void expectSymbol(String symbol) throws QueryException {
        if (!peek().is(symbol) || peek().kind() != Kind.SYMBOL) {
            throw unexpected("'" + symbol + "'");
        }
        index++;
    }

    private QueryException unexpected(String expected) {
        Token t = peek();
        return new QueryException(t.column(), "expected " + expected + " but found " + t.describe());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        return tokens.get(index++);
    }
}
