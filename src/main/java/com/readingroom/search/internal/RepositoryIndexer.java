package com.readingroom.search.internal;

import com.readingroom.access.HostedRepository;
import com.readingroom.search.IndexStatus;
import com.readingroom.source.IndexFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * Brings one repository's part of the index up to date with its refs. Works out, from what each ref gained and lost
 * since it was last indexed, which documents (file at a blob, or commit) each ref now holds; then adds only what is
 * new, updates the ref bit sets of what stayed (doc-values updates, no re-analysis) and deletes what no ref holds.
 * A new release tag that shares most blobs with the last one therefore costs a tree walk, not a re-index.
 */
@Component
class RepositoryIndexer {

    private final CodeIndex index;
    private final IndexFeed feed;
    private final SearchProperties properties;
    private final IndexProgress progress;
    private final Clock clock;
    private final boolean ctagsAvailable;

    RepositoryIndexer(
            CodeIndex index, IndexFeed feed, SearchProperties properties, IndexProgress progress, Clock clock) {
        this.index = index;
        this.feed = feed;
        this.properties = properties;
        this.progress = progress;
        this.clock = clock;
        this.ctagsAvailable = Ctags.available(properties.ctags());
        if (!ctagsAvailable) {
            progress.note(
                    "Definitions are not indexed: universal-ctags ('" + properties.ctags() + "') is not installed.");
        }
    }

    /** A document's refs, and for a new one, what to index. */
    private static final class Member {
        final BitSet before;
        final BitSet refs;
        IndexFeed.FileChange file;
        String blob;
        String commit;

        Member(BitSet before) {
            this.before = before;
            this.refs = before == null ? new BitSet() : (BitSet) before.clone();
        }

        boolean isNew() {
            return before == null;
        }
    }

    /**
     * @return whether anything changed
     * @throws IOException the update is then rolled back to the last commit
     */
    boolean update(HostedRepository repository, BooleanSupplier cancelled) throws IOException {
        String name = repository.name();
        long started = clock.millis();
        IndexState.RepositoryState before = index.state()
                .repository(name)
                .orElse(new IndexState.RepositoryState(name, repository.productName(), List.of(), 0, null, 0, 0));
        List<IndexFeed.IndexedRef> wanted = feed.indexableRefs(repository);
        Plan plan = plan(before, wanted);
        if (plan.unchanged()) {
            progress.upToDate(name, before);
            return false;
        }
        progress.started(name);
        try {
            return indexChanges(repository, before, plan, started, cancelled);
        } catch (IOException | RuntimeException e) {
            // Whatever failed before anything was written leaves nothing to roll back, but must not look busy.
            progress.failed(name, before, e);
            throw e;
        }
    }

