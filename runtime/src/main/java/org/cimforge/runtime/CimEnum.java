package org.cimforge.runtime;

import java.math.BigInteger;

/**
 * What every generated ValueMap enum constant tells: the ValueMap text, the label from Values, and
 * the numeric bounds it covers (equal for a discrete value, open ends null for ranges). A generated enum
 * only hands over its {@link ValueMapEntry}; everything else is here.
 */
public interface CimEnum {

    /** The facts of the ValueMap entry this constant stands for. */
    ValueMapEntry entry();

    /** The ValueMap entry as written in MOF, e.g. {@code "2"}, {@code "0x8000.."} or {@code ".."}. */
    default String valueMapText() {
        return entry().valueMapText();
    }

    /** The Values label, or null when the element has no Values qualifier. */
    default String label() {
        return entry().label();
    }

    /** True when this constant stands for a range (including {@code ..}) rather than one value. */
    default boolean isRange() {
        return entry().range();
    }

    /** The smallest number covered; null for string-valued maps and open lower bounds. */
    default BigInteger low() {
        return entry().low();
    }

    /** The largest number covered; null for string-valued maps and open upper bounds. */
    default BigInteger high() {
        return entry().high();
    }

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
