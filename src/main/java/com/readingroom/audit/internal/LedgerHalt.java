package com.readingroom.audit.internal;

import com.readingroom.audit.AuditUnavailableException;
import com.readingroom.audit.internal.note.NoteVerifier;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stops the ledger from disclosing and signing on a log that no longer extends its newest checkpoint (a database
 * restored from an older backup, a rewritten log, a corrupt checkpoint file). Checked before the app serves its first
 * request and at every scheduled verification. While halted, every view of source fails closed with the reason, no
 * checkpoint is signed, and auditors see the alert; sign-ins and administration are still recorded. It clears only
 * when the app starts on a log that extends the checkpoint again (see the operations notes).
 *
 * <p>In a cluster each node keeps its own checkpoint file and follows the newest checkpoint any node issued, so each
 * notices a rollback by itself; a node whose signing key did not sign the log's checkpoints halts at start.
 */
@Component
class LedgerHalt implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LedgerHalt.class);

    private final CheckpointWitness witness;
    private final LedgerReader ledger;
    private final SigningKey key;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile String reason;

    LedgerHalt(
            CheckpointWitness witness,
            LedgerReader ledger,
            SigningKey key,
            JdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.witness = witness;
        this.ledger = ledger;
        this.key = key;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Optional<String> foreign = foreignKey();
        if (foreign.isPresent()) {
            halt(foreign.get());
            alert(foreign.get());
            return;
        }
        if (!witness.exists()) {
            // First start, or the first since this file was introduced: remember the newest checkpoint there is.
            ledger.latestCheckpoint().ifPresent(witness::remember);
        }
        problem().ifPresent(why -> {
            halt(why);
            alert(why);
        });
    }

    /**
     * Remembers the newest checkpoint another node issued once this node has checked it (its key signed it, the log
     * extends it), then checks the log against it. On every node, not once per cluster: each node's file is its own.
     */
    @Scheduled(fixedDelayString = "${readingroom.ledger.checkpoint-interval:60s}", initialDelayString = "15s")
    void followNewestCheckpoint() {
        if (halted()) {
            return;
        }
        NoteVerifier verifier = key.verifier();
        Optional<String> problem = ledger.latestCheckpoint()
                .flatMap(note -> witness.follow(note, ledger, verifier))
                .or(this::problem);
        problem.ifPresent(why -> {
            halt(why);
            alert(why);
        });
    }

    /** Why this node may not continue the log: its newest checkpoint is signed by another key than this node's. */
    private Optional<String> foreignKey() {
        NoteVerifier verifier = key.verifier();
        return ledger.latestCheckpoint()
                .filter(note -> !CheckpointWitness.verifies(note, verifier))
                .map(note -> "The newest checkpoint in the database is not signed by this node's checkpoint signing key"
                        + " (" + key.signer().verifierKey() + "): every node of one log signs with the same key. Give"
                        + " this node the log's key (readingroom.ledger.signing-key-file) and start it again.");
    }

    /** Why the log does not extend the remembered checkpoint; empty when it does. */
    Optional<String> problem() {
        return witness.problem(ledger, key.verifier());
    }

    void halt(String why) {
        if (reason == null) {
            log.error("AUDIT LOG HALTED: {}", why);
        }
        reason = why;
    }

    /** Puts a problem on the auditors' screen (as a failed verification), whatever the caller's transaction does. */
    void alert(String problem) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "insert into ledger_verification (at, intact, events, checkpoints, first_bad_index, problem)"
                        + " values (?, false, ?, ?, null, ?)",
                Timestamp.from(clock.instant()),
                ledger.size(),
                jdbc.queryForObject("select count(*) from ledger_checkpoint", Integer.class),
                problem.length() > 2000 ? problem.substring(0, 2000) : problem));
    }

    /** @throws AuditUnavailableException while halted */
    void requireRunning() {
        String why = reason;
        if (why != null) {
            throw new AuditUnavailableException(
                    "The audit log is halted, so nothing can be shown: " + why + " Auditors have been alerted.");
        }
    }

    boolean halted() {
        return reason != null;
    }

    /** Why the ledger is halted; empty while it runs. */
    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
