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
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
            return new Decoded(text, charset);
        } catch (CharacterCodingException notUtf8) {
            // Not valid UTF-8: legacy 8-bit text. ISO-8859-1 maps every byte, so the view never fails.
            return new Decoded(
                    new String(bytes, offset, length, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        }
    }

    static boolean hasUtf16Bom(byte[] bytes, int length) {
        return length >= 2
                && (((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
                        || ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe));
    }

    /** How many lines the text has (a last line without a newline counts). */
    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return text.charAt(text.length() - 1) == '\n' ? lines : lines + 1;
    }
}
