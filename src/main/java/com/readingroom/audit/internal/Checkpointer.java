package com.readingroom.audit.internal;

import com.readingroom.audit.internal.note.Checkpoint;
import java.io.UncheckedIOException;
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
    private final CheckpointWitness witness;
    private final LedgerHalt halt;

    Checkpointer(
            JdbcTemplate jdbc,
            LedgerReader ledger,
            SigningKey key,
            Clock clock,
            CheckpointWitness witness,
            LedgerHalt halt) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.key = key;
        this.clock = clock;
        this.witness = witness;
        this.halt = halt;
    }

    /** A checkpoint of the log as committed now, issued unless one of that size exists; the signed note. */
    @Transactional
    public String issue() {
        halt.requireRunning();
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
        } catch (DuplicateKeyException raced) {
            return ledger.checkpoint(size).orElseThrow(() -> raced);
        }
        try {
            // Before the row commits: a checkpoint the file cannot remember is not issued at all.
            witness.remember(note);
        } catch (UncheckedIOException unwritable) {
            String problem = "A checkpoint of size " + size + " could not be issued: " + unwritable.getMessage()
                    + ". No checkpoint is issued until the file can be written.";
            log.error(problem);
            halt.alert(problem);
            throw new IllegalStateException(problem, unwritable);
        }
        return note;
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
