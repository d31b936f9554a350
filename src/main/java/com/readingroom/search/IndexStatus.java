package com.readingroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far the code index is for one repository, for program managers. Names refs and counts, never content.
 *
 * @param refs the refs indexed, short names, the default branch first
 * @param files documents of files (one per distinct blob and path across the refs)
 * @param done during indexing: files indexed so far in this update
 * @param total during indexing: files this update indexes
 * @param lastUpdated when the last update finished, or {@code null}
 * @param lastDuration how long it took, or {@code null}
 * @param message why it failed, or a note (definitions unavailable), or {@code null}
 */
public record IndexStatus(
        String repository,
        String product,
        State state,
        List<String> refs,
        long files,
        long commits,
        long done,
        long total,
        Instant lastUpdated,
        Duration lastDuration,
        String message) {

    public IndexStatus {
        refs = List.copyOf(refs);
    }

    public enum State {
        NOT_INDEXED,
        QUEUED,
        INDEXING,
        UP_TO_DATE,
        FAILED
    }

    /** Progress of the running update between 0 and 1. */
    public double progress() {
        return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    }
}
