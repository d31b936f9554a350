package com.readingroom.search.internal;

import java.util.Arrays;

/**
 * The lines of a text, found only as far as they are asked for: a snippet needs the lines of the first few matches,
 * which are usually near the start of a long file.
 */
final class Lines {

    private final String text;
    private int[] starts = new int[64];
    private int known;
    private boolean complete;

    Lines(String text) {
        this.text = text;
        if (!text.isEmpty()) {
            starts[known++] = 0;
        } else {
            complete = true;
        }
    }

    /** Whether line {@code index} (from 0) exists. */
    boolean exists(int index) {
        while (known <= index && !complete) {
            scanOne();
        }
        return index >= 0 && index < known;
    }

    /** The line holding the offset (which must lie in the text). */
    int lineOf(int offset) {
        while (!complete && starts[known - 1] <= offset) {
            scanOne();
        }
        int at = Arrays.binarySearch(starts, 0, known, offset);
        return at >= 0 ? at : -at - 2;
    }

    int start(int index) {
        exists(index);
        return starts[index];
    }

    /** Where the line ends, without its line break ({@code \n} or {@code \r\n}). */
    int end(int index) {
        exists(index + 1);
        int limit;
        if (index + 1 < known) {
            limit = starts[index + 1] - 1;
        } else {
            int newline = text.indexOf('\n', starts[index]);
            if (newline < 0) {
                return text.length();
            }
            limit = newline;
        }
        return limit > starts[index] && text.charAt(limit - 1) == '\r' ? limit - 1 : limit;
    }

    String line(int index) {
        return text.substring(start(index), end(index));
    }

    private void scanOne() {
        int newline = text.indexOf('\n', starts[known - 1]);
        if (newline < 0 || newline + 1 >= text.length()) {
            complete = true;
            return;
        }
        if (known == starts.length) {
            starts = Arrays.copyOf(starts, known * 2);
        }
        starts[known++] = newline + 1;
    }
}
