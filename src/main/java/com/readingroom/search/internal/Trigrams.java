package com.readingroom.search.internal;

/**
 * The trigrams of a text, for accelerating regular expressions: every three consecutive characters, folded (see
 * {@link #fold}) so that a match of any regular expression implies the trigrams of its literals. Deduplicated per
 * document with a bit set over all 2^24 folded trigrams, cleared through the list of those set, so no allocation
 * happens per document.
 */
final class Trigrams {

    static final char OTHER = '\u0080';

    private final long[] seen = new long[1 << 18];
    private int[] keys = new int[1 << 14];
    private int count;

    /**
     * ASCII letters lowercased, digits and underscore kept, every other character (space, punctuation, other
     * scripts) one bucket: fewer distinct trigrams per file, and still implied by any match of the literal.
     */
    static char fold(char c) {
        return c < 128 ? FOLD[c] : OTHER;
    }

    private static final char[] FOLD = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
            FOLD[c] = word ? c : c >= 'A' && c <= 'Z' ? (char) (c + 32) : OTHER;
        }
    }

    /**
     * Only trigrams of word characters are indexed: they are what regular expressions over code spell out, and
     * leaving out those with spaces and punctuation halves what is indexed. A regular expression's trigrams with
     * other characters are then simply not required of its candidates.
     */
    static boolean indexed(char a, char b, char c) {
        return a != OTHER && b != OTHER && c != OTHER;
    }

    static String term(int key) {
        return new String(new char[] {(char) (key >>> 16), (char) ((key >>> 8) & 0xff), (char) (key & 0xff)});
    }

    /**
     * Adds the trigrams of a run of the text (read them with {@link #count} and {@link #key(int)}; start a document
     * with {@link #clear}). Only trigrams of word characters are indexed, and those lie inside one
     * run of word characters: so a document's trigrams are those of its distinct words (and of the runs that are no
     * word), which costs a fraction of probing the set at every character of the text.
     */
    void add(char[] text, int offset, int length) {
        if (length < 3) {
            return;
        }
        int a = fold(text[offset]);
        int b = fold(text[offset + 1]);
        for (int i = offset + 2; i < offset + length; i++) {
            int c = fold(text[i]);
            if (a == OTHER || b == OTHER || c == OTHER) {
                a = b;
                b = c;
                continue;
            }
            int key = (a << 16) | (b << 8) | c;
            long bit = 1L << key;
            int word = key >>> 6;
            if ((seen[word] & bit) == 0) {
                seen[word] |= bit;
                if (count == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, count * 2);
                }
                keys[count++] = key;
            }
            a = b;
            b = c;
        }
    }

    int count() {
        return count;
    }

    int key(int index) {
        return keys[index];
    }

    void clear() {
        for (int i = 0; i < count; i++) {
            seen[keys[i] >>> 6] = 0;
        }
        count = 0;
    }
}
