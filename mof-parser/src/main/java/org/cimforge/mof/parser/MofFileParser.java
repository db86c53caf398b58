package org.cimforge.mof.parser;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.DiagnosticLimits;
import org.cimforge.mof.DroppedDiagnostics;
import org.cimforge.mof.Severity;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.SourceText;
import org.cimforge.mof.ast.MofFile;

/**
 * Parses one MOF text into an AST. Thread-safe (each call has its own lexer and parser), so files
 * can be parsed in parallel. Uses two-stage parsing: fast SLL first, full LL only when SLL fails.
 */
public final class MofFileParser {

    /**
     * The AST (always present, possibly partial), the diagnostics found while reading it, and how many
     * more there were beyond the limits.
     */
    public record Result(MofFile file, List<Diagnostic> diagnostics, List<DroppedDiagnostics> dropped) {
        public Result(MofFile file, List<Diagnostic> diagnostics) {
            this(file, diagnostics, List.of());
        }
    }

    /** Thrown from the error listener once a file has reached the error limit: parsing stops there. */
    private static final class ErrorLimitReached extends ParseCancellationException {
        ErrorLimitReached() {
            super("error limit reached");
        }
    }

    private MofFileParser() {
    }

    /**
     * Builds the parser's grammar tables (the ANTLR ATN, deserialised when the generated class initialises)
     * without parsing anything. A cold run calls it on a second thread while the first file is being read
     * and lexed, so the two start-up costs overlap instead of adding up; later calls return at once.
     */
    public static void loadGrammar() {
        // Reading the static field runs MofParser's class initialiser, which builds the ATN.
        if (MofParser._ATN == null) {
            throw new IllegalStateException("MofParser grammar did not load");
        }
    }

    public static Result parse(SourceText source) {
        return parse(source, DiagnosticLimits.NONE);
    }

    /** Parses keeping at most the limits' diagnostics (the error limit also stops the parser). */
    public static Result parse(SourceText source, DiagnosticLimits limits) {
        FileDiagnostics diagnostics = new FileDiagnostics(source, limits);
        LexedTokenStream tokens = new LexedTokenStream(lex(source, diagnostics), source.path());
        MofParser parser = new MofParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        MofParser.MofSpecificationContext tree;
        boolean syntaxErrors = false;
        try {
            tree = parser.mofSpecification();
        } catch (ParseCancellationException sllFailed) {
            // Either the input is wrong or SLL was not strong enough: LL decides, and reports errors.
            tokens.seek(0);
            parser = new MofParser(tokens);
            parser.removeErrorListeners();
            parser.addErrorListener(new SyntaxErrorListener(source, diagnostics, ErrorLimitReached::new));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            RootCatcher root = new RootCatcher();
            parser.addParseListener(root);
            try {
                tree = parser.mofSpecification();
                syntaxErrors = parser.getNumberOfSyntaxErrors() > 0;
            } catch (ErrorLimitReached stop) {
                Token at = parser.getCurrentToken();
                diagnostics.stoppedAt(new SourceLocation(source.path(), at.getLine(), at.getCharPositionInLine() + 1));
                tree = root.withoutLastProduction();
                syntaxErrors = true;
            }
        }
        MofFile file = new AstBuilder(source, diagnostics).build(tree, syntaxErrors);
        List<DroppedDiagnostics> dropped = new ArrayList<>();
        List<Diagnostic> sorted = diagnostics.sorted();
        for (FileDiagnostics.Dropped d : diagnostics.dropped()) {
            if (d.count > 0) {
                dropped.add(new DroppedDiagnostics(d.severity, d.first, d.count));
            }
        }
        if (diagnostics.stoppedAt() != null) {
            dropped.add(new DroppedDiagnostics(Severity.ERROR, diagnostics.stoppedAt(), 0, true));
        }
        return new Result(file, sorted, dropped);
    }

    /** Remembers the root of the parse tree, which an aborted parse does not return. */
    private static final class RootCatcher implements ParseTreeListener {
        private MofParser.MofSpecificationContext root;

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {
            if (root == null && ctx instanceof MofParser.MofSpecificationContext spec) {
                root = spec;
            }
        }

        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
        }

        @Override
        public void visitTerminal(TerminalNode node) {
        }

        @Override
        public void visitErrorNode(ErrorNode node) {
        }

        /** The productions read before the abort; the one being read when it came is incomplete. */
        MofParser.MofSpecificationContext withoutLastProduction() {
            if (root == null) {
                return new MofParser.MofSpecificationContext(null, 0);
            }
            if (root.children != null && !root.children.isEmpty()) {
                root.children.remove(root.children.size() - 1);
            }
            return root;
        }
    }

    /**
     * Reads all tokens (the lexer already skips comments and whitespace) and turns the lexer's error tokens into
     * specific diagnostics so the parser does not report them again as vague syntax errors.
     */
    private static List<Token> lex(SourceText source, FileDiagnostics diagnostics) {
        MofLexer lexer = new MofLexer(charStream(source));
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

    /**
     * The lexer's input. An ASCII text (the UTF-8 bytes are as many as the characters) is handed over as those
     * bytes, one copy; {@code CharStreams.fromString} would widen it to a char buffer and narrow it back first,
     * which a cold run of the whole CIM schema (8 MB) notices.
     */
    private static CharStream charStream(SourceText source) {
        String content = source.content();
        byte[] ascii = content.getBytes(StandardCharsets.UTF_8);
        if (ascii.length != content.length()) {
            return CharStreams.fromString(content, source.path());
        }
        return CodePointCharStream.fromBuffer(CodePointBuffer.withBytes(ByteBuffer.wrap(ascii)), source.path());
    }

    private static String printable(String text) {
        char c = text.charAt(0);
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : text;
    }

    private static void report(SourceText source, FileDiagnostics diagnostics, Token token, DiagnosticCode code,
                               String message) {
        SourceLocation location = new SourceLocation(source.path(), token.getLine(), token.getCharPositionInLine() + 1);
        diagnostics.report(code, location, message);
    }
}
