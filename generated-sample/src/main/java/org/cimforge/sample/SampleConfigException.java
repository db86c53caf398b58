package org.cimforge.sample;

/**
 * A configuration file that cannot be used; the message is ready to print, in the form
 * {@code FILE:line:col: error: what is wrong}.
 */
public final class SampleConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error located at {@code where} ({@code FILE} or {@code FILE:line:col}). */
    public SampleConfigException(String where, String message) {
        super(where + ": error: " + message);
    }
}
