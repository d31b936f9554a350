package com.readingroom.audit.internal;

import com.readingroom.audit.internal.merkle.MerkleTree;
import com.readingroom.audit.internal.note.Checkpoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
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
    private final SigningKey key;
    private final MerkleTree tree;
    private final Clock clock;

    Checkpointer(JdbcTemplate jdbc, SigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.tree = new MerkleTree(new JdbcNodes(jdbc));
        this.clock = clock;
    }

    /** A checkpoint of the log as committed now, issued unless one of that size exists; the signed note. */
    @Transactional
    public String issue() {
        long size = jdbc.queryForObject("select size from ledger_head where id = 1", Long.class);
        Optional<String> existing = note(size);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] root = tree.root(size);
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
            return note(size).orElseThrow(() -> raced);
        }
    }

    @Scheduled(fixedDelayString = "${readingroom.ledger.checkpoint-interval:60s}", initialDelayString = "10s")
    public void issueWhileEventsArrive() {
        Long latest = jdbc.queryForObject("select max(size) from ledger_checkpoint", Long.class);
        long size = jdbc.queryForObject("select size from ledger_head where id = 1", Long.class);
        if (latest == null || size > latest) {
            issue();
            log.debug("Checkpoint issued at size {}", size);
        }
    }

    Optional<String> note(long size) {
        List<String> notes = jdbc.queryForList("select note from ledger_checkpoint where size = ?", String.class, size);
        return notes.stream().findFirst();
    }

    String verifierKey() {
        return key.signer().verifierKey();
    }
}
