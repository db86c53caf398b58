package org.cimforge.sample;

import java.nio.file.Path;

/**
 * The password the sample accepts and where it came from, which decides whether it is printed.
 *
 * @param password the password
 * @param origin   where it came from
 * @param file     the file it is kept in, or null
 */
public record PasswordChoice(String password, Origin origin, Path file) {
    /** Where a password came from. */
    public enum Origin {
        /** Given with {@code --password}. */
        COMMAND_LINE,
        /** Given in the environment variable {@value SampleMain#PASSWORD_VARIABLE}. */
        ENVIRONMENT,
        /** Generated now and saved in the data directory: printed this once. */
        GENERATED_AND_SAVED,
        /** Generated at an earlier start and read back from the data directory: not printed. */
        SAVED_EARLIER,
        /** Generated for this run only (no data directory): printed. */
        GENERATED_FOR_THIS_RUN
    }

    /** True when the password must be shown now, because the user has no other way to learn it. */
    public boolean mustBePrinted() {
        return origin == Origin.GENERATED_AND_SAVED || origin == Origin.GENERATED_FOR_THIS_RUN;
    }

    /** Where the password comes from, in words, for the startup line. */
    public String describeOrigin() {
        return switch (origin) {
            case COMMAND_LINE -> "the password given with --password";
            case ENVIRONMENT -> "the password in $" + SampleMain.PASSWORD_VARIABLE;
            case GENERATED_AND_SAVED -> "the password printed above (kept in " + file + ")";
            case SAVED_EARLIER -> "the password generated at first start (kept in " + file + ")";
            case GENERATED_FOR_THIS_RUN -> "the password printed above (valid for this run only)";
        };
    }
}
