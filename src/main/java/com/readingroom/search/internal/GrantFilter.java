package com.readingroom.search.internal;

import com.readingroom.access.ReadingGrant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A filter clause inside the index query: a document matches when it belongs to one of the clauses' repositories,
 * one of the clause's refs holds it, and the clause's path rule admits its path (for a commit, one of the paths it
 * changed). The person's grant becomes such a filter, so every count, facet and snippet is computed on admitted
 * documents only; a {@code ref:} restriction is one too, without a path rule.
 */
final class GrantFilter extends Query {

    /**
     * @param refBits the ref ordinals (bit set bytes, as in {@link IndexSchema#REFS}) this clause admits
     * @param rule the paths admitted, or {@code null} for every path
     */
    record Clause(String repository, byte[] refBits, ReadingGrant.PathRule rule) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Clause that
                    && repository.equals(that.repository)
                    && Arrays.equals(refBits, that.refBits)
                    && Objects.equals(rule, that.rule);
        }

        @Override
        public int hashCode() {
            return Objects.hash(repository, Arrays.hashCode(refBits), rule);
        }

        @Override
        public String toString() {
            return repository + Arrays.toString(refBits);
        }
    }

    private final List<Clause> clauses;
    private final PathRuleCache cache;

    GrantFilter(List<Clause> clauses, PathRuleCache cache) {
        this.clauses = List.copyOf(clauses);
        this.cache = cache;
    }

    boolean admitsNothing() {
        return clauses.isEmpty();
    }

    private record LeafClause(int repositoryOrd, byte[] refBits, FixedBitSet files, FixedBitSet commits) {}

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                FixedBitSet admitted = cache.documents(context.reader(), clauses, GrantFilter.this::admittedDocuments);
                if (admitted == null) {
                    return null;
                }
                DocIdSetIterator documents = new BitSetIterator(admitted, admitted.cardinality());
                return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, documents));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                // The ref bit sets are updated in place; a cached answer would outlive them.
                return false;
            }
        };
    }

    /**
     * The documents of a segment the clauses admit (null: none), judged once per segment reader: a reader is
     * replaced whenever the ref bit sets or deletions change, so the answer never outlives what it was judged on.
     */
    private FixedBitSet admittedDocuments(LeafReader reader) throws IOException {
        SortedDocValues repositories = reader.getSortedDocValues(IndexSchema.REPOSITORY);
        if (repositories == null) {
            return null;
        }
        List<LeafClause> leafClauses = new ArrayList<>();
        for (Clause clause : clauses) {
            int ord = repositories.lookupTerm(new BytesRef(clause.repository()));
            if (ord < 0) {
                continue;
            }
            FixedBitSet files =
                    clause.rule() == null ? null : cache.admitted(reader, IndexSchema.PRODUCT_PATH, clause.rule());
            FixedBitSet commits =
                    clause.rule() == null ? null : cache.admitted(reader, IndexSchema.CHANGED_PATHS, clause.rule());
            leafClauses.add(new LeafClause(ord, clause.refBits(), files, commits));
        }
        if (leafClauses.isEmpty()) {
            return null;
        }
        BinaryDocValues refs = DocValues.getBinary(reader, IndexSchema.REFS);
        SortedDocValues paths = DocValues.getSorted(reader, IndexSchema.PRODUCT_PATH);
        SortedSetDocValues changed = DocValues.getSortedSet(reader, IndexSchema.CHANGED_PATHS);
        FixedBitSet admitted = new FixedBitSet(Math.max(1, reader.maxDoc()));
        for (int doc = repositories.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = repositories.nextDoc()) {
            if (refs.advanceExact(doc)
                    && admits(leafClauses, repositories.ordValue(), refs.binaryValue(), paths, changed, doc)) {
                admitted.set(doc);
            }
        }
        return admitted;
    }

    private static boolean admits(
            List<LeafClause> leafClauses,
            int repository,
            BytesRef bits,
            SortedDocValues paths,
            SortedSetDocValues changed,
            int doc)
            throws IOException {
        int pathOrd = paths.advanceExact(doc) ? paths.ordValue() : -1;
        long[] changedOrds = null;
        for (LeafClause clause : leafClauses) {
            if (clause.repositoryOrd() != repository || !intersects(bits, clause.refBits())) {
                continue;
            }
            if (clause.files() == null) {
                return true;
            }
            if (pathOrd >= 0) {
                if (pathOrd < clause.files().length() && clause.files().get(pathOrd)) {
                    return true;
                }
            } else {
                if (changedOrds == null) {
                    changedOrds = changedOrds(changed, doc);
                }
                for (long ord : changedOrds) {
                    if (ord < clause.commits().length() && clause.commits().get((int) ord)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long[] changedOrds(SortedSetDocValues changed, int doc) throws IOException {
        if (!changed.advanceExact(doc)) {
            return new long[0];
        }
        long[] ords = new long[changed.docValueCount()];
        for (int i = 0; i < ords.length; i++) {
            ords[i] = changed.nextOrd();
        }
        return ords;
    }

    static boolean intersects(BytesRef bits, byte[] wanted) {
        int length = Math.min(bits.length, wanted.length);
        for (int i = 0; i < length; i++) {
            if ((bits.bytes[bits.offset + i] & wanted[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString(String field) {
        return "GrantFilter" + clauses;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && clauses.equals(((GrantFilter) other).clauses);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + clauses.hashCode();
    }
}
