package com.readingroom.search.internal;

import com.readingroom.access.ReadingGrant;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.springframework.stereotype.Component;

/**
 * Which distinct paths of a segment a {@link ReadingGrant.PathRule} admits, as a bit set over the ordinals of the
 * path doc values. The rule is judged once per distinct path of its repository per segment (by the access module's
 * own code, so the filter means exactly what the policy means); the answer is kept until the segment closes. A rule
 * is a value (its scopes' patterns), so the cache holds no decision about any person: a changed agreement yields a
 * different rule, and a person who lost a grant yields no rule at all.
 *
 * <p>It also keeps which documents of a segment a {@link GrantFilter} admits, for as long as the segment's reader
 * (its ref bit sets and deletions) stays the same.
 */
@Component
class PathRuleCache {

    private static final int MAX_ENTRIES = 20_000;

    private record Key(IndexReader.CacheKey segment, String field, ReadingGrant.PathRule rule) {}

    private final Map<Key, FixedBitSet> admitted = new ConcurrentHashMap<>();

    /** Documents per segment reader and filter: a reader is replaced when its ref bit sets or deletions change. */
    private record DocumentsKey(IndexReader.CacheKey reader, List<GrantFilter.Clause> clauses) {}

    private static final int MAX_DOCUMENT_SETS = 2_000;

    /** Marks a segment where the filter admits nothing (a map holds no null). */
    private static final FixedBitSet NONE = new FixedBitSet(1);

    private final Map<DocumentsKey, FixedBitSet> documents = new ConcurrentHashMap<>();

    /** How a filter judges a segment's documents. */
    interface Judgement {
        FixedBitSet admitted(LeafReader reader) throws IOException;
    }

    /** The documents of the segment the filter admits (null: none), judged once per segment reader and filter. */
    FixedBitSet documents(LeafReader reader, List<GrantFilter.Clause> clauses, Judgement judgement) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return judgement.admitted(reader);
        }
        DocumentsKey key = new DocumentsKey(helper.getKey(), clauses);
        FixedBitSet known = documents.get(key);
        if (known == null) {
            FixedBitSet judged = judgement.admitted(reader);
            known = judged == null ? NONE : judged;
            if (documents.size() >= MAX_DOCUMENT_SETS) {
                documents.clear();
            }
            if (documents.putIfAbsent(key, known) == null) {
                helper.addClosedListener(closed -> documents.keySet().removeIf(k -> k.reader() == closed));
            }
        }
        return known == NONE ? null : known;
    }

    FixedBitSet admitted(LeafReader reader, String field, ReadingGrant.PathRule rule) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return compute(reader, field, rule);
        }
        Key key = new Key(helper.getKey(), field, rule);
        FixedBitSet known = admitted.get(key);
        if (known != null) {
            return known;
        }
        FixedBitSet computed = compute(reader, field, rule);
        if (admitted.size() >= MAX_ENTRIES) {
            admitted.clear();
        }
        if (admitted.putIfAbsent(key, computed) == null) {
            helper.addClosedListener(closed -> admitted.keySet().removeIf(k -> k.segment() == closed));
        }
        return computed;
    }

    private static FixedBitSet compute(LeafReader reader, String field, ReadingGrant.PathRule rule) throws IOException {
        TermsEnum values;
        long count;
        if (field.equals(IndexSchema.CHANGED_PATHS)) {
            SortedSetDocValues set = reader.getSortedSetDocValues(field);
            if (set == null) {
                return new FixedBitSet(1);
            }
            values = set.termsEnum();
            count = set.getValueCount();
        } else {
            SortedDocValues sorted = reader.getSortedDocValues(field);
            if (sorted == null) {
                return new FixedBitSet(1);
            }
            values = sorted.termsEnum();
            count = sorted.getValueCount();
        }
        FixedBitSet bits = new FixedBitSet((int) Math.max(1, count));
        String prefix = rule.repository() + "/";
        BytesRef start = new BytesRef(prefix);
        if (values.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return bits;
        }
        do {
            BytesRef value = values.term();
            if (!startsWith(value, start)) {
                break;
            }
            String path = value.utf8ToString().substring(prefix.length());
            if (rule.allows(path)) {
                bits.set((int) values.ord());
            }
        } while (values.next() != null);
        return bits;
    }

    private static boolean startsWith(BytesRef value, BytesRef prefix) {
        if (value.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (value.bytes[value.offset + i] != prefix.bytes[prefix.offset + i]) {
                return false;
            }
        }
        return true;
    }
}
