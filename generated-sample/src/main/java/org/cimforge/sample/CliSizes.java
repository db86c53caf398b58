package org.cimforge.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes byte counts with binary unit suffixes ({@code 512}, {@code 64K}, {@code 200M}, {@code 1.5GiB},
 * {@code 2T}), as used by {@code --copy-rate} and by the sizes in a configuration file.
 */
public final class CliSizes {
    // Storage people say 200M and mean MiB; the engine's own default (256 MiB/s) is binary too, so K/M/G/T/P are
    // powers of 1024 whether written 200M, 200MB or 200MiB.
    private static final Pattern SIZE = Pattern.compile(
            "\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(?:i?b)?\\s*(/\\s*s)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "KMGTP";

    private CliSizes() {
    }

    /** Parses a size such as {@code 100G}; a fraction is rounded to the nearest byte. */
    public static long parseSize(String text) {
        return parse(text, false);
    }

    /** Parses a rate such as {@code 200M} or {@code 200MB/s} (bytes per second). */
    public static long parseRate(String text) {
        return parse(text, true);
    }

    private static long parse(String text, boolean rate) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches() || (m.group(3) != null && !rate)) {
            throw new IllegalArgumentException("'" + text + "' is not a " + (rate ? "rate" : "size")
                    + " (write a number of bytes, optionally with a unit: 512, 64K, 200M, 1.5G, 2T"
                    + (rate ? ", per second" : "") + ")");
        }
        int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power))
                .setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large (at most 8191P)");
        }
        return bytes.longValueExact();
    }

    /** Writes a byte count in the largest binary unit that divides it exactly, e.g. {@code 256 MiB}. */
    public static String format(long bytes) {
        int power = 0;
        long value = bytes;
        while (value != 0 && value % 1024 == 0 && power < UNITS.length()) {
            value /= 1024;
            power++;
        }
        return power == 0 ? bytes + " bytes" : value + " " + UNITS.charAt(power - 1) + "iB";
    }
}
