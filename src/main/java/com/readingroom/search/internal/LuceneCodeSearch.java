package com.readingroom.search.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessDeniedException;
import com.readingroom.access.AccessPolicy;
import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.ReadingGrant;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.Disclosure;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.search.CodeSearch;
import com.readingroom.search.SearchQueryException;
import com.readingroom.search.SearchRequest;
import com.readingroom.search.SearchResults;
import com.readingroom.search.SearchResults.CommitHit;
import com.readingroom.search.SearchResults.FileHit;
import com.readingroom.search.SearchResults.HitLine;
import com.readingroom.source.IndexFeed;
import com.readingroom.source.SourceRef;
import com.readingroom.source.SourceUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.TooManyClauses;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.springframework.stereotype.Service;

/**
 * The {@link CodeSearch} choke point: the grant of this instant inside the query ({@link GrantFilter}), snippets read
 * from the repositories for the files of the page only, one durable SEARCH record naming every file whose snippet is
 * shown, then the results.
 */
@Service
class LuceneCodeSearch implements CodeSearch {

    private static final int MAX_SUGGESTIONS = 10;

    private final AccessPolicy policy;
    private final AuditLog auditLog;
    private final CodeIndex index;
    private final IndexFeed feed;
    private final Catalog catalog;
    private final PathRuleCache cache;
    private final SearchProperties properties;
    private final Clock clock;
    private final SearchWorkers workers;

    private final MeterRegistry meters;

