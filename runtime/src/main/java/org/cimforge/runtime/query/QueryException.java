package org.cimforge.runtime.query;

/** A query that cannot be parsed, with the 1-based column of the character where parsing failed. */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final String reason;

    /** A failure at {@code column} (1-based) described by {@code reason}. */
    public QueryException(int column, String reason) {
        super("column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    /** The 1-based column of the offending character. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
