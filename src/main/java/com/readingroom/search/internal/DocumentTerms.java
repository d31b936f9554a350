package com.readingroom.search.internal;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The term sets of one file's text computed in one pass, for the fields that need each term once per document: the
 * exact identifiers ({@code sym}, case kept), the parts of identifiers ({@code part}, lowercased) and the trigrams
 * ({@code tri}). One instance per indexing thread, reused
 * for every file.
 */
final class DocumentTerms {

    private final CodeScanner scanner = new CodeScanner().reportingSkipped();
    private final Trigrams trigrams = new Trigrams();
    private final UniqueTerms symbols = new UniqueTerms();
    private final UniqueTerms parts = new UniqueTerms();
    private final UniqueTerms numbers = new UniqueTerms();
    private char[] text = new char[1 << 16];
    private int length;
    private int[] words = new int[1 << 14];
    private int wordCount;

    void collect(String content) {
        length = content.length();
        if (text.length < length) {
            text = new char[Math.max(length, text.length * 2)];
        }
        content.getChars(0, length, text, 0);
        trigrams.clear();
        symbols.clear();
        parts.clear();
        numbers.clear();
        wordCount = 0;
        scanner.reset(text, length);
        while (scanner.next()) {
            int start = scanner.start();
            int len = scanner.end() - start;
            if (scanner.isSkipped()) {
                trigrams.add(text, start, len);
                continue;
            }
            if (scanner.isPart()) {
                parts.add(text, start, len, true);
                continue;
            }
            if (wordCount * 2 + 2 > words.length) {
                words = java.util.Arrays.copyOf(words, words.length * 2);
            }
            words[wordCount * 2] = start;
            words[wordCount * 2 + 1] = scanner.end();
            wordCount++;
            if (scanner.isIdentifier()) {
                symbols.add(text, start, len, false);
            } else {
                numbers.add(text, start, len, false);
            }
        }
        symbols.trigramsInto(trigrams);
        numbers.trigramsInto(trigrams);
    }

    /**
     * The whole words, lowercased, one position each: exactly what {@link CodeTokenizer} makes of the same text,
     * from the same scan instead of a second one.
     */
    TokenStream content() {
        return new TermStream() {
            @Override
            int count() {
                return wordCount;
            }

            @Override
            int fill(int index, char[] out) {
                int start = words[index * 2];
                int end = words[index * 2 + 1];
                for (int i = start; i < end; i++) {
                    out[i - start] = CodeScanner.lower(text[i]);
                }
                return end - start;
            }
        };
    }

    TokenStream symbols() {
        return terms(symbols);
    }

    TokenStream parts() {
        return terms(parts);
    }

    private static TokenStream terms(UniqueTerms set) {
        return new TermStream() {
            @Override
            int count() {
                return set.size();
            }

            @Override
            int fill(int index, char[] out) {
                return set.copy(index, out);
            }
        };
    }

    /** The terms of a list, one per position. */
    static TokenStream listed(List<String> terms) {
        return new TermStream() {
            @Override
            int count() {
                return terms.size();
            }

            @Override
            int capacity(int index) {
                return terms.get(index).length();
            }

            @Override
            int fill(int index, char[] out) {
                String term = terms.get(index);
                term.getChars(0, term.length(), out, 0);
                return term.length();
            }
        };
    }

    TokenStream trigrams() {
        return new TermStream() {
            @Override
            int count() {
                return trigrams.count();
            }

            @Override
            int fill(int index, char[] out) {
                int key = trigrams.key(index);
                out[0] = (char) (key >>> 16);
                out[1] = (char) ((key >>> 8) & 0xff);
                out[2] = (char) (key & 0xff);
                return 3;
            }
        };
    }

    /** Emits a list of terms, one per position. */
    private abstract static class TermStream extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private int next;

        abstract int count();

        abstract int fill(int index, char[] out);

        /** How many characters term {@code index} may need. */
        int capacity(int index) {
            return CodeScanner.MAX_TOKEN + 1;
        }

        @Override
        public final boolean incrementToken() {
            if (next >= count()) {
                return false;
            }
            clearAttributes();
            char[] out = term.resizeBuffer(capacity(next));
            term.setLength(fill(next++, out));
            return true;
        }

        @Override
        public void reset() {
            next = 0;
        }
    }
}
