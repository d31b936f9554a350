package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.internal.note.NoteVerifier;
import com.readingroom.shared.ClusterLocks;
import com.readingroom.shared.ReadingRoomProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Rotating the checkpoint signing key: the log goes on under the new key, and the checkpoints the old key signed stay
 * verifiable through its retired verifier key — in the app, in {@code log.pub} and offline. The app as it ran before
 * the rotation is this test's context; the app after it is built here on the same database with the new key.
 */
@SpringBootTest(properties = "readingroom.test.context=key-rotation")
@ActiveProfiles("test")
class KeyRotationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    Checkpointer before;

    @Autowired
    LedgerReader ledger;

    @Autowired
    SigningKey oldKey;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ClusterLocks locks;

    @Autowired
    LedgerProperties properties;

    @TempDir
    Path after;

    @Test
    void afterARotationTheOldCheckpointsStillVerifyAndNewOnesUseTheNewKey() {
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "rotation", "before"));
        String oldCheckpoint = before.issue();

        SigningKey newKey = key(List.of(oldKey.signer().verifierKey()));
        LedgerHalt halt = halt(newKey);
        halt.afterSingletonsInstantiated();
        assertThat(halt.halted())
                .as("the newest checkpoint is the retired key's")
                .isFalse();
        Checkpointer rotated = checkpointer(newKey, halt);
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "rotation", "after"));
        String newCheckpoint = rotated.issue();

        assertThat(NoteVerifier.fromVerifierKey(newKey.signer().verifierKey()).open(newCheckpoint))
                .isNotEmpty();
        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(oldKey.signer().verifierKey())
                        .open(newCheckpoint))
                .as("the retired key signs nothing new")
                .isInstanceOf(NoteVerifier.InvalidNoteException.class);
        assertThat(rotated.logPub())
                .isEqualTo(
                        newKey.signer().verifierKey() + "\n" + oldKey.signer().verifierKey() + "\n");
        LedgerVerifier.Report report = new LedgerVerifier(jdbc, ledger, rotated).verify(index -> {});
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.checkpoints()).isGreaterThanOrEqualTo(2);
        // An agency verifies offline with the log.pub of after the rotation, old checkpoints and new.
        assertThat(rotated.verifier().open(oldCheckpoint)).isNotEmpty();
        assertThat(NoteVerifier.fromVerifierKeys(rotated.logPub().lines().toList())
                        .open(oldCheckpoint))
                .isNotEmpty();

        SigningKey forgotten = key(List.of());
        LedgerVerifier.Report without =
                new LedgerVerifier(jdbc, ledger, checkpointer(forgotten, halt(forgotten))).verify(index -> {});
        assertThat(without.intact())
                .as("without the retired key the old checkpoints do not verify")
                .isFalse();
        assertThat(without.problem()).contains("does not verify with the log's keys");
    }

    @Test
    void aMalformedRetiredKeyStopsTheStartWithTheReason() {
        assertThatThrownBy(() -> key(List.of("not a key")))
                .isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("readingroom.ledger.retired-verifier-keys")
                .hasMessageContaining("not a key");
    }

    /** The new signing key (made at its first use, as at a real start), with these retired verifier keys. */
    private SigningKey key(List<String> retired) {
        return new SigningKey(
                new ReadingRoomProperties(after, after, null),
                new LedgerProperties(
                        properties.origin(), Duration.ofMinutes(1), null, after.resolve("new.key"), retired));
    }

    private LedgerHalt halt(SigningKey key) {
        return new LedgerHalt(
                new CheckpointWitness(after.resolve("latest-checkpoint")),
                ledger,
                key,
                jdbc,
                Clock.systemUTC(),
                transactions);
    }

    private Checkpointer checkpointer(SigningKey key, LedgerHalt halt) {
        return new Checkpointer(
                jdbc,
                ledger,
                key,
                Clock.systemUTC(),
                new CheckpointWitness(after.resolve("latest-checkpoint")),
                halt,
                locks,
                transactions);
    }
}
