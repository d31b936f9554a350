package com.readingroom.audit.internal;

import com.readingroom.audit.internal.note.Checkpoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues signed checkpoints: every minute while events arrive, and on demand. All checkpoints are kept. Two
 * checkpointers (two nodes) may race for the same size; the first one stored wins and the other is dropped.
 */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final JdbcTemplate jdbc;
    private final LedgerReader ledger;
    private final SigningKey key;
    private final Clock clock;

    Checkpointer(JdbcTemplate jdbc, LedgerReader ledger, SigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.key = key;
        this.clock = clock;
    }

    /** A checkpoint of the log as committed now, issued unless one of that size exists; the signed note. */
    @Transactional
    public String issue() {
        long size = ledger.size();
        Optional<String> existing = ledger.checkpoint(size);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] root = ledger.root(size);
        String note = key.signer().sign(new Checkpoint(key.signer().name(), size, root).text());
        try {
            jdbc.update(
                    "insert into ledger_checkpoint (size, root_hash, note, issued_at) values (?, ?, ?, ?)",
                    size,
                    HexFormat.of().formatHex(root),
                    note,
                    Timestamp.from(clock.instant()));
            return note;
        } catch (DuplicateKeyException raced) {
            return ledger.checkpoint(size).orElseThrow(() -> raced);
        }
    }

    @Scheduled(fixedDelayString = "${readingroom.ledger.checkpoint-interval:60s}", initialDelayString = "10s")
    public void issueWhileEventsArrive() {
        Long latest = jdbc.queryForObject("select max(size) from ledger_checkpoint", Long.class);
        long size = ledger.size();
        if (latest == null || size > latest) {
            issue();
            log.debug("Checkpoint issued at size {}", size);
        }
    }

    String verifierKey() {
        return key.signer().verifierKey();
    }
}
