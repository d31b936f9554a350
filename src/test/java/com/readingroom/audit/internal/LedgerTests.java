package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.Disclosure;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.audit.internal.merkle.MerkleTree;
import com.readingroom.audit.internal.merkle.Proofs;
import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The ledger on a database of its own: sequencing, checkpoints, proofs, append-only storage and tamper detection. */
@SpringBootTest(properties = "readingroom.test.context=ledger")
@ActiveProfiles("test")
class LedgerTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    LedgerWatch watch;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsAreSequencedWithoutGapsAndCheckpointsSignTheTreeHead() {
        long first = auditLog.append(AuditRecord.of(AuditAction.EXPORT, "bundle", "ünïcödé \"quoted\" \n line"));
        long second = auditLog.append(AuditRecord.of(AuditAction.EXPORT, "bundle", null));
        assertThat(second).isEqualTo(first + 1);

        String leaf = jdbc.queryForObject("select leaf from audit_event where seq = ?", String.class, first);
        assertThat(leaf)
                .startsWith("{\"seq\":" + first + ",\"time\":\"")
                .contains(
                        "\"actor\":\"system\",\"action\":\"EXPORT\",\"agency\":null,\"agreement\":null,\"scope\":null,"
                                + "\"target\":\"bundle\",\"detail\":\"ünïcödé \\\"quoted\\\" \\n line\","
                                + "\"repository\":null,\"ref\":null,\"commit\":null,\"path\":null,\"blob\":null,"
                                + "\"contentHash\":null,\"lines\":null,\"hits\":[],\"client\":")
                .doesNotContain(": ", ", ");

        String note = checkpointer.issue();
        Checkpoint checkpoint = Checkpoint.parse(
                NoteVerifier.fromVerifierKey(checkpointer.verifierKey()).open(note));
        assertThat(checkpoint.origin()).isEqualTo("readingroom.example/audit-log");
        assertThat(checkpoint.size()).isGreaterThan(second);
        assertThat(checkpointer.issue()).as("same size, same checkpoint").isEqualTo(note);

