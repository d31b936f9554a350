package com.readingroom.audit.internal;

import com.readingroom.audit.AuditTrail.Verification;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger as operators watch it: health ({@code ledger}: down while halted or when the last verification failed)
 * and gauges of its size, the age of its newest checkpoint and the events no checkpoint covers yet. Counts and sizes
 * only: nothing of an event's content.
 */
@Component("ledgerHealthIndicator")
class LedgerObservation implements HealthIndicator {

    private final LedgerReader ledger;
    private final LedgerHalt halt;
    private final LedgerWatch watch;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LedgerObservation(
            LedgerReader ledger,
            LedgerHalt halt,
            LedgerWatch watch,
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry meters) {
        this.ledger = ledger;
        this.halt = halt;
        this.watch = watch;
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("readingroom.ledger.events", ledger, LedgerReader::size)
                .description("Events in the audit log")
                .register(meters);
        TimeGauge.builder(
                        "readingroom.ledger.checkpoint.age",
                        this,
                        TimeUnit.SECONDS,
                        observation -> observation
                                .checkpointAge()
                                .map(Duration::toSeconds)
                                .orElse(-1L))
                .description("Time since the newest checkpoint was issued (-1 before the first)")
                .register(meters);
        Gauge.builder("readingroom.ledger.unsigned.events", this, LedgerObservation::unsignedEvents)
                .description("Events no checkpoint covers yet")
                .register(meters);
        Gauge.builder("readingroom.ledger.halted", halt, running -> running.halted() ? 1 : 0)
                .description("1 while this node refuses to disclose because the log does not extend its checkpoint")
                .register(meters);
    }

    @Override
    public Health health() {
        Health.Builder health = halt.reason()
                .map(why -> Health.down().withDetail("halted", why))
                .orElseGet(Health::up);
        Optional<Verification> last = watch.last();
        last.filter(verification -> !verification.intact())
                .ifPresent(failed -> health.down().withDetail("lastVerificationProblem", failed.problem()));
        last.ifPresent(verification ->
                health.withDetail("lastVerification", verification.at().toString()));
        health.withDetail("events", ledger.size());
        newestCheckpoint()
                .ifPresent(newest -> health.withDetail("newestCheckpointSize", newest.size())
                        .withDetail(
                                "newestCheckpointAgeSeconds",
                                Duration.between(newest.issuedAt(), clock.instant())
                                        .toSeconds()));
        return health.build();
    }

    private record Newest(long size, Instant issuedAt) {}

    private Optional<Newest> newestCheckpoint() {
        List<Newest> newest = jdbc.query(
                "select size, issued_at from ledger_checkpoint order by size desc limit 1",
                (row, i) -> new Newest(
                        row.getLong(1), row.getObject(2, Timestamp.class).toInstant()));
        return newest.stream().findFirst();
    }

    Optional<Duration> checkpointAge() {
        return newestCheckpoint().map(newest -> Duration.between(newest.issuedAt(), clock.instant()));
    }

    long unsignedEvents() {
        return ledger.size() - newestCheckpoint().map(Newest::size).orElse(0L);
    }
}
