package org.cimforge.sample.provider;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.runtime.CimDateTime;
import org.cimforge.runtime.CimEnum;
import org.cimforge.runtime.EnumValue;

/**
 * Small conversions between engine values and generated types: ValueMap numbers to {@link EnumValue}s (so the engine's
 * numbers are used as they are, never re-derived from label spellings) and instants to CIM datetimes.
 */
final class Enums {
    private Enums() {
    }

    /** The value {@code number} of a generated ValueMap enum. */
    static <E extends Enum<E> & CimEnum> EnumValue<E> of(Class<E> type, int number) {
        return EnumValue.lookup(type, number);
    }

    /** Several values of a generated ValueMap enum, in order. */
    static <E extends Enum<E> & CimEnum> List<EnumValue<E>> list(Class<E> type, int... numbers) {
        List<EnumValue<E>> values = new ArrayList<>(numbers.length);
        for (int n : numbers) {
            values.add(of(type, n));
        }
        return values;
    }

    /** The raw number of an optional enum argument, or null. */
    static Integer number(EnumValue<?> value) {
        return value == null ? null : value.number().intValue();
    }

    /** A point in time as a CIM datetime (UTC), or null. */
    static CimDateTime time(Instant instant) {
        return instant == null ? null : CimDateTime.Absolute.of(instant.atOffset(ZoneOffset.UTC));
    }
}
