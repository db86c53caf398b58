package org.cimforge.mof.parser;

import org.antlr.v4.runtime.Token;

/** Words for token types as a MOF author would say them, for syntax error messages. */
final class TokenNames {
    private TokenNames() {
    }

    static String describe(int type) {
        if (type == Token.EOF) {
            return "end of file";
        }
        String literal = MofLexer.VOCABULARY.getLiteralName(type);
        if (literal != null) {
            return literal;
        }
        return switch (type) {
            case MofLexer.IDENTIFIER -> "a name";
            case MofLexer.STRING_VALUE -> "a string";
            case MofLexer.CHAR16_VALUE -> "a char16 value";
            case MofLexer.DECIMAL_VALUE, MofLexer.HEX_VALUE, MofLexer.OCTAL_VALUE, MofLexer.BINARY_VALUE -> "an integer";
            case MofLexer.REAL_VALUE -> "a real number";
            case MofLexer.ALIAS_IDENTIFIER -> "an alias ($name)";
            default -> {
                String symbolic = MofLexer.VOCABULARY.getSymbolicName(type);
                yield symbolic == null ? "token " + type : symbolic.replace("DT_", "").toLowerCase(java.util.Locale.ROOT);
            }
        };
    }
}
