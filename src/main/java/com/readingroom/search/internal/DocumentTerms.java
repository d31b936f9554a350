package com.readingroom.search.internal;

import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The term sets of one file's text computed in one pass, for the fields that need each term once per document: the
 * exact identifiers ({@code sym}, case kept) and the trigrams ({@code tri}). One instance per indexing thread, reused
 * for every file.
 */
final class DocumentTerms {

    private final CodeScanner scanner = new CodeScanner();
    private final Trigrams trigrams = new Trigrams();
    private final CharArraySet symbols = new CharArraySet(4096, false);
    private char[] text = new char[1 << 16];
    private int length;
    private char[][] symbolList = new char[4096][];
    private int symbolCount;

    void collect(String content) {
        length = content.length();
        if (text.length < length) {
            text = new char[Math.max(length, text.length * 2)];
        }
        content.getChars(0, length, text, 0);
        trigrams.collect(text, length);
        symbols.clear();
        symbolCount = 0;
        scanner.reset(text, length);
        while (scanner.next()) {
            if (!scanner.isPart() && scanner.isIdentifier()) {
                int start = scanner.start();
                int len = scanner.end() - start;
                if (!symbols.contains(text, start, len)) {
                    char[] symbol = Arrays.copyOfRange(text, start, start + len);
                    symbols.add(symbol);
                    if (symbolCount == symbolList.length) {
                        symbolList = Arrays.copyOf(symbolList, symbolCount * 2);
                    }
                    symbolList[symbolCount++] = symbol;
                }
            }
        }
    }

    TokenStream symbols() {
        return new TermStream() {
            @Override
            int count() {
                return symbolCount;
            }

            @Override
            int fill(int index, char[] out) {
                char[] symbol = symbolList[index];
                System.arraycopy(symbol, 0, out, 0, symbol.length);
                return symbol.length;
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

    /** Emits a list of terms, one per position; positions do not matter for these fields. */
    private abstract static class TermStream extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private int next;

        abstract int count();

        abstract int fill(int index, char[] out);

        @Override
        public final boolean incrementToken() {
            if (next >= count()) {
                return false;
            }
            clearAttributes();
            char[] out = term.resizeBuffer(CodeScanner.MAX_TOKEN + 1);
            term.setLength(fill(next++, out));
            return true;
        }

        @Override
        public void reset() {
            next = 0;
        }
    }
}
