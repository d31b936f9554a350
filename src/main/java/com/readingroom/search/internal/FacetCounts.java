package com.readingroom.search.internal;

import com.readingroom.search.SearchResults.Facet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching documents per repository and per language, over every match of the (grant-filtered) query: the
 * facets can only ever count what the person may read.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Counts> {

    /** @param total every match counted */
    record Counts(long total, List<Facet> repositories, List<Facet> languages) {}

    static final class Counter extends SimpleCollector {
        private final Map<String, Long> repositories = new HashMap<>();
        private final Map<String, Long> languages = new HashMap<>();
        private SortedDocValues repositoryValues;
        private SortedDocValues languageValues;
        private int[] repositoryCounts = new int[0];
        private int[] languageCounts = new int[0];
        private long total;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            repositoryValues = context.reader().getSortedDocValues(IndexSchema.REPOSITORY);
            languageValues = context.reader().getSortedDocValues(IndexSchema.LANGUAGE);
            repositoryCounts = new int[repositoryValues == null ? 0 : repositoryValues.getValueCount()];
            languageCounts = new int[languageValues == null ? 0 : languageValues.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            total++;
            if (repositoryValues != null && repositoryValues.advanceExact(doc)) {
                repositoryCounts[repositoryValues.ordValue()]++;
            }
            if (languageValues != null && languageValues.advanceExact(doc)) {
                languageCounts[languageValues.ordValue()]++;
            }
        }

        private void flush() throws IOException {
            add(repositoryValues, repositoryCounts, repositories);
            add(languageValues, languageCounts, languages);
        }

        private static void add(SortedDocValues values, int[] counts, Map<String, Long> into) throws IOException {
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    into.merge(values.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Counts reduce(Collection<Counter> collectors) throws IOException {
        Map<String, Long> repositories = new HashMap<>();
        Map<String, Long> languages = new HashMap<>();
        long total = 0;
        for (Counter counter : collectors) {
            total += counter.total;
            counter.flush();
            counter.repositoryCounts = new int[0];
            counter.languageCounts = new int[0];
            counter.repositories.forEach((k, v) -> repositories.merge(k, v, Long::sum));
            counter.languages.forEach((k, v) -> languages.merge(k, v, Long::sum));
        }
        return new Counts(total, sorted(repositories), sorted(languages));
    }

    static List<Facet> sorted(Map<String, Long> counts) {
        List<Facet> facets = new ArrayList<>();
        counts.forEach((value, count) -> facets.add(new Facet(value, count)));
        facets.sort(Comparator.comparingLong(Facet::count).reversed().thenComparing(Facet::value));
        return facets;
    }
}
