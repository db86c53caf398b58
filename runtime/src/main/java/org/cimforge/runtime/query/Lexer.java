package org.cimforge.runtime.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits query text into tokens, each with its 1-based column. */
final class Lexer {
    enum Kind { IDENT, STRING, NUMBER, SYMBOL, END }

    record Token(Kind kind, String text, Object value, int column) {
        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equalsIgnoreCase(symbolOrKeyword);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the query";
                case STRING -> "string " + text;
                default -> "'" + text + "'";
            };
        }
    }

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) throws QueryException {
        return new Lexer(text).all();
    }

    private List<Token> all() throws QueryException {
        List<Token> result = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                result.add(new Token(Kind.END, "", null, text.length() + 1));
                return result;
            }
            result.add(next());
        }
    }

    private Token next() throws QueryException {
        int start = pos;
        char c = text.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), null, start + 1);
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return number(start);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        for (String symbol : new String[] {"<>", "!=", "<=", ">=", "::", "=", "<", ">", "(", ")", ",", ".", "*", "[",
            "]", "-", "+"}) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(Kind.SYMBOL, symbol.equals("!=") ? "<>" : symbol, null, start + 1);
            }
        }
        throw new QueryException(start + 1, "unexpected character '" + c + "'");
    }

    private Token number(int start) throws QueryException {
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            int digits = pos;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == digits) {
                throw new QueryException(start + 1, "hexadecimal number without digits");
            }
            return new Token(Kind.NUMBER, text.substring(start, pos),
                    new BigDecimal(new java.math.BigInteger(text.substring(digits, pos), 16)), start + 1);
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                pos = mark;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw new QueryException(pos + 1, "a number may not run into a name");
        }
        String literal = text.substring(start, pos);
        try {
            return new Token(Kind.NUMBER, literal, new BigDecimal(literal), start + 1);
        } catch (NumberFormatException e) {
            throw new QueryException(start + 1, "'" + literal + "' is not a number");
        }
    }

    private Token string(int start, char quote) throws QueryException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new QueryException(start + 1, "string is not closed (missing " + quote + ")");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                // A doubled quote stands for itself, as in SQL.
                if (pos < text.length() && text.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\\' && pos < text.length()) {
                value.append(text.charAt(pos++));
                continue;
            }
            value.append(c);
        }
        return new Token(Kind.STRING, text.substring(start, pos), value.toString(), start + 1);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
