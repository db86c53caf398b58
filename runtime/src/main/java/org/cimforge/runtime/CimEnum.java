package org.cimforge.runtime;

import java.math.BigInteger;

/**
 * What every generated ValueMap enum constant tells: the ValueMap text, the label from Values, and
 * the numeric bounds it covers (equal for a discrete value, open ends null for ranges).
 */
public interface CimEnum {

    /** The ValueMap entry as written in MOF, e.g. {@code "2"}, {@code "0x8000.."} or {@code ".."}. */
    String valueMapText();

    /** The Values label, or null when the element has no Values qualifier. */
    String label();

    /** True when this constant stands for a range (including {@code ..}) rather than one value. */
    boolean isRange();

    /** The smallest number covered; null for string-valued maps and open lower bounds. */
    BigInteger low();

    /** The largest number covered; null for string-valued maps and open upper bounds. */
    BigInteger high();

    /** True when this constant is the {@code ..} entry that covers every value not listed otherwise. */
    default boolean isRest() {
        return isRange() && low() == null && high() == null;
    }

    /** True when a number falls within this constant's bounds. */
    default boolean covers(BigInteger value) {
        if (!isRange()) {
            return low() != null && low().equals(value);
        }
        return (low() == null || value.compareTo(low()) >= 0) && (high() == null || value.compareTo(high()) <= 0);
    }
}
