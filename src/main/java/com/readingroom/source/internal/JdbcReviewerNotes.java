package com.readingroom.source.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.Disclosure;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.RepoPath;
import com.readingroom.source.ReviewerNote;
import com.readingroom.source.ReviewerNotes;
import com.readingroom.source.internal.Revisions.Resolution;
import com.readingroom.source.internal.Revisions.Target;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Notes in the database; every read and write asks the same policy as the reader, through {@link Revisions}. */
@Service
class JdbcReviewerNotes implements ReviewerNotes {

    private static final int MAX_BODY = 4000;
    private static final String COLUMNS =
            "id, author, repository, commit_id, path, line_from, line_to, body, created_at";

    private final JdbcTemplate jdbc;
    private final Revisions revisions;
    private final AuditLog auditLog;
    private final Refusals refusals;
    private final Clock clock;
    private final TransactionTemplate transactions;

    JdbcReviewerNotes(
            JdbcTemplate jdbc,
            Revisions revisions,
            AuditLog auditLog,
            Refusals refusals,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.auditLog = auditLog;
        this.refusals = refusals;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public List<ReviewerNote> on(Person person, String repository, String path) {
        CurrentPerson.requireActingAs(person);
        if (!isReviewer(person)) {
            return List.of();
        }
        return readable(
                person,
                jdbc.query(
                        "select " + COLUMNS + " from reviewer_note where agency_id = ? and repository = ? and path = ?"
                                + " order by created_at, id",
                        JdbcReviewerNotes::note,
                        person.agencyId(),
                        repository,
                        path),
                new HashMap<>());
    }

    @Override
    public List<ReviewerNote> in(Person person, String repository) {
        CurrentPerson.requireActingAs(person);
        if (!isReviewer(person)) {
            return List.of();
        }
        Map<String, Resolution> resolutions = new HashMap<>();
        List<ReviewerNote> listed = readable(
                person,
                jdbc.query(
                        "select " + COLUMNS + " from reviewer_note where agency_id = ? and repository = ?"
                                + " order by created_at desc, id desc",
                        JdbcReviewerNotes::note,
                        person.agencyId(),
                        repository),
                resolutions);
        if (!listed.isEmpty()) {
            // The list names files beyond the one on screen: it is recorded like any listing of paths.
            AccessDecision allowedBy = resolutions.values().stream()
                    .filter(resolution -> resolution.allowed() != null)
                    .findFirst()
                    .orElseThrow()
                    .allowed()
                    .decision();
            List<String> paths = listed.stream()
                    .map(note -> repository + ":" + note.path())
                    .distinct()
                    .toList();
            auditLog.append(new AuditRecord(
                    AuditAction.TREE_VIEW,
                    allowedBy.agencyId(),
                    allowedBy.agreementReference(),
                    allowedBy.scopeId(),
                    "notes of " + repository,
                    listed.size() + " notes listed",
                    new Disclosure(
                            repository,
                            null,
                            null,
                            null,
                            null,
                            GitReads.sha256(String.join("\n", paths)),
                            listed.size(),
                            paths.size() > 40 ? paths.subList(0, 40) : paths)));
        }
        return listed;
    }

    @Override
    public ReviewerNote add(Person person, RepoPath at, int fromLine, int toLine, String body) {
        CurrentPerson.requireActingAs(person);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A note needs some text.");
        }
        if (text.length() > MAX_BODY) {
            throw new IllegalArgumentException("A note holds at most " + MAX_BODY + " characters.");
        }
        if (fromLine < 1 || toLine < fromLine) {
            throw new IllegalArgumentException("Lines run from 1, and the last is not before the first.");
        }
        Instant now = clock.instant();
        Resolution resolution = revisions.resolve(person, at, Target.FILE, now);
        if (resolution.denied() != null) {
            throw refusals.deny(resolution.denied(), AuditAction.NOTE_ADDED, at);
        }
        Resolved resolved = resolution.allowed();
        String path = resolved.decision().path();
        String commit = resolved.commit().name();
        return transactions.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    connection -> {
                        var insert = connection.prepareStatement(
                                "insert into reviewer_note (agency_id, author_id, author, repository, commit_id, path,"
                                        + " line_from, line_to, body, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                        + " ?)",
                                new String[] {"id"});
                        insert.setLong(1, person.agencyId());
                        insert.setLong(2, person.id());
                        insert.setString(3, person.username());
                        insert.setString(4, at.repository());
                        insert.setString(5, commit);
                        insert.setString(6, path);
                        insert.setInt(7, fromLine);
                        insert.setInt(8, toLine);
                        insert.setString(9, text);
                        insert.setTimestamp(10, Timestamp.from(now));
                        return insert;
                    },
                    key);
            // The note's text stays with the agency: the record says where it is and fingerprints it.
            auditLog.append(new AuditRecord(
                    AuditAction.NOTE_ADDED,
                    resolved.decision().agencyId(),
                    resolved.decision().agreementReference(),
                    resolved.decision().scopeId(),
                    "note " + at.repository() + ":" + path,
                    "note on lines " + fromLine + "-" + toLine,
                    new Disclosure(
                            at.repository(),
                            resolved.ref(),
                            commit,
                            path,
                            null,
                            GitReads.sha256(text),
                            null,
                            List.of())));
            return new ReviewerNote(
                    key.getKey().longValue(),
                    person.username(),
                    at.repository(),
                    commit,
                    path,
                    fromLine,
                    toLine,
                    text,
                    now);
        });
    }

    /** Only notes whose file the person may read now, at the note's commit; each place decided once. */
    private List<ReviewerNote> readable(Person person, List<ReviewerNote> notes, Map<String, Resolution> resolutions) {
        Instant now = clock.instant();
        return notes.stream()
                .filter(note -> resolutions
                                .computeIfAbsent(
                                        note.commitId() + ":" + note.path(),
                                        key -> revisions.resolve(
                                                person,
                                                new RepoPath(note.repository(), note.commitId(), note.path()),
                                                Target.FILE,
                                                now))
                                .denied()
                        == null)
                .toList();
    }

    private static boolean isReviewer(Person person) {
        return person != null && person.enabled() && person.agencyId() != null && person.hasRole(Role.REVIEWER);
    }

    private static ReviewerNote note(ResultSet rs, int row) throws SQLException {
        return new ReviewerNote(
                rs.getLong("id"),
                rs.getString("author"),
                rs.getString("repository"),
                rs.getString("commit_id"),
                rs.getString("path"),
                rs.getInt("line_from"),
                rs.getInt("line_to"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant());
    }
}
