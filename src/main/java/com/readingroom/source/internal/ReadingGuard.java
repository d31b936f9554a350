package com.readingroom.source.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessDeniedException;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.source.ReadingHold;
import com.readingroom.source.ReadingHolds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk-reading guard. Per person, file views in the last minute are counted in memory; at the limit each further
 * view is slowed and auditors are alerted (READING_SLOWED, at most once a minute); a person who stays at the limit
 * for {@code holdAfter} is held (READING_HELD) in the database, so the hold survives restarts and holds on every node,
 * until a program manager clears it (READING_HOLD_CLEARED). A held person's views are refused and audited.
 */
@Component
class ReadingGuard implements ReadingHolds {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final SourceProperties properties;
    private final Clock clock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    private final TransactionTemplate transactions;

    ReadingGuard(
            JdbcTemplate jdbc,
            AuditLog auditLog,
            SourceProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses a held person, holds a sustained crawler, and slows a fast reader. */
    void beforeFileView(Person person) {
        Optional<ReadingHold> hold = holdOf(person.id());
        if (hold.isPresent()) {
            throw refuse(
                    person,
                    "Your reading is paused since " + hold.get().heldAt()
                            + " because files were opened faster than the agreed rate. A program manager must clear it.");
        }
        Instant now = clock.instant();
        Window window = windows.computeIfAbsent(person.id(), id -> new Window());
        boolean slow;
        boolean alert = false;
        boolean holdNow = false;
        int count;
        synchronized (window) {
            window.prune(now);
            count = window.views.size();
            slow = count >= properties.viewsPerMinute();
            if (!slow) {
                window.overSince = null;
            } else {
                window.overSince = window.overSince == null ? now : window.overSince;
                holdNow = !Duration.between(window.overSince, now)
                        .minus(properties.holdAfter())
                        .isNegative();
                alert = window.lastAlert == null
                        || !window.lastAlert.plus(WINDOW).isAfter(now);
                window.lastAlert = alert ? now : window.lastAlert;
            }
        }
        if (holdNow) {
            String reason = count + " files opened in the last minute, above " + properties.viewsPerMinute()
                    + ", for more than " + properties.holdAfter().toMinutes() + " minutes";
            hold(person, reason, now);
            windows.remove(person.id());
            throw refuse(person, "Your reading is paused: " + reason + ". A program manager must clear it.");
        }
        if (alert) {
            auditLog.append(new AuditRecord(
                    AuditAction.READING_SLOWED,
                    person.agencyId(),
                    null,
                    null,
                    "person " + person.username(),
                    count + " files opened in the last minute (limit " + properties.viewsPerMinute()
                            + "); further views are slowed"));
        }
        if (slow) {
            try {
                Thread.sleep(properties.slowDown());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while slowing down a fast reader", e);
            }
        }
    }

    void afterFileView(Person person) {
        Window window = windows.computeIfAbsent(person.id(), id -> new Window());
        synchronized (window) {
            window.views.addLast(clock.instant());
        }
    }

    /** The hold and its record commit together. */
    private void hold(Person person, String reason, Instant now) {
        transactions.executeWithoutResult(status -> {
            jdbc.update(
                    "insert into reading_hold (person_id, username, held_at, reason) values (?, ?, ?, ?)",
                    person.id(),
                    person.username(),
                    Timestamp.from(now),
                    reason);
            auditLog.append(new AuditRecord(
                    AuditAction.READING_HELD, person.agencyId(), null, null, "person " + person.username(), reason));
        });
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public List<ReadingHold> active() {
        return jdbc.query(
                "select id, person_id, username, held_at, reason from reading_hold where cleared_at is null order by"
                        + " held_at",
                (rs, row) -> new ReadingHold(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public void clear(long holdId, String note) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("Say why the hold may be cleared.");
        }
        List<String> username = jdbc.queryForList(
                "select username from reading_hold where id = ? and cleared_at is null", String.class, holdId);
        if (username.isEmpty()) {
            throw new IllegalArgumentException("There is no hold " + holdId + " in force.");
        }
        jdbc.update(
                "update reading_hold set cleared_at = ?, cleared_by = ?, clear_note = ? where id = ?",
                Timestamp.from(clock.instant()),
                CurrentPerson.actorName(),
                note.strip(),
                holdId);
        auditLog.append(
                AuditRecord.of(AuditAction.READING_HOLD_CLEARED, "person " + username.getFirst(), note.strip()));
    }

    private Optional<ReadingHold> holdOf(long personId) {
        return jdbc
                .query(
                        "select id, person_id, username, held_at, reason from reading_hold where person_id = ? and"
                                + " cleared_at is null order by held_at",
                        (rs, row) -> new ReadingHold(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getString(5)),
                        personId)
                .stream()
                .findFirst();
    }

    private AccessDeniedException refuse(Person person, String reason) {
        AccessDecision decision = new AccessDecision(
                AccessDecision.Outcome.DENY,
                reason,
                null,
                null,
                null,
                person.agencyId(),
                null,
                null,
                null,
                clock.instant());
        auditLog.append(new AuditRecord(
                AuditAction.ACCESS_DENIED, person.agencyId(), null, null, "FILE_VIEW by " + person.username(), reason));
        return new AccessDeniedException(decision);
    }

    /** One person's file views of the last minute. Guarded by its own monitor. */
    private static final class Window {
        final ArrayDeque<Instant> views = new ArrayDeque<>();
        Instant overSince;
        Instant lastAlert;

        void prune(Instant now) {
            Instant oldest = now.minus(WINDOW);
            while (!views.isEmpty() && views.peekFirst().isBefore(oldest)) {
                views.removeFirst();
            }
        }
    }
}
