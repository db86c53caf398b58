package org.cimforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EnumValueTest {

    /** Shaped like a generated enum: discrete values, a bounded range, an open range and {@code ..}. */
    enum Code implements CimEnum {
        OK(ValueMapEntry.value("0", "OK", "0")),
        JOB_STARTED(ValueMapEntry.value("0x1000", "Job Started", "4096")),
        RESERVED(ValueMapEntry.range("4098..32767", "Reserved", "4098", "32767")),
        VENDOR(ValueMapEntry.range("0x8000..", "Vendor", "32768", null)),
        OTHER(ValueMapEntry.range("..", "Other", null, null));

        private final ValueMapEntry entry;

        Code(ValueMapEntry entry) {
            this.entry = entry;
        }

        @Override
        public ValueMapEntry entry() {
            return entry;
        }
    }

    @Test
    void discreteWinsThenBoundedRangeThenRest() {
        assertThat(EnumValue.lookup(Code.class, 4096).constant()).isEqualTo(Code.JOB_STARTED);
        assertThat(EnumValue.lookup(Code.class, 5000).constant()).isEqualTo(Code.RESERVED);
        assertThat(EnumValue.lookup(Code.class, 70000L).constant()).isEqualTo(Code.VENDOR);
        assertThat(EnumValue.lookup(Code.class, 4097).constant()).isEqualTo(Code.OTHER);
    }

    @Test
    void rawValueIsKeptExactly() {
        EnumValue<Code> v = EnumValue.lookup(Code.class, 5000);
        assertThat(v.raw()).isEqualTo(5000);
        assertThat(v.number()).isEqualTo(BigInteger.valueOf(5000));
        assertThat(EnumValue.of(Code.RESERVED, 5000)).isEqualTo(v);
        assertThatThrownBy(() -> EnumValue.of(Code.RESERVED, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discreteConstantsConvertToTheElementKind() {
        assertThat(EnumValue.rawOf(Code.JOB_STARTED, CimKind.UINT32)).isEqualTo(4096L);
        assertThat(EnumValue.rawOf(Code.JOB_STARTED, CimKind.UINT16)).isEqualTo(4096);
        assertThatThrownBy(() -> EnumValue.rawOf(Code.RESERVED, CimKind.UINT16))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangeRefusalNamesTheElementTheConstantAndTheWayOut() {
        assertThatThrownBy(() -> EnumValue.rawOf(Code.RESERVED, CimKind.UINT16, "ReturnValue"))
                .hasMessageContaining("ReturnValue: RESERVED (4098..32767) is a range")
                .hasMessageContaining("EnumValue.of(RESERVED, number)");
    }

    @Test
    void equalityIsByNumberWhateverIntegerTypeCarriedIt() {
        // A uint16 arrives as Integer, a uint32 as Long, uint64 as BigInteger: the same number must compare equal.
        EnumValue<Code> fromInt = EnumValue.lookup(Code.class, 5000);
        EnumValue<Code> fromLong = EnumValue.lookup(Code.class, 5000L);
        EnumValue<Code> fromBig = EnumValue.lookup(Code.class, BigInteger.valueOf(5000));
        EnumValue<Code> fromShort = EnumValue.lookup(Code.class, (short) 5000);
        assertThat(fromInt).isEqualTo(fromLong).isEqualTo(fromBig).isEqualTo(fromShort);
        assertThat(fromInt.hashCode()).isEqualTo(fromLong.hashCode()).isEqualTo(fromBig.hashCode())
                .isEqualTo(fromShort.hashCode());
        assertThat(fromInt).isNotEqualTo(EnumValue.lookup(Code.class, 5001L));
        // The raw form itself is still kept as given.
        assertThat(fromLong.raw()).isEqualTo(5000L);
    }

    @Test
    void toStringShowsTheNumberAndItsConstant() {
        assertThat(EnumValue.lookup(Code.class, 4096L)).hasToString("4096 (JOB_STARTED)");
        assertThat(new EnumValue<Code>(null, 7)).hasToString("7");
    }
}
