package com.readingroom.search.internal;

import com.readingroom.shared.ReadingRoomProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one owner of the Lucene index: its directory, its {@link IndexWriter}, the {@link SearcherManager} and the
 * refresh thread ({@code search-refresh}). Started before the indexer and stopped after it (see {@link #getPhase}),
 * it shuts down in the order that loses nothing: refresh thread, searchers, writer (which commits nothing half-done:
 * every update commits itself), directory. Searchers read commit points only (see {@link #startRefresher}).
 */
@Component
class CodeIndex implements SmartLifecycle {

    /** Before {@link IndexUpdater}, which stops first. */
    static final int PHASE = Integer.MAX_VALUE - 2000;

    private static final Logger log = LoggerFactory.getLogger(CodeIndex.class);

    private final Path location;
    private final SearchProperties properties;
    private final SearchWorkers workers;

    private Directory directory;
    // Replaced only by a rollback; searches on other threads must see the new ones.
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private ScheduledExecutorService refresher;
    private volatile IndexState state = IndexState.empty();
    private volatile boolean running;

    CodeIndex(SearchProperties properties, ReadingRoomProperties installation, SearchWorkers workers) {
        this.properties = properties;
        this.workers = workers;
        this.location = properties.indexDir() != null
                ? properties.indexDir()
                : installation.dataDir().resolve("search-index");
    }

    @Override
    public synchronized void start() {
        try {
            Files.createDirectories(location);
            directory = FSDirectory.open(location);
            writer = openWriter();
            searchers = new SearcherManager(directory, searcherFactory());
            refresher = startRefresher();
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException("The search index at " + location + " cannot be opened", e);
        }
    }

    private IndexWriter openWriter() throws IOException {
        try {
            IndexWriter opened = new IndexWriter(directory, config());
            Map<String, String> data = commitData(opened);
            if (!String.valueOf(IndexSchema.VERSION).equals(data.get(IndexState.SCHEMA_KEY))) {
                if (DirectoryReader.indexExists(directory)) {
                    log.info(
                            "Search index schema {} found, {} needed: rebuilding it from the repositories",
                            data.get(IndexState.SCHEMA_KEY),
                            IndexSchema.VERSION);
                }
                opened.deleteAll();
                state = IndexState.empty();
                commit(opened, state);
            } else {
                state = IndexState.fromJson(data.get(IndexState.COMMIT_DATA_KEY));
            }
            return opened;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException unreadable) {
            log.warn("The search index at {} cannot be read ({}): rebuilding it", location, unreadable.getMessage());
            directory.close();
            deleteContents(location);
            directory = FSDirectory.open(location);
            IndexWriter fresh = new IndexWriter(directory, config());
            state = IndexState.empty();
            commit(fresh, state);
            return fresh;
        }
    }

    private IndexWriterConfig config() {
        // Fewer, larger segments and no compound files: merging is most of what indexing costs after inversion.
        org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
        merges.setSegmentsPerTier(16);
        merges.setNoCFSRatio(0);
        return new IndexWriterConfig(new CodeAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(properties.ramBuffer().toMegabytes())
                .setMergePolicy(merges)
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    private static long commit(IndexWriter writer, IndexState state) throws IOException {
        writer.setLiveCommitData(Map.of(
                        IndexState.SCHEMA_KEY, String.valueOf(IndexSchema.VERSION),
                        IndexState.COMMIT_DATA_KEY, state.toJson())
                .entrySet());
        return writer.commit();
    }

    private static void deleteContents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /** The writer, for the indexer only. */
    IndexWriter writer() {
        requireRunning();
        return writer;
    }

    /** What the committed index holds. */
    IndexState state() {
        return state;
    }

    /**
     * Commits everything written so far together with the state that describes it, then waits until searchers see it.
     */
    synchronized void commit(IndexState newState) throws IOException {
        requireRunning();
        commit(writer, newState);
        searchers.maybeRefreshBlocking();
        state = newState;
    }

    /** Searchers that spread a search's segments over the search workers. */
    private SearcherFactory searcherFactory() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, workers.executor());
            }
        };
    }

    /** Drops what was written since the last commit (an update that failed half-way). */
    synchronized void rollbackToLastCommit() throws IOException {
        requireRunning();
        // IndexWriter.rollback closes the writer; reopening keeps one owner and one writer.
        stopRefresher();
        searchers.close();
        writer.rollback();
        writer = openWriter();
        searchers = new SearcherManager(directory, searcherFactory());
        refresher = startRefresher();
    }

    /**
     * Searchers read commit points, never the writer's uncommitted state: a search sees a repository's update whole
     * or not at all, and bulk indexing is not forced to flush tiny segments for near-real-time readers. The refresh
     * thread picks up a commit made by {@link #commit} (which also refreshes at once) or found on disk.
     */
    private ScheduledExecutorService startRefresher() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "search-refresh");
            named.setDaemon(true);
            return named;
        });
        thread.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
        return thread;
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("The search index could not be reopened; searches use the last commit they had", e);
        }
    }

    /** A searcher to use for one request; give it back with {@link #release}. */
    IndexSearcher acquire() throws IOException {
        requireRunning();
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    Path location() {
        return location;
    }

    /** Bytes the index takes on disk. */
    long sizeOnDisk() {
        try (Stream<Path> files = Files.list(location)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private void requireRunning() {
        if (!running) {
            throw new IllegalStateException("The search index is not open");
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            stopRefresher();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.error("The search index did not close cleanly; it is rebuilt or recovered at the next start", e);
        }
    }

    private void stopRefresher() {
        refresher.shutdown();
        try {
            if (!refresher.awaitTermination(10, TimeUnit.SECONDS)) {
                refresher.shutdownNow();
            }
        } catch (InterruptedException e) {
            refresher.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
