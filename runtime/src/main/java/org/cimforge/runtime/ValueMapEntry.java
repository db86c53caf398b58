package org.cimforge.runtime;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one ValueMap entry that a generated enum constant carries, held here so that the enums delegate to
 * one runtime type instead of each repeating fields, a constructor and accessors.
 *
 * @param valueMapText the entry as written in MOF, e.g. {@code "2"}, {@code "0x8000.."} or {@code ".."}
 * @param label        the Values label, or null without a Values qualifier
 * @param range        true for a range (including {@code ..})
 * @param low          the smallest number covered; null for string values and open lower bounds
 * @param high         the largest number covered; null for string values and open upper bounds
 */
public record ValueMapEntry(String valueMapText, @Nullable String label, boolean range, @Nullable BigInteger low,
                            @Nullable BigInteger high) {

    /** A discrete entry; {@code number} is the decimal value, or null for a string-valued map. */
    public static ValueMapEntry value(String text, @Nullable String label, @Nullable String number) {
        BigInteger n = number == null ? null : new BigInteger(number);
        return new ValueMapEntry(text, label, false, n, n);
    }

    /** A range entry with decimal bounds, null where open ({@code ..} has neither). */
    public static ValueMapEntry range(String text, @Nullable String label, @Nullable String low, @Nullable String high) {
        return new ValueMapEntry(text, label, true, low == null ? null : new BigInteger(low),
                high == null ? null : new BigInteger(high));
    }
}