    LuceneCodeSearch(
            AccessPolicy policy,
            AuditLog auditLog,
            CodeIndex index,
            IndexFeed feed,
            Catalog catalog,
            PathRuleCache cache,
            SearchProperties properties,
            Clock clock,
            SearchWorkers workers,
            MeterRegistry meters) {
        this.workers = workers;
        this.meters = meters;
        this.policy = policy;
        this.auditLog = auditLog;
        this.index = index;
        this.feed = feed;
        this.catalog = catalog;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public SearchResults search(Person person, SearchRequest request) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            SearchResults results = run(person, request);
            outcome = "answered";
            return results;
        } catch (AccessDeniedException refused) {
            outcome = "refused";
            throw refused;
        } finally {
            sample.stop(Timer.builder("readingroom.search")
                    .description(
                            "Code searches, from the request to the page of results (decision and record included)")
                    .tag("mode", request.mode().name().toLowerCase(java.util.Locale.ROOT))
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    private SearchResults run(Person person, SearchRequest request) {
        CurrentPerson.requireActingAs(person);
        Instant now = clock.instant();
        ReadingGrant grant = policy.readingGrant(person, now);
        if (grant.readsNothing()) {
            auditLog.append(new AuditRecord(
                    AuditAction.ACCESS_DENIED,
                    grant.agencyId(),
                    null,
                    null,
                    "SEARCH " + printable(request.query()),
                    grant.refusal()));
            throw new AccessDeniedException(new AccessDecision(
                    AccessDecision.Outcome.DENY,
                    grant.refusal(),
                    null,
                    null,
                    null,
                    grant.agencyId(),
                    null,
                    null,
                    null,
                    now));
        }
        Pattern regex = request.mode() == SearchRequest.Mode.REGEX ? compileRegex(request.query()) : null;
        LuceneQueries.Compiled compiled = regex == null
                ? LuceneQueries.compile(QueryParser.parse(request.query()), index.state())
                : new LuceneQueries.Compiled(candidates(request.query()), false, new Highlights().regex(regex));
        Page page;
        try {
            IndexSearcher searcher = index.acquire();
            try (Snippets snippets = new Snippets()) {
                IndexState state = index.state();
                SearchGrant judged = new SearchGrant(grant);
                GrantFilter filter = grantFilter(judged, state);
                Query query = restrict(compiled, filter, request);
                page = regex == null
                        ? textPage(searcher, query, compiled, request, judged, state, filter)
                        : regexPage(searcher, query, compiled, request, judged, state, snippets);
            } finally {
                index.release(searcher);
            }
        } catch (TooComplexToDeterminizeException | TooManyClauses tooBroad) {
            throw new SearchQueryException(
                    "The query matches too many different words; make its wildcards more specific.", 0);
        } catch (IOException e) {
            throw new SourceUnavailableException("Search is not available right now; the vendor has been told.", e);
        }
        record(grant, request, page);
        try {
            return page.results().get();
        } catch (IOException e) {
            throw new SourceUnavailableException("Search is not available right now; the vendor has been told.", e);
        }
    }

    /** The grant of one search, with the path rule of each repository's ref judged once, not once per hit. */
    private static final class SearchGrant {

        private final ReadingGrant grant;
        private final Map<String, Optional<ReadingGrant.PathRule>> rules = new HashMap<>();

        SearchGrant(ReadingGrant grant) {
            this.grant = grant;
        }

        ReadingGrant grant() {
            return grant;
        }

        Optional<ReadingGrant.ReadableRepository> repository(String name) {
            return grant.repository(name);
        }

        Optional<ReadingGrant.PathRule> rule(ReadingGrant.ReadableRepository readable, String ref) {
            return rules.computeIfAbsent(readable.name() + '\u0000' + ref, key -> readable.rule(ref));
        }
    }

    /** What is still being computed (the snippets, read while the record is written), taken when needed. */
    private interface Later<T> {
        T get() throws IOException;
    }

    /**
     * What a page discloses, as its record names it, and its results.
     *
     * @param shown each file shown with its blob, whose lines the snippets are, or each commit shown
     * @param commits whether the search was of commit messages
     */
    private record Page(
            long total,
            boolean exact,
            List<String> shown,
            List<String> suggestions,
            boolean commits,
            Later<SearchResults> results) {

        static Page of(SearchResults results, List<String> shown, boolean commits) {
            return new Page(
                    results.totalFiles(), results.exact(), shown, results.suggestions(), commits, () -> results);
        }
    }

    private Pattern compileRegex(String text) {
        if (text == null || text.isEmpty()) {
            throw new SearchQueryException("Type a regular expression to search for.", 0);
        }
        if (text.length() > QueryParser.MAX_LENGTH) {
            throw new SearchQueryException(
                    "The regular expression is " + text.length() + " characters long; at most " + QueryParser.MAX_LENGTH
                            + " are allowed.",
                    QueryParser.MAX_LENGTH + 1);
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException invalid) {
            int column = Math.max(invalid.getIndex(), 0) + 1;
            throw new SearchQueryException(
                    "The regular expression is not valid at column " + column + ": " + invalid.getDescription() + ".",
                    column);
        }
    }

    private static Query candidates(String regex) {
        Query candidates = RegexPlan.candidates(regex);
        return candidates == null ? MatchAllDocsQuery.INSTANCE : candidates;
    }

    /** The grant as a filter: per readable repository, its indexed refs grouped by the path rule they get. */
    private GrantFilter grantFilter(SearchGrant grant, IndexState state) {
        List<GrantFilter.Clause> clauses = new ArrayList<>();
        for (ReadingGrant.ReadableRepository readable : grant.grant().repositories()) {
            Optional<IndexState.RepositoryState> indexed = state.repository(readable.name());
            if (indexed.isEmpty()) {
                continue;
            }
            Map<ReadingGrant.PathRule, BitSet> byRule = new LinkedHashMap<>();
            for (IndexState.RefState ref : indexed.get().refs()) {
                grant.rule(readable, ref.name())
                        .ifPresent(rule ->
                                byRule.computeIfAbsent(rule, r -> new BitSet()).set(ref.ordinal()));
            }
            byRule.forEach(
                    (rule, refs) -> clauses.add(new GrantFilter.Clause(readable.name(), refs.toByteArray(), rule)));
        }
        return new GrantFilter(clauses, cache);
    }

    private static Query restrict(LuceneQueries.Compiled compiled, GrantFilter filter, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(compiled.query(), BooleanClause.Occur.MUST);
        query.add(
                new TermQuery(new Term(
                        IndexSchema.TYPE, compiled.commits() ? IndexSchema.TYPE_COMMIT : IndexSchema.TYPE_FILE)),
                BooleanClause.Occur.FILTER);
        query.add(filter, BooleanClause.Occur.FILTER);
        if (request.repository() != null) {
            query.add(
                    new TermQuery(new Term(IndexSchema.REPOSITORY, request.repository())), BooleanClause.Occur.FILTER);
        }
        if (request.language() != null) {
            query.add(new TermQuery(new Term(IndexSchema.LANGUAGE, request.language())), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private Page textPage(
            IndexSearcher searcher,
            Query query,
            LuceneQueries.Compiled compiled,
            SearchRequest request,
            SearchGrant grant,
            IndexState state,
            GrantFilter filter)
            throws IOException {
        int wanted = (request.page() + 1) * PAGE_SIZE;
        // Counts and facets visit every match without scores; the page's best-scoring files are then found with
        // the skipping that scores allow (an exact count in the same pass would score every match).
        FacetCounts.Counts facets = searcher.search(query, new FacetCounts());
        long total = facets.total();
        ScoreDoc[] docs = total == 0
                ? new ScoreDoc[0]
                : searcher.search(query, new TopScoreDocCollectorManager(wanted, wanted)).scoreDocs;
        List<PlannedHit> planned = new ArrayList<>();
        List<CommitHit> commits = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        int first = Math.min(docs.length, request.page() * PAGE_SIZE);
        StoredDoc[] page = StoredDoc.readAll(searcher, Arrays.copyOfRange(docs, first, docs.length));
        for (StoredDoc doc : page) {
            if (compiled.commits()) {
                CommitHit hit = commitHit(searcher, doc, compiled.highlights(), grant, state);
                if (hit != null) {
                    commits.add(hit);
                    shown.add(hit.repository() + ":commit " + hit.id());
                }
            } else {
                PlannedHit hit = plan(searcher, doc, compiled.highlights(), grant, state);
                if (hit != null) {
                    planned.add(hit);
                    shown.add(hit.disclosed());
                }
            }
        }
        List<String> suggestions = total == 0 ? suggestions(searcher, request, filter) : List.of();
        Later<List<FileHit>> pending = renderAll(planned, compiled.highlights());
        return new Page(
                total,
                true,
                shown,
                suggestions,
                compiled.commits(),
                () -> new SearchResults(
                        request,
                        total,
                        true,
                        PAGE_SIZE,
                        pending.get(),
                        commits,
                        facets.repositories(),
                        facets.languages(),
                        suggestions));
    }

    private Page regexPage(
            IndexSearcher searcher,
            Query query,
            LuceneQueries.Compiled compiled,
            SearchRequest request,
            SearchGrant grant,
            IndexState state,
            Snippets snippets)
            throws IOException {
        int wanted = (request.page() + 1) * PAGE_SIZE + 1;
        RegexDeadline deadline = new RegexDeadline(properties.regexBudget());
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<FileHit> confirmed = new ArrayList<>();
        List<String> disclosed = new ArrayList<>();
        boolean exhausted = true;
        Map<String, Long> repositories = new HashMap<>();
        Map<String, Long> languages = new HashMap<>();
        outer:
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (confirmed.size() >= wanted || deadline.passed()) {
                    exhausted = false;
                    break outer;
                }
                StoredDoc stored = StoredDoc.read(searcher, leaf.docBase + doc);
                PlannedHit planned = plan(searcher, stored, compiled.highlights(), grant, state);
                FileHit hit = planned == null ? null : render(planned, compiled.highlights(), snippets, deadline);
                if (hit != null && hit.matchingLines() > 0) {
                    confirmed.add(hit);
                    disclosed.add(planned.disclosed());
                    repositories.merge(hit.repository(), 1L, Long::sum);
                    languages.merge(hit.language(), 1L, Long::sum);
                }
            }
        }
        int from = Math.min(confirmed.size(), request.page() * PAGE_SIZE);
        int to = Math.min(confirmed.size(), from + PAGE_SIZE);
        List<FileHit> files = confirmed.subList(from, to);
        SearchResults results = new SearchResults(
                request,
                exhausted ? confirmed.size() : Math.min(confirmed.size(), to),
                exhausted,
                PAGE_SIZE,
                files,
                List.of(),
                FacetCounts.sorted(repositories),
                FacetCounts.sorted(languages),
                List.of());
        return Page.of(results, disclosed.subList(from, to), false);
    }

    /** What one document of the index says about itself, read from its doc values. */
    private record StoredDoc(
            int doc,
            String repository,
            String path,
            String language,
            String blob,
            BytesRef refs,
            LeafReader leaf,
            int pathOrd) {

        /** The documents' own values, in the order given, reading each segment's doc values once, forwards. */
        static StoredDoc[] readAll(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
            Integer[] order = new Integer[hits.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            StoredDoc[] read = new StoredDoc[hits.length];
            LeafReaderContext leaf = null;
            Values values = null;
            for (int i : order) {
                int doc = hits[i].doc;
                if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                    values = new Values(leaf.reader());
                }
                read[i] = values.read(doc, leaf.docBase);
            }
            return read;
        }

        /** One segment's doc values, read forwards. */
        private static final class Values {
            private final LeafReader reader;
            private final SortedDocValues repositories;
            private final SortedDocValues paths;
            private final SortedDocValues languages;
            private final BinaryDocValues blobs;
            private final BinaryDocValues refs;

            Values(LeafReader reader) throws IOException {
                this.reader = reader;
                repositories = reader.getSortedDocValues(IndexSchema.REPOSITORY);
                paths = reader.getSortedDocValues(IndexSchema.PRODUCT_PATH);
                languages = reader.getSortedDocValues(IndexSchema.LANGUAGE);
                blobs = reader.getBinaryDocValues(IndexSchema.BLOB);
                refs = reader.getBinaryDocValues(IndexSchema.REFS);
            }

            StoredDoc read(int doc, int docBase) throws IOException {
                int local = doc - docBase;
                String repository = sorted(repositories, local);
                int pathOrd = paths != null && paths.advanceExact(local) ? paths.ordValue() : -1;
                String productPath =
                        pathOrd < 0 ? null : paths.lookupOrd(pathOrd).utf8ToString();
                String path = productPath == null ? null : productPath.substring(repository.length() + 1);
                BytesRef bits = refs != null && refs.advanceExact(local)
                        ? BytesRef.deepCopyOf(refs.binaryValue())
                        : new BytesRef();
                return new StoredDoc(
                        doc, repository, path, sorted(languages, local), binary(blobs, local), bits, reader, pathOrd);
            }
        }

        static StoredDoc read(IndexSearcher searcher, int doc) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            return new Values(leaf.reader()).read(doc, leaf.docBase);
        }

        private static String sorted(SortedDocValues values, int doc) throws IOException {
            return values != null && values.advanceExact(doc)
                    ? values.lookupOrd(values.ordValue()).utf8ToString()
                    : null;
        }

        private static String binary(BinaryDocValues values, int doc) throws IOException {
            return values != null && values.advanceExact(doc)
                    ? values.binaryValue().utf8ToString()
                    : null;
        }

        boolean hasRef(int ordinal) {
            int index = ordinal / 8;
            return index < refs.length && (refs.bytes[refs.offset + index] & (1 << (ordinal % 8))) != 0;
        }
    }

    /** The granted refs holding the document, the default branch first; empty if none admits it (never shown). */
    private static List<String> grantedRefs(
            StoredDoc doc, SearchGrant grant, IndexState state, Predicate<ReadingGrant.PathRule> admits) {
        Optional<IndexState.RepositoryState> repository = state.repository(doc.repository());
        Optional<ReadingGrant.ReadableRepository> readable = grant.repository(doc.repository());
        if (repository.isEmpty() || readable.isEmpty()) {
            return List.of();
        }
        List<String> refs = new ArrayList<>();
        for (IndexState.RefState ref : repository.get().refs()) {
            if (doc.hasRef(ref.ordinal())) {
                Optional<ReadingGrant.PathRule> rule = grant.rule(readable.get(), ref.name());
                if (rule.isPresent() && admits.test(rule.get())) {
                    refs.add(ref.name());
                }
            }
        }
        return refs;
    }

    private boolean admits(StoredDoc doc, ReadingGrant.PathRule rule) {
        if (doc.pathOrd() < 0) {
            return false;
        }
        try {
            FixedBitSet admitted = cache.admitted(doc.leaf(), IndexSchema.PRODUCT_PATH, rule);
            return doc.pathOrd() < admitted.length() && admitted.get(doc.pathOrd());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A hit of the page, judged and named on the search's thread; its snippet is read by a search worker. */
    private record PlannedHit(
            StoredDoc doc,
            HostedRepository repository,
            String product,
            List<String> refs,
            Map<Integer, String> definitionLines) {

        /** How the record names it: the blob says exactly which lines the snippet shows. */
        String disclosed() {
            return doc.repository() + ":" + doc.path() + "@" + SourceRef.shortName(refs.getFirst()) + " blob "
                    + doc.blob();
        }
    }

    private PlannedHit plan(
            IndexSearcher searcher, StoredDoc doc, Highlights highlights, SearchGrant grant, IndexState state)
            throws IOException {
        // The same answer the filter gave, read from the bit set it judged this segment's paths into.
        List<String> refs = grantedRefs(doc, grant, state, rule -> admits(doc, rule));
        if (refs.isEmpty()) {
            // The filter admitted it, so a ref moved between the searcher and the state: show nothing of it.
            return null;
        }
        Map<Integer, String> definitionLines =
                highlights.hasDefinitions() ? definitionLines(searcher, doc, highlights) : Map.of();
        String product = grant.repository(doc.repository())
                .map(ReadingGrant.ReadableRepository::product)
                .orElse("");
        return new PlannedHit(doc, hosted(doc.repository()), product, refs, definitionLines);
    }

    private FileHit render(PlannedHit planned, Highlights highlights, Snippets snippets, RegexDeadline deadline) {
        StoredDoc doc = planned.doc();
        String text = snippets.text(planned.repository(), doc.blob());
        List<HitLine> lines = new ArrayList<>();
        int matching = 0;
        boolean more = false;
        if (text != null) {
            Snippet snippet = Snippet.of(text, highlights, planned.definitionLines(), deadline);
            lines = snippet.lines();
            matching = snippet.matching();
            more = snippet.more();
        }
        return new FileHit(
                doc.repository(),
                planned.product(),
                doc.path(),
                planned.refs().getFirst(),
                planned.refs().stream().map(SourceRef::shortName).toList(),
                doc.language(),
                lines,
                matching,
                more);
    }

    /**
     * Reads the snippets of the planned hits on the search workers, each with its own blob readers, in the order of
     * the hits.
     */
    private Later<List<FileHit>> renderAll(List<PlannedHit> planned, Highlights highlights) {
        FileHit[] hits = new FileHit[planned.size()];
        int groups = Math.min(workers.threads(), planned.size());
        List<Future<?>> running = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            int first = group;
            FutureTask<Void> task = new FutureTask<>(() -> {
                try (Snippets snippets = new Snippets()) {
                    for (int i = first; i < hits.length; i += groups) {
                        hits[i] = render(planned.get(i), highlights, snippets, null);
                    }
                }
                return null;
            });
            try {
                workers.executor().execute(task);
            } catch (RejectedExecutionException stopping) {
                // The workers are shut down with the application: a search still running reads its snippets itself.
                task.run();
            }
            running.add(task);
        }
        return () -> {
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("The search was interrupted", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            return List.of(hits);
        };
    }

    private static Map<Integer, String> definitionLines(IndexSearcher searcher, StoredDoc doc, Highlights highlights)
            throws IOException {
        Document stored = searcher.storedFields().document(doc.doc(), Set.of(IndexSchema.DEFINITIONS_STORED));
        String defs = stored.get(IndexSchema.DEFINITIONS_STORED);
        Map<Integer, String> lines = new HashMap<>();
        if (defs == null) {
            return lines;
        }
        for (String line : defs.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3 && highlights.matchesDefinition(parts[2])) {
                lines.putIfAbsent(Integer.parseInt(parts[0]), parts[2]);
            }
        }
        return lines;
    }

    private CommitHit commitHit(
            IndexSearcher searcher, StoredDoc doc, Highlights highlights, SearchGrant grant, IndexState state)
            throws IOException {
        Document stored = searcher.storedFields().document(doc.doc());
        // A commit is shown through a ref that reaches it and admits one of the paths it changed; the filter checked
        // that already, and the commit view decides again when it is opened.
        List<String> refs = grantedRefs(doc, grant, state, rule -> true);
        if (refs.isEmpty()) {
            return null;
        }
        String message = stored.get(IndexSchema.MESSAGE_STORED);
        Snippet snippet = Snippet.of(message == null ? "" : message, highlights, Map.of(), null);
        List<HitLine> lines = snippet.lines().isEmpty()
                ? List.of(new HitLine(1, firstLine(message), false, List.of()))
                : snippet.lines();
        return new CommitHit(
                doc.repository(),
                stored.get(IndexSchema.COMMIT_ID),
                refs.getFirst(),
                stored.get(IndexSchema.AUTHOR),
                Instant.ofEpochMilli(
                        stored.getField(IndexSchema.COMMITTED).numericValue().longValue()),
                lines);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Definitions starting with the one word searched, that the person may read; never any other name. */
    private List<String> suggestions(IndexSearcher searcher, SearchRequest request, GrantFilter filter)
            throws IOException {
        String word = request.query().trim().toLowerCase(Locale.ROOT);
        if (request.mode() != SearchRequest.Mode.TEXT
                || word.length() < 3
                || !word.chars().allMatch(c -> CodeScanner.isWordChar((char) c))) {
            return List.of();
        }
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexSchema.DEFINITION);
        if (terms == null) {
            return List.of();
        }
        TermsEnum names = terms.iterator();
        List<String> suggestions = new ArrayList<>();
        BytesRef prefix = new BytesRef(word);
        if (names.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        int looked = 0;
        do {
            BytesRef term = names.term();
            String name = term.utf8ToString();
            if (!name.startsWith(word) || looked++ > 500) {
                break;
            }
            BooleanQuery.Builder readable = new BooleanQuery.Builder();
            readable.add(
                    new TermQuery(new Term(IndexSchema.DEFINITION, BytesRef.deepCopyOf(term))),
                    BooleanClause.Occur.MUST);
            readable.add(filter, BooleanClause.Occur.FILTER);
            if (searcher.count(readable.build()) > 0) {
                suggestions.add(name);
            }
        } while (suggestions.size() < MAX_SUGGESTIONS && names.next() != null);
        return suggestions;
    }

    private void record(ReadingGrant grant, SearchRequest request, Page page) {
        String count = (page.exact() ? "" : "at least ") + page.total() + (page.commits() ? " commits" : " files");
        String detail = (request.mode() == SearchRequest.Mode.REGEX ? "regex " : "query ")
                + printable(request.query())
                + (request.repository() == null ? "" : " in repository " + request.repository())
                + (request.language() == null ? "" : " in language " + request.language())
                + ", page " + (request.page() + 1) + ": " + count + " matched, "
                + page.shown().size() + " shown"
                + (page.suggestions().isEmpty() ? "" : ", suggested " + String.join(", ", page.suggestions()));
        auditLog.append(new AuditRecord(
                AuditAction.SEARCH,
                grant.agencyId(),
                agreementOf(grant),
                null,
                "search",
                detail,
                new Disclosure(null, null, null, null, null, null, null, page.shown())));
    }

    /** The agreement under which the results were shown, when exactly one grants everything shown. */
    private static String agreementOf(ReadingGrant grant) {
        Set<String> agreements = new TreeSet<>();
        for (ReadingGrant.ReadableRepository repository : grant.repositories()) {
            repository.scopes().forEach(scope -> agreements.add(scope.agreementReference()));
        }
        return agreements.size() == 1 ? agreements.iterator().next() : null;
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(500).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString() + (text.length() > 500 ? "…" : "");
    }

    /** Where a repository is stored: registered once, never moved, so looked up once. */
    private final Map<String, HostedRepository> hosted = new ConcurrentHashMap<>();

    private HostedRepository hosted(String name) {
        return hosted.computeIfAbsent(
                name,
                n -> catalog.findRepository(n)
                        .orElseThrow(() -> new SourceUnavailableException(
                                "Repository '" + n + "' is no longer registered.", null)));
    }

    /** Blob readers per repository for one search, closed with it. */
    private final class Snippets implements AutoCloseable {

        private final Map<String, IndexFeed.Blobs> open = new HashMap<>();

        String text(HostedRepository repository, String blob) {
            if (blob == null) {
                return null;
            }
            IndexFeed.Blobs blobs = open.computeIfAbsent(repository.name(), name -> feed.blobs(repository));
            int max = (int)
                    Math.min(Integer.MAX_VALUE - 16, properties.maxFileSize().toBytes());
            return blobs.read(blob, max).map(IndexFeed.Blob::text).orElse(null);
        }

        @Override
        public void close() {
            open.values().forEach(IndexFeed.Blobs::close);
        }
    }
}
