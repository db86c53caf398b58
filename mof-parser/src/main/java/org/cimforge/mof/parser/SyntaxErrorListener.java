package org.cimforge.mof.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.SourceText;

/** Turns ANTLR syntax errors into located diagnostics with short, readable messages. */
final class SyntaxErrorListener extends BaseErrorListener {
    // Beyond this many alternatives a list of expected tokens stops helping the reader.
    private static final int MAX_EXPECTED_SHOWN = 4;
    private static final int MAX_TOKEN_SHOWN = 40;

    private final SourceText source;
    private final FileDiagnostics diagnostics;
    private final java.util.function.Supplier<RuntimeException> stop;

    /** {@code stop} makes the exception thrown once the file has reached the error limit. */
    SyntaxErrorListener(SourceText source, FileDiagnostics diagnostics, java.util.function.Supplier<RuntimeException> stop) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.stop = stop;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String antlrMessage, RecognitionException e) {
        String message = antlrMessage;
        if (offendingSymbol instanceof Token token && recognizer instanceof Parser parser) {
            message = describe(parser, token, e);
        }
        SourceLocation location = new SourceLocation(source.path(), line, charPositionInLine + 1);
        diagnostics.report(DiagnosticCode.SYNTAX, location, message);
        if (diagnostics.errorLimitReached()) {
            throw stop.get();
        }
    }

    // A 100 KB name must not be quoted in full in each message.
    private static String shortened(String text) {
        return text.length() <= MAX_TOKEN_SHOWN ? text : text.substring(0, MAX_TOKEN_SHOWN) + "...";
    }

    private static String describe(Parser parser, Token token, RecognitionException e) {
        String found = token.getType() == Token.EOF ? "end of file" : "'" + shortened(token.getText()) + "'";
        IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                : parser.getExpectedTokens();
        List<String> names = new ArrayList<>();
        if (expected != null && expected.size() <= MAX_EXPECTED_SHOWN) {
            for (int type : expected.toList()) {
                names.add(TokenNames.describe(type));
            }
        }
        if (names.isEmpty()) {
            return "unexpected " + found;
        }
        return "unexpected " + found + ", expected " + String.join(" or ", names);
    }
}
