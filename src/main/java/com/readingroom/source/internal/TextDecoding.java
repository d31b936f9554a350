package com.readingroom.source.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text without ever failing: UTF-8 (with or without a byte-order mark) when the bytes are
 * valid UTF-8, UTF-16 when a byte-order mark says so, otherwise ISO-8859-1, which decodes every byte.
 */
final class TextDecoding {

    record Decoded(String text, Charset charset) {}

    private TextDecoding() {}

    static Decoded decode(byte[] bytes, int length) {
        if (length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return strict(bytes, 3, length - 3, StandardCharsets.UTF_8);
        }
        if (length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new Decoded(new String(bytes, 2, length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new Decoded(new String(bytes, 2, length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        return strict(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static Decoded strict(byte[] bytes, int offset, int length, Charset charset) {
        // The JDK's String decoding has a fast path for ASCII; a malformed sequence becomes U+FFFD, so the strict
        // decoder runs only when one shows up that the bytes did not hold themselves.
        String text = new String(bytes, offset, length, charset);
        if (text.indexOf('\uFFFD') < 0 || decodesStrictly(bytes, offset, length, charset)) {
            return new Decoded(text, charset);
        }
        // Not valid UTF-8: legacy 8-bit text. ISO-8859-1 maps every byte, so the view never fails.
        return new Decoded(new String(bytes, offset, length, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    private static boolean decodesStrictly(byte[] bytes, int offset, int length, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    static boolean hasUtf16Bom(byte[] bytes, int length) {
        return length >= 2
                && (((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
                        || ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe));
    }

    /** How many lines the text has (a last line without a newline counts). */
    static int lineCount(String text) {
        int lines = 0;
        int at = -1;
        while ((at = text.indexOf('\n', at + 1)) >= 0) {
            lines++;
        }
        return text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? lines : lines + 1;
    }
}
