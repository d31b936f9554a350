package com.readingroom.search.internal;

import com.readingroom.source.IndexFeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Builds the documents of {@link IndexSchema}. One per indexing thread: it reuses its buffers. */
final class FileDocuments {

    private final DocumentTerms terms = new DocumentTerms();

    static BytesRef bits(BitSet refs) {
        return new BytesRef(refs.toByteArray());
    }

    Document file(
            String repository,
            String product,
            IndexFeed.FileChange file,
            String blob,
            BitSet refs,
            IndexFeed.Blob content,
            List<Ctags.Definition> definitions) {
        String path = file.path();
        String key = IndexSchema.fileKey(repository, blob, path);
        Document doc = common(IndexSchema.TYPE_FILE, key, repository, product, refs);
        doc.add(new StringField(IndexSchema.PATH, path, Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexSchema.PRODUCT_PATH, new BytesRef(repository + "/" + path)));
        doc.add(new TextField(IndexSchema.PATH_TEXT, path, Field.Store.NO));
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        doc.add(new StringField(IndexSchema.FILE_NAME, name, Field.Store.NO));
        doc.add(new StringField(IndexSchema.LANGUAGE, file.language(), Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexSchema.LANGUAGE, new BytesRef(file.language())));
        doc.add(new BinaryDocValuesField(IndexSchema.BLOB, new BytesRef(blob)));
        if (content != null && !content.binary()) {
            terms.collect(content.text());
            doc.add(new Field(IndexSchema.CONTENT, terms.content(), TextField.TYPE_NOT_STORED));
            doc.add(new Field(IndexSchema.SYMBOL, terms.symbols(), IndexSchema.TERMS_ONLY));
            doc.add(new Field(IndexSchema.PART, terms.parts(), IndexSchema.TERMS_ONLY));
            doc.add(new Field(IndexSchema.TRIGRAM, terms.trigrams(), IndexSchema.TERMS_ONLY));
        }
        if (!definitions.isEmpty()) {
            StringBuilder stored = new StringBuilder();
            List<String> names = new ArrayList<>(definitions.size());
            List<String> kinds = new ArrayList<>(definitions.size());
            for (Ctags.Definition definition : definitions) {
                String lower = definition.name().toLowerCase(Locale.ROOT);
                names.add(lower);
                kinds.add(definition.kind().toLowerCase(Locale.ROOT) + ":" + lower);
                stored.append(definition.line())
                        .append('\t')
                        .append(definition.kind())
                        .append('\t')
                        .append(definition.name())
                        .append('\n');
            }
            // One field of many terms each, not a field per definition: a kernel has millions of them.
            doc.add(new Field(IndexSchema.DEFINITION, DocumentTerms.listed(names), IndexSchema.TERMS_ONLY));
            doc.add(new Field(IndexSchema.DEFINITION_KIND, DocumentTerms.listed(kinds), IndexSchema.TERMS_ONLY));
            doc.add(new StoredField(IndexSchema.DEFINITIONS_STORED, stored.toString()));
        }
        return doc;
    }

    Document commit(String repository, String product, IndexFeed.CommitText commit, BitSet refs) {
        Document doc = common(
                IndexSchema.TYPE_COMMIT, IndexSchema.commitKey(repository, commit.id()), repository, product, refs);
        doc.add(new StringField(IndexSchema.COMMIT_ID, commit.id(), Field.Store.YES));
        String message = commit.message().length() > 8192 ? commit.message().substring(0, 8192) : commit.message();
        doc.add(new TextField(IndexSchema.MESSAGE, message, Field.Store.NO));
        doc.add(new StoredField(IndexSchema.MESSAGE_STORED, message));
        doc.add(new StoredField(IndexSchema.AUTHOR, commit.author()));
        doc.add(new LongField(IndexSchema.COMMITTED, commit.committed().toEpochMilli(), Field.Store.YES));
        for (String path : commit.paths()) {
            byte[] value = (repository + "/" + path).getBytes(StandardCharsets.UTF_8);
            if (value.length < 32766) {
                doc.add(new SortedSetDocValuesField(IndexSchema.CHANGED_PATHS, new BytesRef(value)));
            }
        }
        return doc;
    }

    private static Document common(String type, String key, String repository, String product, BitSet refs) {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.TYPE, type, Field.Store.NO));
        doc.add(new StringField(IndexSchema.KEY, key, Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexSchema.KEY, new BytesRef(key)));
        doc.add(new StringField(IndexSchema.REPOSITORY, repository, Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexSchema.REPOSITORY, new BytesRef(repository)));
        doc.add(new StringField(IndexSchema.PRODUCT, product.toLowerCase(Locale.ROOT), Field.Store.NO));
        doc.add(new BinaryDocValuesField(IndexSchema.REFS, bits(refs)));
        return doc;
    }
}
