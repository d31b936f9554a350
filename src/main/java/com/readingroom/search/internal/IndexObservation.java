package com.readingroom.search.internal;

import com.readingroom.access.Catalog;
import com.readingroom.search.IndexStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * This node's code index as operators watch it: health ({@code index}: down only when the index cannot be searched; a
 * repository that failed to index is named in the details, since search still serves the others) and gauges of the
 * index lag — the longest time any repository has gone without an update brought it up to date — and of repositories
 * by state. Names of repositories and counts only, never content.
 */
@Component("indexHealthIndicator")
class IndexObservation implements HealthIndicator {

    private final Catalog catalog;
    private final CodeIndex index;
    private final IndexProgress progress;
    private final Clock clock;
    private final Instant started;

    IndexObservation(Catalog catalog, CodeIndex index, IndexProgress progress, Clock clock, MeterRegistry meters) {
        this.catalog = catalog;
        this.index = index;
        this.progress = progress;
        this.clock = clock;
        this.started = clock.instant();
        TimeGauge.builder(
                        "readingroom.index.lag",
                        this,
                        TimeUnit.SECONDS,
                        observation -> observation.lag().toSeconds())
                .description("Longest time a repository has gone without an update that brought it up to date")
                .register(meters);
        for (IndexStatus.State state : IndexStatus.State.values()) {
            Gauge.builder(
                            "readingroom.index.repositories",
                            this,
                            observation -> observation.byState().getOrDefault(state, 0))
                    .description("Repositories by the state of their index on this node")
                    .tag("state", state.name())
                    .register(meters);
        }
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        try {
            IndexSearcher searcher = index.acquire();
            try {
                health.withDetail("documents", searcher.getIndexReader().numDocs());
            } finally {
                index.release(searcher);
            }
        } catch (IOException | RuntimeException unreadable) {
            return health.down()
                    .withDetail("problem", "the index cannot be searched: " + unreadable.getMessage())
                    .build();
        }
        List<IndexStatus> statuses = statuses();
        health.withDetail("lagSeconds", lag(statuses).toSeconds());
        statuses.stream()
                .filter(status -> status.state() == IndexStatus.State.FAILED)
                .forEach(failed -> health.withDetail("failed:" + failed.repository(), failed.message()));
        return health.build();
    }

    Duration lag() {
        return lag(statuses());
    }

    private Duration lag(List<IndexStatus> statuses) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (IndexStatus status : statuses) {
            Instant since = status.lastUpdated() != null && status.state() != IndexStatus.State.FAILED
                    ? status.lastUpdated()
                    : started;
            Duration behind = Duration.between(since, now);
            if (behind.compareTo(longest) > 0) {
                longest = behind;
            }
        }
        return longest;
    }

    private Map<IndexStatus.State, Integer> byState() {
        Map<IndexStatus.State, Integer> counts = new EnumMap<>(IndexStatus.State.class);
        statuses().forEach(status -> counts.merge(status.state(), 1, Integer::sum));
        return counts;
    }

    private List<IndexStatus> statuses() {
        return progress.statuses(IndexUpdater.repositories(catalog), index.state());
    }
}
