package com.readingroom.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each stream target has received the log, in the database so that any node can continue where another
 * stopped. It is moved only after a target acknowledged a delivery: a node that dies in between delivers that batch
 * again (at least once). Not part of the ledger, which it only reads.
 */
@Component
class StreamCursor {

    /** The last event and the largest checkpoint a target acknowledged; -1 and 0 before the first. */
    record Position(long event, long checkpoint) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StreamCursor(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Position of(String target) {
        List<Position> stored = jdbc.query(
                "select delivered_seq, delivered_checkpoint from audit_stream_cursor where target = ?",
                (row, i) -> new Position(row.getLong(1), row.getLong(2)),
                target);
        return stored.isEmpty() ? new Position(-1, 0) : stored.getFirst();
    }

    void moveTo(String target, Position delivered) {
        int moved = jdbc.update(
                "update audit_stream_cursor set delivered_seq = ?, delivered_checkpoint = ?, updated_at = ?"
                        + " where target = ?",
                delivered.event(),
                delivered.checkpoint(),
                Timestamp.from(clock.instant()),
                target);
        if (moved == 0) {
            jdbc.update(
                    "insert into audit_stream_cursor (target, delivered_seq, delivered_checkpoint, updated_at)"
                            + " values (?, ?, ?, ?)",
                    target,
                    delivered.event(),
                    delivered.checkpoint(),
                    Timestamp.from(clock.instant()));
        }
    }
}
