package org.cimforge.mof.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a MOF file into text: UTF-8 with or without BOM, UTF-16 with BOM, and, for old
 * files that are not valid UTF-8, ISO-8859-1 (reported by the caller as a warning).
 */
public final class MofSourceDecoder {

    /** Decoded text and whether the Latin-1 fallback was needed. */
    public record Decoded(String text, boolean latin1Fallback) {
    }

    private MofSourceDecoder() {
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), false);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), false);
        }
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        // Fast path: the JDK's own decoder copies ASCII (nearly every MOF file) straight into a compact string.
        // It replaces malformed input with U+FFFD, so a text without U+FFFD was valid UTF-8; one with it is
        // decoded again strictly below, which tells a U+FFFD written in the file from a malformed byte.
        // (indexOf of a character above U+00FF in a Latin-1 string returns at once.)
        String lenient = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return new Decoded(lenient, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return new Decoded(text, false);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1), true);
        }
    }
}
