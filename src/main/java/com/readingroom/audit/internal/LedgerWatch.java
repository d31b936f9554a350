package com.readingroom.audit.internal;

import com.readingroom.audit.AuditTrail.Verification;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole log on a schedule (and when an auditor asks), and keeps every result: a failure is logged as an
 * error and stays on the auditors' screen until a later verification finds the log intact again.
 */
@Component
class LedgerWatch {

    private static final Logger log = LoggerFactory.getLogger(LedgerWatch.class);

    private final LedgerVerifier verifier;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final LedgerHalt halt;

    LedgerWatch(LedgerVerifier verifier, JdbcTemplate jdbc, Clock clock, LedgerHalt halt) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.clock = clock;
        this.halt = halt;
    }

    /** Once per interval in the cluster: the node that takes the lock verifies, the others skip this round. */
    @Scheduled(fixedDelayString = "${readingroom.ledger.verification-interval:15m}", initialDelayString = "60s")
    @SchedulerLock(
            name = "ledger-verification",
            lockAtMostFor = "${readingroom.ledger.verification-interval:15m}",
            lockAtLeastFor = "${readingroom.ledger.verification-interval:15m}")
    public void verifyOnSchedule() {
        verifyAndRecord(checked -> {});
    }

    Verification verifyAndRecord(LongConsumer progress) {
        Instant at = clock.instant();
        LedgerVerifier.Report report = verifier.verify(progress);
        Optional<String> behind = halt.problem();
        if (report.intact() && behind.isPresent()) {
            // Intact in itself, but not the log the newest checkpoint was issued for: a rollback or another log.
            halt.halt(behind.get());
            report = new LedgerVerifier.Report(false, report.events(), report.checkpoints(), null, behind.get());
        }
        jdbc.update(
                "insert into ledger_verification (at, intact, events, checkpoints, first_bad_index, problem)"
                        + " values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(at),
                report.intact(),
                report.events(),
                report.checkpoints(),
                report.firstBadIndex(),
                report.problem());
        if (!report.intact()) {
            log.error("AUDIT LOG NOT INTACT at event {}: {}", report.firstBadIndex(), report.problem());
        }
        return new Verification(
                at, report.intact(), report.events(), report.checkpoints(), report.firstBadIndex(), report.problem());
    }

    Optional<Verification> last() {
        List<Verification> last = jdbc.query(
                "select at, intact, events, checkpoints, first_bad_index, problem from ledger_verification"
                        + " order by id desc limit 1",
                (row, i) -> new Verification(
                        row.getTimestamp(1).toInstant(),
                        row.getBoolean(2),
                        row.getLong(3),
                        row.getInt(4),
                        row.getObject(5) == null ? null : row.getLong(5),
                        row.getString(6)));
        return last.stream().findFirst();
    }
}
