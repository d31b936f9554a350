package com.readingroom.search.internal;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The whole words of {@link CodeScanner}, lowercased, one per position, for the content, path and commit-message
 * fields: what phrases match. The parts of identifiers ({@code spin}, {@code irqsave} of {@code spin_lock_irqsave})
 * go once per document into their own field ({@link IndexSchema#PART}), which costs a fraction of positions for
 * every part of every identifier.
 */
final class CodeTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final CodeScanner scanner = new CodeScanner().wholeWordsOnly();
    private char[] buffer = new char[8192];
    private int length;

    @Override
    public boolean incrementToken() {
        if (!scanner.next()) {
            return false;
        }
        clearAttributes();
        char[] out = term.resizeBuffer(CodeScanner.MAX_TOKEN + 1);
        term.setLength(scanner.lowercaseInto(out));
        increment.setPositionIncrement(1);
        offsets.setOffset(correctOffset(scanner.start()), correctOffset(scanner.end()));
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        int read;
        while ((read = input.read(buffer, length, buffer.length - length)) > 0) {
            length += read;
            if (length == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        scanner.reset(buffer, length);
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(length);
        offsets.setOffset(last, last);
    }
}
