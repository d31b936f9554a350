package com.readingroom.search.internal;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * The fields of the code index. A change to what a field holds or how it is analysed raises {@link #VERSION}: an
 * index of another version is rebuilt from the repositories at startup rather than read wrongly.
 *
 * <p>A document is a file of a repository at one blob ({@code repository, path, blob}): a blob that several refs
 * hold at the same path is indexed once, and the refs holding it are a bit set ({@link #REFS}, by the ordinals of
 * {@link IndexState}) updated in place when refs move. Commits are documents of their own, for {@code hist:}.
 */
final class IndexSchema {

    static final int VERSION = 2;

    static final String TYPE = "type";
    static final String TYPE_FILE = "file";
    static final String TYPE_COMMIT = "commit";

    /** Unique per document: what updates and deletes address. Also doc values, to read membership back. */
    static final String KEY = "key";

    static final String REPOSITORY = "repo";
    static final String PRODUCT = "product";
    /** The exact repository path, for wildcards; {@link #PRODUCT_PATH} is what the grant filter reads. */
    static final String PATH = "path";
    /** {@code <repository>/<path>} as sorted doc values: the grant filter judges each distinct value once. */
    static final String PRODUCT_PATH = "ppath";
    /** The path's words, for {@code path:drivers/net}. */
    static final String PATH_TEXT = "pathtext";
    /** The file name, lowercased, for {@code file:}. */
    static final String FILE_NAME = "file";

    static final String LANGUAGE = "lang";
    static final String BLOB = "blob";
    /** Bit set of the ref ordinals whose tree holds this document (binary doc values, updatable). */
    static final String REFS = "refs";

    /** Whole words of the content, lowercased, with positions. */
    static final String CONTENT = "content";
    /** Parts of the identifiers ({@code spin}, {@code irqsave}), lowercased, once per document. */
    static final String PART = "part";
    /** Identifiers exactly as written, once per document, for {@code sym:}. */
    static final String SYMBOL = "sym";
    /** Folded trigrams, once per document, for regular expressions. */
    static final String TRIGRAM = "tri";
    /** Names of the definitions, lowercased, for {@code def:}. */
    static final String DEFINITION = "def";
    /** {@code kind:name} of the definitions, lowercased, for {@code def:function:kmalloc}. */
    static final String DEFINITION_KIND = "defkind";
    /** Stored {@code line<TAB>kind<TAB>name} lines, to show definition lines as snippets. */
    static final String DEFINITIONS_STORED = "defs";

    /** Commit documents. */
    static final String COMMIT_ID = "commit";

    static final String MESSAGE = "hist";
    static final String MESSAGE_STORED = "message";
    static final String AUTHOR = "author";
    static final String COMMITTED = "committed";
    /** The product paths a commit changed (sorted set doc values), for the grant filter. */
    static final String CHANGED_PATHS = "cpaths";

    /** Terms that are there or not: no frequencies, positions or norms. */
    static final FieldType TERMS_ONLY = termsOnly();

    private IndexSchema() {}

    private static FieldType termsOnly() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    static String fileKey(String repository, String blob, String path) {
        return repository + '\u0000' + 'f' + blob + '\u0000' + path;
    }

    static String commitKey(String repository, String commit) {
        return repository + '\u0000' + 'c' + commit;
    }
}
