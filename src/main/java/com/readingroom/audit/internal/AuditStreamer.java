package com.readingroom.audit.internal;

import com.readingroom.shared.ClusterLocks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pushes every new audit event, and every checkpoint, to the configured SIEM targets, in sequence order and at least
 * once: a target's cursor moves only after it took a batch, a failed batch is offered again with a growing pause, and
 * a node that dies mid-batch leaves it to the next (the cursor is in the database; one node per target pushes at a
 * time). Targets see events as auditors do, never source content.
 */
@Component
@EnableConfigurationProperties(AuditStreamProperties.class)
class AuditStreamer {

    private static final Logger log = LoggerFactory.getLogger(AuditStreamer.class);
    /** Batches per run, so that a long backlog never holds the target's lock for long. */
    private static final int BATCHES_PER_RUN = 20;

    private final List<StreamTarget> targets;
    private final StreamCursor cursor;
    private final JdbcTemplate jdbc;
    private final ClusterLocks locks;
    private final Clock clock;
    private final AuditStreamProperties properties;
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    private record Retry(int failures, Instant next) {}

    AuditStreamer(
            AuditStreamProperties properties,
            LedgerProperties ledger,
            StreamCursor cursor,
            JdbcTemplate jdbc,
            ClusterLocks locks,
            Clock clock) {
        this.properties = properties;
        this.cursor = cursor;
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        List<StreamTarget> configured = new ArrayList<>();
        if (properties.webhook() != null) {
            configured.add(new WebhookTarget(properties.webhook(), properties.webhookSecret(), ledger.origin()));
        }
        if (properties.syslogHost() != null && !properties.syslogHost().isBlank()) {
            configured.add(new SyslogTarget(properties.syslogHost(), properties.syslogPort(), hostname(), clock));
        }
        this.targets = List.copyOf(configured);
        targets.forEach(target -> log.info("Audit events are streamed to {}", target.name()));
    }

    @Scheduled(fixedDelayString = "${readingroom.audit.stream.interval:2s}", initialDelayString = "5s")
    void push() {
        for (StreamTarget target : targets) {
            Retry retry = retries.get(target.name());
            if (retry != null && clock.instant().isBefore(retry.next())) {
                continue;
            }
            locks.ifFree("audit-stream " + target.name(), Duration.ofMinutes(5), () -> drain(target));
        }
    }

    private void drain(StreamTarget target) {
        for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
            StreamCursor.Position at = cursor.of(target.name());
            List<StreamItem> items = new ArrayList<>();
            StreamCursor.Position next = next(at, items);
            if (items.isEmpty()) {
                return;
            }
            try {
                target.deliver(items);
            } catch (IOException | RuntimeException failed) {
                Retry previous = retries.get(target.name());
                int failures = previous == null ? 1 : previous.failures() + 1;
                Duration pause = backoff(failures);
                retries.put(target.name(), new Retry(failures, clock.instant().plus(pause)));
                log.warn(
                        "The audit stream to {} failed ({}); events from {} are offered again in {} s",
                        target.name(),
                        failed.getMessage(),
                        at.event() + 1,
                        pause.toSeconds());
                return;
            }
            if (retries.remove(target.name()) != null) {
                log.info("The audit stream to {} delivers again", target.name());
            }
            cursor.moveTo(target.name(), next);
        }
    }

    /** The next batch after the position, events in order and then the checkpoints they complete. */
    private StreamCursor.Position next(StreamCursor.Position at, List<StreamItem> items) {
        jdbc.query(
                "select seq, action, leaf from audit_event where seq > ? order by seq limit ?",
                (row) -> {
                    items.add(
                            new StreamItem(StreamItem.Kind.EVENT, row.getLong(1), row.getString(2), row.getString(3)));
                },
                at.event(),
                properties.batchSize());
        long lastEvent = items.isEmpty() ? at.event() : items.getLast().seq();
        long[] lastCheckpoint = {at.checkpoint()};
        jdbc.query(
                "select size, note from ledger_checkpoint where size > ? and size <= ? order by size",
                (row) -> {
                    items.add(new StreamItem(StreamItem.Kind.CHECKPOINT, row.getLong(1), null, row.getString(2)));
                    lastCheckpoint[0] = row.getLong(1);
                },
                at.checkpoint(),
                lastEvent + 1);
        return new StreamCursor.Position(lastEvent, lastCheckpoint[0]);
    }

    private Duration backoff(int failures) {
        Duration pause = Duration.ofSeconds(1L << Math.min(failures, 16));
        return pause.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : pause;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "-";
        }
    }
}
