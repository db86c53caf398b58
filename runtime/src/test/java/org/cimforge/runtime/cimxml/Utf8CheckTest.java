package org.cimforge.runtime.cimxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8CheckTest {

    /** The JDK's strict decoder (it also refuses overlong forms and surrogates): where the first bad byte is. */
    private static int reference(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length * 2), true);
        return result.isError() ? in.position() : -1;
    }

    @Test
    void findsTheFirstBadByteAtEveryOffsetAroundTheEightByteSteps() {
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
            {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        for (byte[] b : bad) {
            for (int at = 0; at < 40; at++) {
                byte[] body = new byte[at + b.length + 17];
                java.util.Arrays.fill(body, (byte) 'x');
                System.arraycopy(b, 0, body, at, b.length);
                assertThat(Utf8Check.firstInvalid(body)).as("offset %d", at).isEqualTo(at).isEqualTo(reference(body));
            }
        }
        // A truncated character at the very end, after a run of whole words.
        byte[] tail = "0123456789abcdef\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Check.firstInvalid(java.util.Arrays.copyOf(tail, tail.length - 1))).isEqualTo(16);
    }

    @Test
    void agreesWithTheJdkDecoderOnMostlyAsciiRandomBytes() {
        SplittableRandom random = new SplittableRandom(28);
        String valid = "GetInstance \u00e9\u20ac\ud83d\ude00 <KEYVALUE>";
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                text.append(valid, 0, random.nextInt(valid.length() + 1));
            }
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            if (body.length > 0 && random.nextBoolean()) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            assertThat(Utf8Check.firstInvalid(body)).as("run %d", run).isEqualTo(reference(body));
        }
    }
}
