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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
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

    LuceneCodeSearch(
            AccessPolicy policy,
            AuditLog auditLog,
            CodeIndex index,
            IndexFeed feed,
            Catalog catalog,
            PathRuleCache cache,
            SearchProperties properties,
            Clock clock) {
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
        if (person == null || !person.username().equals(CurrentPerson.actorName())) {
            throw new IllegalStateException("Search runs only for the person signed in to the request.");
        }
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
                GrantFilter filter = grantFilter(grant, state);
                Query query = restrict(compiled, filter, request);
                page = regex == null
                        ? textPage(searcher, query, compiled, request, grant, state, snippets, filter)
                        : regexPage(searcher, query, compiled, request, grant, state, snippets);
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
        return page.results();
    }

    /**
     * @param commits whether the search was of commit messages
     */
    private record Page(SearchResults results, String shown, int lines, boolean commits) {}

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
    private GrantFilter grantFilter(ReadingGrant grant, IndexState state) {
        List<GrantFilter.Clause> clauses = new ArrayList<>();
        for (ReadingGrant.ReadableRepository readable : grant.repositories()) {
            Optional<IndexState.RepositoryState> indexed = state.repository(readable.name());
            if (indexed.isEmpty()) {
                continue;
            }
            Map<ReadingGrant.PathRule, BitSet> byRule = new LinkedHashMap<>();
            for (IndexState.RefState ref : indexed.get().refs()) {
                readable.rule(ref.name())
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
            ReadingGrant grant,
            IndexState state,
            Snippets snippets,
            GrantFilter filter)
            throws IOException {
        int wanted = (request.page() + 1) * PAGE_SIZE;
        Object[] collected = searcher.search(
                query,
                new MultiCollectorManager(
                        new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE), new FacetCounts()));
        TopDocs top = (TopDocs) collected[0];
        FacetCounts.Counts facets = (FacetCounts.Counts) collected[1];
        long total = top.totalHits.value();
        List<FileHit> files = new ArrayList<>();
        List<CommitHit> commits = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        int lines = 0;
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = request.page() * PAGE_SIZE; i < docs.length; i++) {
            StoredDoc doc = StoredDoc.read(searcher, docs[i].doc);
            if (compiled.commits()) {
                CommitHit hit = commitHit(searcher, doc, compiled.highlights(), grant, state);
                if (hit != null) {
                    commits.add(hit);
                    lines += hit.lines().size();
                    hit.lines().forEach(line -> shown.append(line.text()).append('\n'));
                }
            } else {
                FileHit hit = fileHit(searcher, doc, compiled.highlights(), grant, state, snippets, null);
                if (hit != null) {
                    files.add(hit);
                    lines += hit.lines().size();
                    append(shown, hit);
                }
            }
        }
        List<String> suggestions = total == 0 ? suggestions(searcher, request, filter) : List.of();
        SearchResults results = new SearchResults(
                request,
                total,
                true,
                PAGE_SIZE,
                files,
                commits,
                facets.repositories(),
                facets.languages(),
                suggestions);
        return new Page(results, shown.toString(), lines, compiled.commits());
    }

    private Page regexPage(
            IndexSearcher searcher,
            Query query,
            LuceneQueries.Compiled compiled,
            SearchRequest request,
            ReadingGrant grant,
            IndexState state,
            Snippets snippets)
            throws IOException {
        int wanted = (request.page() + 1) * PAGE_SIZE + 1;
        RegexDeadline deadline = new RegexDeadline(properties.regexBudget());
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<FileHit> confirmed = new ArrayList<>();
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
                FileHit hit = fileHit(searcher, stored, compiled.highlights(), grant, state, snippets, deadline);
                if (hit != null && hit.matchingLines() > 0) {
                    confirmed.add(hit);
                    repositories.merge(hit.repository(), 1L, Long::sum);
                    languages.merge(hit.language(), 1L, Long::sum);
                }
            }
        }
        int from = Math.min(confirmed.size(), request.page() * PAGE_SIZE);
        int to = Math.min(confirmed.size(), from + PAGE_SIZE);
        List<FileHit> files = confirmed.subList(from, to);
        StringBuilder shown = new StringBuilder();
        int lines = 0;
        for (FileHit hit : files) {
            append(shown, hit);
            lines += hit.lines().size();
        }
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
        return new Page(results, shown.toString(), lines, false);
    }

    private static void append(StringBuilder shown, FileHit hit) {
        shown.append(hit.repository()).append(':').append(hit.path()).append('\n');
        hit.lines()
                .forEach(line -> shown.append(line.number())
                        .append(' ')
                        .append(line.text())
                        .append('\n'));
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

        static StoredDoc read(IndexSearcher searcher, int doc) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            LeafReader reader = leaf.reader();
            int local = doc - leaf.docBase;
            String repository = sorted(reader.getSortedDocValues(IndexSchema.REPOSITORY), local);
            SortedDocValues paths = reader.getSortedDocValues(IndexSchema.PRODUCT_PATH);
            int pathOrd = paths != null && paths.advanceExact(local) ? paths.ordValue() : -1;
            String productPath = pathOrd < 0 ? null : paths.lookupOrd(pathOrd).utf8ToString();
            String path = productPath == null ? null : productPath.substring(repository.length() + 1);
            String language = sorted(reader.getSortedDocValues(IndexSchema.LANGUAGE), local);
            String blob = binary(reader.getBinaryDocValues(IndexSchema.BLOB), local);
            BinaryDocValues refValues = reader.getBinaryDocValues(IndexSchema.REFS);
            BytesRef refs = refValues != null && refValues.advanceExact(local)
                    ? BytesRef.deepCopyOf(refValues.binaryValue())
                    : new BytesRef();
            return new StoredDoc(doc, repository, path, language, blob, refs, reader, pathOrd);
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
            StoredDoc doc,
            ReadingGrant grant,
            IndexState state,
            java.util.function.Predicate<ReadingGrant.PathRule> admits) {
        Optional<IndexState.RepositoryState> repository = state.repository(doc.repository());
        Optional<ReadingGrant.ReadableRepository> readable = grant.repository(doc.repository());
        if (repository.isEmpty() || readable.isEmpty()) {
            return List.of();
        }
        List<String> refs = new ArrayList<>();
        for (IndexState.RefState ref : repository.get().refs()) {
            if (doc.hasRef(ref.ordinal())) {
                Optional<ReadingGrant.PathRule> rule = readable.get().rule(ref.name());
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

    private FileHit fileHit(
            IndexSearcher searcher,
            StoredDoc doc,
            Highlights highlights,
            ReadingGrant grant,
            IndexState state,
            Snippets snippets,
            RegexDeadline deadline)
            throws IOException {
        // The same answer the filter gave, read from the bit set it judged this segment's paths into.
        List<String> refs = grantedRefs(doc, grant, state, rule -> admits(doc, rule));
        if (refs.isEmpty()) {
            // The filter admitted it, so a ref moved between the searcher and the state: show nothing of it.
            return null;
        }
        Map<Integer, String> definitionLines =
                highlights.hasDefinitions() ? definitionLines(searcher, doc, highlights) : Map.of();
        String text = snippets.text(doc.repository(), doc.blob());
        List<HitLine> lines = new ArrayList<>();
        int matching = 0;
        boolean more = false;
        if (text != null) {
            Snippet snippet = Snippet.of(text, highlights, definitionLines, deadline);
            lines = snippet.lines();
            matching = snippet.matching();
            more = snippet.more();
        }
        String product = grant.repository(doc.repository())
                .map(ReadingGrant.ReadableRepository::product)
                .orElse("");
        return new FileHit(
                doc.repository(),
                product,
                doc.path(),
                refs.getFirst(),
                refs.stream().map(SourceRef::shortName).toList(),
                doc.language(),
                lines,
                matching,
                more);
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
            IndexSearcher searcher, StoredDoc doc, Highlights highlights, ReadingGrant grant, IndexState state)
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
        SearchResults results = page.results();
        List<String> hits = new ArrayList<>();
        results.files()
                .forEach(hit -> hits.add(hit.repository() + ":" + hit.path() + "@" + SourceRef.shortName(hit.ref())));
        results.commits().forEach(hit -> hits.add(hit.repository() + ":commit " + hit.id()));
        String count =
                (results.exact() ? "" : "at least ") + results.totalFiles() + (page.commits() ? " commits" : " files");
        String detail = (request.mode() == SearchRequest.Mode.REGEX ? "regex " : "query ")
                + printable(request.query())
                + (request.repository() == null ? "" : " in repository " + request.repository())
                + (request.language() == null ? "" : " in language " + request.language())
                + ", page " + (request.page() + 1) + ": " + count + " matched, " + hits.size() + " shown"
                + (results.suggestions().isEmpty() ? "" : ", suggested " + String.join(", ", results.suggestions()));
        String agreement = agreementOf(grant, results);
        auditLog.append(new AuditRecord(
                AuditAction.SEARCH,
                grant.agencyId(),
                agreement,
                null,
                "search",
                detail,
                new Disclosure(null, null, null, null, null, sha256(page.shown()), page.lines(), hits)));
    }

    /** The agreement under which the results were shown, when exactly one grants everything shown. */
    private static String agreementOf(ReadingGrant grant, SearchResults results) {
        Set<String> agreements = new java.util.TreeSet<>();
        for (ReadingGrant.ReadableRepository repository : grant.repositories()) {
            repository.scopes().forEach(scope -> agreements.add(scope.agreementReference()));
        }
        return agreements.size() == 1 ? agreements.iterator().next() : null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
    private final Map<String, HostedRepository> hosted = new java.util.concurrent.ConcurrentHashMap<>();

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

        String text(String repository, String blob) {
            if (blob == null) {
                return null;
            }
            IndexFeed.Blobs blobs = open.computeIfAbsent(repository, name -> feed.blobs(hosted(name)));
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
