package org.cimforge.mof.parser;

import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;

/**
 * The parser's token stream over a file's tokens lexed beforehand. Its buffer is that very list, numbered and
 * closed with an end-of-file token, so the stream neither pulls tokens one by one from a source nor grows a
 * second copy of them (a cold compile of the whole CIM schema handles about a million tokens).
 */
final class LexedTokenStream extends CommonTokenStream {

    /** @param lexed the file's tokens in order, without end of file; the list gains the end-of-file token */
    LexedTokenStream(List<Token> lexed, String sourceName) {
        this(new EndOfFile(lexed, sourceName));
    }

    private LexedTokenStream(EndOfFile source) {
        super(source);
        for (int i = 0; i < source.lexed.size(); i++) {
            ((WritableToken) source.lexed.get(i)).setTokenIndex(i);
        }
        Token end = source.create();
        ((WritableToken) end).setTokenIndex(source.lexed.size());
        source.lexed.add(end);
        tokens = source.lexed;
        fetchedEOF = true;
    }

    /**
     * The token source the parser asks for its name and token factory; it makes the end-of-file token as
     * ANTLR's list source does, placed just after the last token, so messages at the end of a file do not move.
     */
    private static final class EndOfFile extends ListTokenSource {
        private final List<Token> lexed;

        EndOfFile(List<Token> lexed, String sourceName) {
            super(lexed, sourceName);
            this.lexed = lexed;
        }

        Token create() {
            i = lexed.size();
            return nextToken();
        }
    }
}
