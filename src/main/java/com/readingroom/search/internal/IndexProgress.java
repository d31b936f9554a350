package com.readingroom.search.internal;

import com.readingroom.access.HostedRepository;
import com.readingroom.search.IndexStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** What the indexer is doing per repository, for the index status screen. In memory: it describes this process. */
@Component
class IndexProgress {

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile String note;

    IndexProgress(Clock clock) {
        this.clock = clock;
    }

    private static final class Entry {
        volatile IndexStatus.State state = IndexStatus.State.NOT_INDEXED;
        final AtomicLong done = new AtomicLong();
        volatile long total;
        volatile Instant lastUpdated;
        volatile Duration lastDuration;
        volatile String message;
    }

    private Entry entry(String repository) {
        return entries.computeIfAbsent(repository, name -> new Entry());
    }

    void note(String note) {
        this.note = note;
    }

    void queued(String repository) {
        Entry entry = entry(repository);
        if (entry.state != IndexStatus.State.INDEXING) {
            entry.state = IndexStatus.State.QUEUED;
        }
    }

    void started(String repository) {
        Entry entry = entry(repository);
        entry.state = IndexStatus.State.INDEXING;
        entry.done.set(0);
        entry.total = 0;
        entry.message = null;
    }

    void total(String repository, long total) {
        entry(repository).total = total;
    }

    void advanced(String repository) {
        entry(repository).done.incrementAndGet();
    }

    void finished(String repository, IndexState.RepositoryState state, long millis) {
        Entry entry = entry(repository);
        entry.state = IndexStatus.State.UP_TO_DATE;
        entry.lastUpdated = clock.instant();
        entry.lastDuration = Duration.ofMillis(millis);
        entry.message = null;
    }

    void upToDate(String repository, IndexState.RepositoryState state) {
        Entry entry = entry(repository);
        entry.state = RepositoryIndexer.stateOf(state);
        if (entry.lastUpdated == null) {
            entry.lastUpdated = state.indexedAt();
        }
    }

    void cancelled(String repository, IndexState.RepositoryState state) {
        Entry entry = entry(repository);
        entry.state = RepositoryIndexer.stateOf(state);
        entry.message = "The last update was interrupted; it runs again at the next check.";
    }

    void failed(String repository, IndexState.RepositoryState state, Exception cause) {
        Entry entry = entry(repository);
        entry.state = IndexStatus.State.FAILED;
        entry.message = "The last update failed: " + cause.getMessage();
    }

    /** The status of each repository, from the index's state and this node's progress. */
    List<IndexStatus> statuses(List<HostedRepository> repositories, IndexState state) {
        return repositories.stream()
                .map(repository -> status(
                        repository.name(),
                        repository.productName(),
                        state.repository(repository.name()).orElse(null)))
                .toList();
    }

    IndexStatus status(String repository, String product, IndexState.RepositoryState state) {
        Entry entry = entry(repository);
        List<String> refs = state == null
                ? List.of()
                : state.refs().stream()
                        .map(ref -> com.readingroom.source.SourceRef.shortName(ref.name()))
                        .toList();
        String message = entry.message != null ? entry.message : note;
        return new IndexStatus(
                repository,
                product,
                entry.state == IndexStatus.State.NOT_INDEXED && state != null && state.indexedAt() != null
                        ? IndexStatus.State.UP_TO_DATE
                        : entry.state,
                refs,
                state == null ? 0 : state.files(),
                state == null ? 0 : state.commits(),
                entry.done.get(),
                entry.total,
                entry.lastUpdated != null ? entry.lastUpdated : state == null ? null : state.indexedAt(),
                entry.lastDuration,
                message);
    }
}
