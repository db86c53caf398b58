package org.cimforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;

class CimDateTimeTest {

    @Test
    void intervalsAndAbsoluteTimesAreDifferentTypes() {
        assertThat(CimDateTime.parse("00000001020304.000005:000")).isInstanceOf(CimDateTime.Interval.class);
        assertThat(CimDateTime.parse("20260102030405.000006+060")).isInstanceOf(CimDateTime.Absolute.class);
        assertThatThrownBy(() -> new CimDateTime.Interval("20260102030405.000006+060"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalConvertsToDurationAndBack() {
        Duration d = Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusNanos(5000);
        CimDateTime.Interval interval = CimDateTime.Interval.of(d);
        assertThat(interval.text()).isEqualTo("00000001020304.000005:000");
        assertThat(interval.toDuration()).isEqualTo(d);
        assertThat(interval.toCim()).isInstanceOf(CIMDateTimeInterval.class);
        assertThat(CimDateTime.fromCim(interval.toCim())).isEqualTo(interval);
    }

    @Test
    void absoluteConvertsToOffsetDateTimeAndBack() {
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6000, ZoneOffset.ofHours(-2));
        CimDateTime.Absolute absolute = CimDateTime.Absolute.of(t);
        assertThat(absolute.text()).isEqualTo("20260102030405.000006-120");
        assertThat(absolute.toOffsetDateTime()).isEqualTo(t);
        assertThat(CimDateTime.fromCim(absolute.toCim())).isEqualTo(absolute);
    }

    @Test
    void wildcardsSurviveTheRoundTrip() {
        CimDateTime.Absolute partial = new CimDateTime.Absolute("2026**********.******+000");
        assertThat(CimDateTime.fromCim(partial.toCim()).text()).isEqualTo(partial.text());
    }
}
