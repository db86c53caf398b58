package org.cimforge.runtime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;

/**
 * A CIM datetime value, which is either a point in time or an interval; the two are different Java
 * types so a duration can never be read as a timestamp by mistake.
 *
 * <p>Both keep the DMTF string they were made from, so wildcard fields ({@code *}) survive a round trip.
 */
public sealed interface CimDateTime permits CimDateTime.Absolute, CimDateTime.Interval {

    /** The 25-character DMTF form, e.g. {@code 20260101120000.000000+060} or {@code 00000001020304.000000:000}. */
    String text();

    /** The JSR48 form of this value. */
    CIMDateTime toCim();

    /** Parses a DMTF datetime string; a colon in the offset position marks an interval. */
    static CimDateTime parse(String text) {
        if (text.length() != 25) {
            throw new IllegalArgumentException("a CIM datetime has 25 characters: " + text);
        }
        return text.charAt(21) == ':' ? new Interval(text) : new Absolute(text);
    }

    /** The typed form of a JSR48 datetime. */
    static CimDateTime fromCim(CIMDateTime value) {
        if (value instanceof CIMDateTimeInterval interval) {
            return new Interval(interval.getDateTimeString());
        }
        return new Absolute(((CIMDateTimeAbsolute) value).getDateTimeString());
    }

    /** A point in time with a UTC offset in minutes. */
    record Absolute(String text) implements CimDateTime {
        public Absolute {
            if (text.length() != 25 || text.charAt(21) == ':') {
                throw new IllegalArgumentException("not an absolute CIM datetime: " + text);
            }
        }

        /** The DMTF form of a Java timestamp, at microsecond precision. */
        public static Absolute of(OffsetDateTime time) {
            int offsetMinutes = time.getOffset().getTotalSeconds() / 60;
            String text = String.format("%04d%02d%02d%02d%02d%02d.%06d%c%03d", time.getYear(), time.getMonthValue(),
                    time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 1000,
                    offsetMinutes < 0 ? '-' : '+', Math.abs(offsetMinutes));
            return new Absolute(text);
        }

        /** The Java timestamp; fails when fields are wildcards. */
        public OffsetDateTime toOffsetDateTime() {
            int sign = text.charAt(21) == '-' ? -1 : 1;
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(sign * Integer.parseInt(text.substring(22)) * 60);
            return OffsetDateTime.of(num(0, 4), num(4, 6), num(6, 8), num(8, 10), num(10, 12), num(12, 14),
                    num(15, 21) * 1000, offset);
        }

        private int num(int from, int to) {
            return Integer.parseInt(text.substring(from, to));
        }

        @Override
        public CIMDateTime toCim() {
            return new CIMDateTimeAbsolute(text);
        }
    }

    /** A duration in days, hours, minutes, seconds and microseconds. */
    record Interval(String text) implements CimDateTime {
        public Interval {
            if (text.length() != 25 || text.charAt(21) != ':') {
                throw new IllegalArgumentException("not a CIM interval: " + text);
            }
        }

        /** The DMTF form of a non-negative Java duration, at microsecond precision. */
        public static Interval of(Duration duration) {
            long micros = duration.truncatedTo(ChronoUnit.MICROS).toNanos() / 1000;
            long seconds = micros / 1_000_000;
            return new Interval(String.format("%08d%02d%02d%02d.%06d:000", seconds / 86400, seconds / 3600 % 24,
                    seconds / 60 % 60, seconds % 60, micros % 1_000_000));
        }

        /** The Java duration; fails when fields are wildcards. */
        public Duration toDuration() {
            return Duration.ofDays(Long.parseLong(text.substring(0, 8)))
                    .plusHours(Long.parseLong(text.substring(8, 10)))
                    .plusMinutes(Long.parseLong(text.substring(10, 12)))
                    .plusSeconds(Long.parseLong(text.substring(12, 14)))
                    .plusNanos(Long.parseLong(text.substring(15, 21)) * 1000);
        }

        @Override
        public CIMDateTime toCim() {
            return new CIMDateTimeInterval(text);
        }
    }
}