    private boolean indexChanges(
            HostedRepository repository,
            IndexState.RepositoryState before,
            Plan plan,
            long started,
            BooleanSupplier cancelled)
            throws IOException {
        String name = repository.name();
        Map<String, Member> members = readMembership(name);
        List<IndexFeed.FileChange> pendingFiles = new ArrayList<>();
        Map<String, Member> pendingCommits = new LinkedHashMap<>();
        for (IndexState.RefState removed : plan.removed()) {
            members.values().forEach(member -> member.refs.clear(removed.ordinal()));
        }
        for (Plan.Change change : plan.changes()) {
            int ordinal = change.ordinal();
            feed.changedFiles(repository, change.from(), change.to(), file -> {
                if (file.oldBlob() != null) {
                    Member member = members.get(IndexSchema.fileKey(name, file.oldBlob(), file.path()));
                    if (member != null) {
                        member.refs.clear(ordinal);
                    }
                }
                if (file.newBlob() != null) {
                    Member member = members.computeIfAbsent(
                            IndexSchema.fileKey(name, file.newBlob(), file.path()), key -> new Member(null));
                    if (member.isNew() && member.file == null) {
                        member.file = file;
                        member.blob = file.newBlob();
                        pendingFiles.add(file);
                    }
                    member.refs.set(ordinal);
                }
            });
            List<String> known = change.from() == null ? List.of() : List.of(change.from());
            for (String id : feed.commitIds(repository, change.to(), known)) {
                Member member = members.computeIfAbsent(IndexSchema.commitKey(name, id), key -> new Member(null));
                if (member.isNew() && member.commit == null) {
                    member.commit = id;
                    pendingCommits.put(id, member);
                }
                member.refs.set(ordinal);
            }
            if (change.from() != null) {
                // Commits the ref no longer reaches (a force push) leave it.
                for (String id : feed.commitIds(repository, change.from(), List.of(change.to()))) {
                    Member member = members.get(IndexSchema.commitKey(name, id));
                    if (member != null) {
                        member.refs.clear(ordinal);
                    }
                }
            }
            if (cancelled.getAsBoolean()) {
                progress.cancelled(name, before);
                return false;
            }
        }
        IndexWriter writer = index.writer();
        try {
            long files = 0;
            long commits = 0;
            for (Map.Entry<String, Member> entry : members.entrySet()) {
                Member member = entry.getValue();
                boolean isCommit = entry.getKey().contains("\u0000c");
                if (!member.refs.isEmpty() && isCommit) {
                    commits++;
                } else if (!member.refs.isEmpty()) {
                    files++;
                }
                if (member.isNew()) {
                    continue;
                }
                Term key = new Term(IndexSchema.KEY, entry.getKey());
                if (member.refs.isEmpty()) {
                    writer.deleteDocuments(key);
                } else if (!member.refs.equals(member.before)) {
                    writer.updateBinaryDocValue(key, IndexSchema.REFS, FileDocuments.bits(member.refs));
                }
            }
            pendingFiles.removeIf(file -> members.get(IndexSchema.fileKey(name, file.newBlob(), file.path()))
                    .refs
                    .isEmpty());
            progress.total(name, pendingFiles.size());
            indexFiles(repository, pendingFiles, members, cancelled);
            FileDocuments documents = new FileDocuments();
            List<String> commitIds = pendingCommits.entrySet().stream()
                    .filter(entry -> !entry.getValue().refs.isEmpty())
                    .map(Map.Entry::getKey)
                    .toList();
            feed.describeCommits(repository, commitIds, commit -> {
                try {
                    writer.addDocument(documents.commit(
                            name, repository.productName(), commit, pendingCommits.get(commit.id()).refs));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (cancelled.getAsBoolean()) {
                index.rollbackToLastCommit();
                progress.cancelled(name, before);
                return false;
            }
            IndexState.RepositoryState after = new IndexState.RepositoryState(
                    name, repository.productName(), plan.refs(), plan.nextOrdinal(), clock.instant(), files, commits);
            index.commit(index.state().with(after));
            progress.finished(name, after, clock.millis() - started);
            return true;
        } catch (IOException | RuntimeException e) {
            index.rollbackToLastCommit();
            progress.failed(name, before, e);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    private void indexFiles(
            HostedRepository repository,
            List<IndexFeed.FileChange> files,
            Map<String, Member> members,
            BooleanSupplier cancelled)
            throws IOException {
        if (files.isEmpty()) {
            return;
        }
        int threads = Math.min(properties.indexingThreads(), Math.max(1, files.size() / 50));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(
                threads, runnable -> new Thread(runnable, "search-indexer-" + threadNumber.incrementAndGet()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(workers.submit(() -> indexSome(repository, files, members, next, failure, cancelled)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Indexing was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IOException(failure.get().getMessage(), failure.get());
        }
    }

    private void indexSome(
            HostedRepository repository,
            List<IndexFeed.FileChange> files,
            Map<String, Member> members,
            AtomicInteger next,
            AtomicReference<Exception> failure,
            BooleanSupplier cancelled) {
        String name = repository.name();
        int maxBytes =
                (int) Math.min(Integer.MAX_VALUE - 16, properties.maxFileSize().toBytes());
        IndexWriter writer = index.writer();
        FileDocuments documents = new FileDocuments();
        try (IndexFeed.Blobs blobs = feed.blobs(repository);
                Ctags ctags =
                        new Ctags(properties.ctags(), properties.ctagsTimeout().toMillis())) {
            int i;
            while (failure.get() == null && !cancelled.getAsBoolean() && (i = next.getAndIncrement()) < files.size()) {
                IndexFeed.FileChange file = files.get(i);
                Optional<IndexFeed.Blob> blob = blobs.read(file.newBlob(), maxBytes);
                List<Ctags.Definition> definitions = new ArrayList<>();
                if (ctagsAvailable && blob.isPresent() && !blob.get().binary()) {
                    definitions.addAll(ctags.definitions(
                            file.path(), blob.get().bytes(), blob.get().length()));
                    if (Macros.readsMacrosOf(file.path())) {
                        Macros.addTo(blob.get().text(), definitions);
                    }
                }
                Member member = members.get(IndexSchema.fileKey(name, file.newBlob(), file.path()));
                writer.addDocument(documents.file(
                        name,
                        repository.productName(),
                        file,
                        file.newBlob(),
                        member.refs,
                        blob.orElse(null),
                        definitions));
                progress.advanced(name);
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** The ref bit set of every document of the repository, as committed. */
    private Map<String, Member> readMembership(String repository) throws IOException {
        Map<String, Member> members = new HashMap<>();
        IndexSearcher searcher = index.acquire();
        try {
            searcher.search(new TermQuery(new Term(IndexSchema.REPOSITORY, repository)), new SimpleCollector() {
                private SortedDocValues keys;
                private BinaryDocValues refs;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    keys = context.reader().getSortedDocValues(IndexSchema.KEY);
                    refs = context.reader().getBinaryDocValues(IndexSchema.REFS);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (keys != null && refs != null && keys.advanceExact(doc) && refs.advanceExact(doc)) {
                        BytesRef bits = refs.binaryValue();
                        BitSet set = BitSet.valueOf(
                                java.util.Arrays.copyOfRange(bits.bytes, bits.offset, bits.offset + bits.length));
                        members.put(keys.lookupOrd(keys.ordValue()).utf8ToString(), new Member(set));
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } finally {
            index.release(searcher);
        }
        return members;
    }

    /** What changed in the refs since the last update. */
    record Plan(
            List<IndexState.RefState> refs,
            List<Change> changes,
            List<IndexState.RefState> removed,
            int nextOrdinal,
            boolean productChanged) {

        /** A ref to bring from {@code from} (null: new) to {@code to}. */
        record Change(int ordinal, String from, String to) {}

        boolean unchanged() {
            return changes.isEmpty() && removed.isEmpty() && !productChanged;
        }
    }

    static Plan plan(IndexState.RepositoryState before, List<IndexFeed.IndexedRef> wanted) {
        List<IndexState.RefState> refs = new ArrayList<>();
        List<Plan.Change> changes = new ArrayList<>();
        int nextOrdinal = before.nextOrdinal();
        for (IndexFeed.IndexedRef ref : wanted) {
            Optional<IndexState.RefState> known = before.ref(ref.name());
            if (known.isPresent() && known.get().commit().equals(ref.commitId())) {
                refs.add(new IndexState.RefState(
                        ref.name(), known.get().ordinal(), ref.commitId(), ref.defaultBranch()));
            } else if (known.isPresent()) {
                refs.add(new IndexState.RefState(
                        ref.name(), known.get().ordinal(), ref.commitId(), ref.defaultBranch()));
                changes.add(new Plan.Change(known.get().ordinal(), known.get().commit(), ref.commitId()));
            } else {
                int ordinal = nextOrdinal++;
                refs.add(new IndexState.RefState(ref.name(), ordinal, ref.commitId(), ref.defaultBranch()));
                changes.add(new Plan.Change(ordinal, null, ref.commitId()));
            }
        }
        List<IndexState.RefState> removed = before.refs().stream()
                .filter(old -> wanted.stream().noneMatch(ref -> ref.name().equals(old.name())))
                .toList();
        return new Plan(refs, changes, removed, nextOrdinal, false);
    }

    /** For the status board. */
    static IndexStatus.State stateOf(IndexState.RepositoryState state) {
        return state.indexedAt() == null ? IndexStatus.State.NOT_INDEXED : IndexStatus.State.UP_TO_DATE;
    }
}
