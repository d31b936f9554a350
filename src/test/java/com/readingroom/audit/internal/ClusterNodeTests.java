package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.AuditUnavailableException;
import com.readingroom.shared.ClusterLocks;
import com.readingroom.shared.ReadingRoomProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a node of a cluster does on its own: another node's view of the ledger is built here from the same database
 * with a checkpoint file (and, where it matters, a signing key) of its own.
 */
@SpringBootTest(properties = "readingroom.test.context=cluster-node")
@ActiveProfiles("test")
class ClusterNodeTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LedgerReader ledger;

    @Autowired
    SigningKey key;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ClusterLocks locks;

    @Autowired
    LedgerProperties ledgerProperties;

    @TempDir
    Path otherNode;

    @Test
    void aNodeFollowsTheNewestCheckpointAnotherNodeSigned() throws Exception {
        CheckpointWitness otherWitness = new CheckpointWitness(otherNode.resolve("latest-checkpoint"));
        LedgerHalt other = node(otherWitness, key);
        other.afterSingletonsInstantiated();
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "cluster", "from this node"));

        String note = checkpointer.issue();
        other.followNewestCheckpoint();

        assertThat(Files.readString(otherWitness.file())).isEqualTo(note);
        assertThat(other.halted()).isFalse();
    }

    @Test
    void aNodeWithAnotherSigningKeyHaltsAtStartAndSaysWhy() {
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "cluster", "signed by the log's key"));
        checkpointer.issue();
        SigningKey foreign = new SigningKey(
                new ReadingRoomProperties(otherNode, otherNode, null),
                new LedgerProperties(
                        ledgerProperties.origin(),
                        Duration.ofMinutes(1),
                        null,
                        otherNode.resolve("another.key"),
                        List.of()));
        LedgerHalt other = node(new CheckpointWitness(otherNode.resolve("latest-checkpoint")), foreign);

        other.afterSingletonsInstantiated();

        assertThat(other.halted()).isTrue();
        assertThatThrownBy(other::requireRunning)
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("not signed by this node's checkpoint signing key")
                .hasMessageContaining("readingroom.ledger.signing-key-file");
        assertThat(Files.exists(otherNode.resolve("latest-checkpoint")))
                .as("a foreign checkpoint is not remembered")
                .isFalse();
    }

    @Test
    void aClusterLockIsHeldByOneHolderAtATime() throws Exception {
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int round = 0; round < 10; round++) {
                    locks.whileHolding("cluster-test", Duration.ofSeconds(30), Duration.ofSeconds(30), () -> {
                        most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        ApiLoad.pause(5);
                        holding.decrementAndGet();
                        return null;
                    });
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThatThrownBy(() -> locks.whileHolding("cluster-test", Duration.ofSeconds(30), Duration.ZERO, () -> {
                    return locks.whileHolding("cluster-test", Duration.ofSeconds(30), Duration.ofMillis(200), () -> 1);
                }))
                .isInstanceOf(ClusterLocks.ClusterLockUnavailableException.class)
                .hasMessageContaining("cluster-test");
    }

    private LedgerHalt node(CheckpointWitness witness, SigningKey signingKey) {
        return new LedgerHalt(witness, ledger, signingKey, jdbc, Clock.systemUTC(), transactions);
    }
}
