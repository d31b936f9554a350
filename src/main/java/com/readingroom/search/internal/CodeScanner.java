package com.readingroom.search.internal;

/**
 * Finds the words of source code, as a programmer reads them: an identifier ({@code spin_lock_irqsave},
 * {@code SpinLock}, {@code ext4}) is one word, and so is each of its parts, split on underscores, camel case and
 * digits. The index, the query and the snippets all scan with this class, so that what a query asks for is exactly
 * what was indexed and what is highlighted.
 *
 * <p>Pull-based and allocation-free: {@link #next} moves to the next token, a whole identifier first and then its
 * parts (when it has more than one), each given by offsets into the text.
 */
final class CodeScanner {

    /** Longer runs are data (base64, hex dumps), not words anyone searches for. */
    static final int MAX_TOKEN = 128;

    private static final int MAX_PARTS = 32;

    private char[] text;
    private int limit;
    private int position;

    private int start;
    private int end;
    private boolean part;
    private boolean skipped;
    private boolean reportSkipped;

    private final int[] parts = new int[MAX_PARTS * 2];
    private boolean wantParts = true;
    private int partCount;
    private int nextPart;

    void reset(char[] text, int offset, int limit) {
        this.text = text;
        this.position = offset;
        this.limit = limit;
        this.partCount = 0;
        this.nextPart = 0;
    }

    void reset(char[] text, int length) {
        reset(text, 0, length);
    }

    /** Whole words only: the parts are not computed at all. */
    CodeScanner wholeWordsOnly() {
        wantParts = false;
        return this;
    }

    /**
     * Also stops at the runs of word characters that are no word (longer than {@link #MAX_TOKEN}, or separators
     * only), marked {@link #isSkipped}: the trigrams of a text are those of all its runs.
     */
    CodeScanner reportingSkipped() {
        reportSkipped = true;
        return this;
    }

    /** Moves to the next token; false at the end of the text. */
    boolean next() {
        skipped = false;
        if (nextPart < partCount) {
            start = parts[nextPart * 2];
            end = parts[nextPart * 2 + 1];
            nextPart++;
            part = true;
            return true;
        }
        partCount = 0;
        nextPart = 0;
        while (position < limit) {
            while (position < limit && !isWordChar(text[position])) {
                position++;
            }
            if (position >= limit) {
                return false;
            }
            int wordStart = position;
            while (position < limit && isWordChar(text[position])) {
                position++;
            }
            int wordEnd = trimSeparators(wordStart, position);
            int first = skipSeparators(wordStart, wordEnd);
            if (first >= wordEnd || position - wordStart > MAX_TOKEN) {
                if (reportSkipped) {
                    start = wordStart;
                    end = position;
                    part = false;
                    skipped = true;
                    return true;
                }
                continue;
            }
            start = wordStart;
            end = position;
            part = false;
            if (wantParts) {
                split(first, wordEnd);
                if (partCount == 1) {
                    partCount = 0;
                }
            }
            return true;
        }
        return false;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Whether the current run is no word (see {@link #reportingSkipped}). */
    boolean isSkipped() {
        return skipped;
    }

    /** Whether the current token is a part of the identifier returned just before, not a whole one. */
    boolean isPart() {
        return part;
    }

    /** Whether the current token is an identifier (starts with a letter, an underscore or a dollar), not a number. */
    boolean isIdentifier() {
        return !isDigit(text[start]);
    }

    static boolean isWordChar(char c) {
        return c == '_' || c == '$' || (c < 128 ? isAsciiAlnum(c) : Character.isLetterOrDigit(c));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '$';
    }

    private int trimSeparators(int from, int to) {
        int end = to;
        while (end > from && isSeparator(text[end - 1])) {
            end--;
        }
        return end;
    }

    private int skipSeparators(int from, int to) {
        int at = from;
        while (at < to && isSeparator(text[at])) {
            at++;
        }
        return at;
    }

    /** Parts of a word: runs between separators, cut again where case or letter/digit changes. */
    private void split(int from, int to) {
        if (isDigit(text[from])) {
            // A number (0x1F, 100ms) stays whole.
            addPart(from, to);
            return;
        }
        int partStart = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || isSeparator(text[i])) {
                if (i > partStart) {
                    addPart(partStart, i);
                }
                while (i < to && isSeparator(text[i])) {
                    i++;
                }
                partStart = i;
                continue;
            }
            char previous = text[i - 1];
            char current = text[i];
            if (i > partStart && isBoundary(previous, current, i + 1 < to ? text[i + 1] : 0)) {
                addPart(partStart, i);
                partStart = i;
            }
        }
    }

    private static boolean isBoundary(char previous, char current, char next) {
        if (isDigit(previous) != isDigit(current)) {
            return true;
        }
        if (isLower(previous) && isUpper(current)) {
            return true;
        }
        // HTTPServer: the boundary is before the last capital of a run of capitals.
        return isUpper(previous) && isUpper(current) && isLower(next);
    }

    private static boolean isDigit(char c) {
        return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean isLower(char c) {
        return c < 128 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    private static boolean isUpper(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    static char lower(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    private void addPart(int from, int to) {
        if (partCount < MAX_PARTS) {
            parts[partCount * 2] = from;
            parts[partCount * 2 + 1] = to;
            partCount++;
        }
    }

    /** Copies the current token lowercased into {@code out}; returns its length. */
    int lowercaseInto(char[] out) {
        int length = end - start;
        for (int i = 0; i < length; i++) {
            out[i] = lower(text[start + i]);
        }
        return length;
    }

    String lowercase() {
        char[] out = new char[end - start];
        return new String(out, 0, lowercaseInto(out));
    }

    String exact() {
        return new String(text, start, end - start);
    }
}
