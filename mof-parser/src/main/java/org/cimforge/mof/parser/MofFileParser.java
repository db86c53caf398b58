package org.cimforge.mof.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.SourceText;
import org.cimforge.mof.ast.MofFile;

/**
 * Parses one MOF text into an AST. Thread-safe (each call has its own lexer and parser), so files
 * can be parsed in parallel. Uses two-stage parsing: fast SLL first, full LL only when SLL fails.
 */
public final class MofFileParser {

    /** The AST (always present, possibly partial) and the diagnostics found while reading it. */
    public record Result(MofFile file, List<Diagnostic> diagnostics) {
    }

    private MofFileParser() {
    }

    public static Result parse(SourceText source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = lex(source, diagnostics);
        MofParser parser = new MofParser(new CommonTokenStream(new ListTokenSource(tokens, source.path())));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        MofParser.MofSpecificationContext tree;
        int before = diagnostics.size();
        boolean syntaxErrors = false;
        try {
            tree = parser.mofSpecification();
        } catch (ParseCancellationException sllFailed) {
            // Either the input is wrong or SLL was not strong enough: LL decides, and reports errors.
            parser = new MofParser(new CommonTokenStream(new ListTokenSource(tokens, source.path())));
            parser.removeErrorListeners();
            parser.addErrorListener(new SyntaxErrorListener(source, diagnostics));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            tree = parser.mofSpecification();
            syntaxErrors = parser.getNumberOfSyntaxErrors() > 0;
        }
        MofFile file = new AstBuilder(source, diagnostics).build(tree, syntaxErrors || diagnostics.size() > before);
        // Lexer, parser and literal problems are found in different passes; show them in file order.
        diagnostics.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return new Result(file, diagnostics);
    }

    /**
     * Reads all tokens (the lexer already skips comments and whitespace) and turns the lexer's error tokens into
     * specific diagnostics so the parser does not report them again as vague syntax errors.
     */
    private static List<Token> lex(SourceText source, List<Diagnostic> diagnostics) {
        MofLexer lexer = new MofLexer(CharStreams.fromString(source.content(), source.path()));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>(source.content().length() / 8);
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            switch (token.getType()) {
                case MofLexer.UNTERMINATED_COMMENT ->
                        report(source, diagnostics, token, DiagnosticCode.UNTERMINATED_COMMENT,
                                "comment is not closed: '/*' has no matching '*/'");
                case MofLexer.UNTERMINATED_STRING ->
                        report(source, diagnostics, token, DiagnosticCode.UNTERMINATED_STRING,
                                "string is not closed before the end of the line");
                case MofLexer.ERROR_CHAR ->
                        report(source, diagnostics, token, DiagnosticCode.INVALID_CHARACTER,
                                "unexpected character '" + printable(token.getText()) + "'");
                default -> tokens.add(token);
            }
        }
        return tokens;
    }

    private static String printable(String text) {
        char c = text.charAt(0);
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : text;
    }

    private static void report(SourceText source, List<Diagnostic> diagnostics, Token token, DiagnosticCode code,
                               String message) {
        SourceLocation location = new SourceLocation(source.path(), token.getLine(), token.getCharPositionInLine() + 1);
        diagnostics.add(new Diagnostic(code.defaultSeverity(), code, location, message, source.line(token.getLine())));
    }
}
