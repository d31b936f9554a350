package com.readingroom.search.internal;

import org.apache.lucene.analysis.Analyzer;

/** The analyzer of every text field of the index: {@link CodeTokenizer}, nothing else. */
final class CodeAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new CodeTokenizer());
    }
}