        MerkleTree tree = new MerkleTree(new JdbcNodes(jdbc));
        byte[] leafHash = Hashes.leaf(leaf.getBytes(StandardCharsets.UTF_8));
        List<byte[]> proof = tree.inclusionProof(first, checkpoint.size());
        assertThat(Proofs.verifyInclusion(first, checkpoint.size(), leafHash, proof, checkpoint.rootHash()))
                .isTrue();
        assertThat(verifier.verify(index -> {}).intact()).isTrue();
    }

    @Test
    void aDisclosureIsRecordedFieldByField() {
        long seq = auditLog.append(new AuditRecord(
                AuditAction.FILE_VIEW,
                7L,
                "RR-2026-001",
                3L,
                "windows-kernel:src/mm/pool.c",
                null,
                new Disclosure(
                        "windows-kernel",
                        "refs/tags/release/1.0",
                        "0123456789abcdef0123456789abcdef01234567",
                        "src/mm/pool.c",
                        "89abcdef0123456789abcdef0123456789abcdef",
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        412,
                        List.of())));

        assertThat(jdbc.queryForObject("select leaf from audit_event where seq = ?", String.class, seq))
                .contains("\"agency\":7,\"agreement\":\"RR-2026-001\",\"scope\":3,")
                .contains("\"repository\":\"windows-kernel\",\"ref\":\"refs/tags/release/1.0\","
                        + "\"commit\":\"0123456789abcdef0123456789abcdef01234567\",\"path\":\"src/mm/pool.c\",")
                .contains("\"lines\":412,\"hits\":[]");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheLedger() {
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "t", null));
        checkpointer.issue();
        for (String change : List.of(
                "update audit_event set detail = 'x' where seq = 0",
                "delete from audit_event where seq = 0",
                "update ledger_node set hash = 'x' where level = 0 and idx = 0",
                "delete from ledger_node",
                "update ledger_checkpoint set note = 'x'",
                "delete from ledger_checkpoint",
                "update ledger_head set size = 0",
                "delete from ledger_head")) {
            assertThatThrownBy(() -> jdbc.update(change)).as(change).isInstanceOf(DataAccessException.class);
        }
        assertThat(verifier.verify(index -> {}).intact()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneGapFreeSequenceThatVerifies() throws Exception {
        int threads = 32;
        int perThread = 1_000;
        long before = jdbc.queryForObject("select size from ledger_head", Long.class);
        List<Future<List<Long>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(auditLog.append(AuditRecord.of(AuditAction.EXPORT, "thread " + thread, "event " + i)));
                    }
                    return seqs;
                }));
            }
            // Verifying while the writers run must judge the log as committed when it started, not raise an alarm.
            Thread.sleep(200);
            LedgerVerifier.Report during = verifier.verify(index -> {});
            assertThat(during.intact()).as(during.problem()).isTrue();
        }
        Set<Long> seen = new HashSet<>();
        for (Future<List<Long>> result : results) {
            seen.addAll(result.get());
        }
        assertThat(seen).hasSize(threads * perThread);
        assertThat(seen).allMatch(seq -> seq >= before && seq < before + threads * perThread);
        checkpointer.issue();
        LedgerVerifier.Report report = verifier.verify(index -> {});
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.events()).isEqualTo(before + threads * perThread);
    }

    @Test
    void theVerifierNamesTheFirstEventThatWasChangedDeletedOrMoved() {
        for (int i = 0; i < 20; i++) {
            auditLog.append(AuditRecord.of(AuditAction.EXPORT, "tamper", "event " + i));
        }
        checkpointer.issue();
        long victim = jdbc.queryForObject("select size from ledger_head", Long.class) - 10;
        String leaf = jdbc.queryForObject("select leaf from audit_event where seq = ?", String.class, victim);
        String neighbour = jdbc.queryForObject("select leaf from audit_event where seq = ?", String.class, victim + 1);

        withoutTriggers(() ->
                jdbc.update("update audit_event set leaf = ? where seq = ?", leaf.replace("tamper", "tampeR"), victim));
        assertThat(verifier.verify(index -> {})).satisfies(report -> {
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBadIndex()).isEqualTo(victim);
            assertThat(report.problem()).contains("do not match its hash");
        });

        withoutTriggers(() -> {
            jdbc.update("update audit_event set leaf = ? where seq = ?", neighbour, victim);
            jdbc.update("update audit_event set leaf = ? where seq = ?", leaf, victim + 1);
        });
        assertThat(verifier.verify(index -> {}).firstBadIndex()).isEqualTo(victim);

        withoutTriggers(() -> {
            jdbc.update("update audit_event set leaf = ? where seq = ?", leaf, victim);
            jdbc.update("update audit_event set leaf = ? where seq = ?", neighbour, victim + 1);
        });
        assertThat(verifier.verify(index -> {}).intact()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where seq = ?", victim);
        withoutTriggers(() -> jdbc.update("delete from audit_event where seq = ?", victim));
        assertThat(verifier.verify(index -> {})).satisfies(report -> {
            assertThat(report.firstBadIndex()).isEqualTo(victim);
            assertThat(report.problem()).contains("missing");
        });

        // Put the row back, so that the other tests find an intact ledger whatever order they run in.
        String columns = String.join(", ", row.keySet());
        String placeholders =
                String.join(", ", row.keySet().stream().map(column -> "?").toList());
        jdbc.update(
                "insert into audit_event (" + columns + ") values (" + placeholders + ")",
                row.values().toArray());
        assertThat(verifier.verify(index -> {}).intact()).isTrue();
    }

    /** What an intruder with database rights would do: lift the guard, change history, put the guard back. */
    private void withoutTriggers(Runnable change) {
        jdbc.execute("drop trigger audit_event_append_only");
        try {
            change.run();
        } finally {
            jdbc.execute("create trigger audit_event_append_only before update, delete on audit_event for each row"
                    + " call \"com.readingroom.audit.internal.LedgerTriggers$RefuseChange\"");
        }
    }
}
