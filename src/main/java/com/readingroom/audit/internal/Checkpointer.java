package com.readingroom.audit.internal;

import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import com.readingroom.shared.ClusterLocks;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues signed checkpoints: every minute while events arrive, and on demand. All checkpoints are kept. The nodes of a
 * cluster elect their signer per checkpoint: only the node holding the cluster lock {@value #SIGNER} signs, so
 * exactly one signs at a time, and the scheduled checkpoint runs on one node per interval.
 */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    static final String SIGNER = "ledger-signer";
    private static final Duration SIGNING_AT_MOST = Duration.ofMinutes(1);
    private static final Duration SIGNER_WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final LedgerReader ledger;
    private final SigningKey key;
    private final Clock clock;
    private final CheckpointWitness witness;
    private final LedgerHalt halt;
    private final ClusterLocks locks;
    private final TransactionTemplate transaction;

    Checkpointer(
            JdbcTemplate jdbc,
            LedgerReader ledger,
            SigningKey key,
            Clock clock,
            CheckpointWitness witness,
            LedgerHalt halt,
            ClusterLocks locks,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.key = key;
        this.clock = clock;
        this.witness = witness;
        this.halt = halt;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A checkpoint of the log as committed now, issued unless one of that size exists; the signed note. Waits while
     * another node signs.
     */
    public String issue() {
        halt.requireRunning();
        return locks.whileHolding(SIGNER, SIGNING_AT_MOST, SIGNER_WAIT, () -> transaction.execute(status -> sign()));
    }

    private String sign() {
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

    /** Once per interval in the cluster: the node that takes the lock checks, the others skip this round. */
    @Scheduled(fixedDelayString = "${readingroom.ledger.checkpoint-interval:60s}", initialDelayString = "10s")
    @SchedulerLock(
            name = "ledger-checkpoint",
            lockAtMostFor = "${readingroom.ledger.checkpoint-interval:60s}",
            lockAtLeastFor = "${readingroom.ledger.checkpoint-interval:60s}")
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

    /** This log's verifier keys, current first: what {@code log.pub} holds. */
    String logPub() {
        return String.join("\n", key.verifierKeys()) + "\n";
    }

    NoteVerifier verifier() {
        return key.verifier();
    }
}
