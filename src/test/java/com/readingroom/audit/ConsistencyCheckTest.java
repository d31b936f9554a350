package com.readingroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.audit.internal.merkle.InMemoryNodes;
import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An agency keeps an old checkpoint; later it checks that the log it is shown still extends it. */
class ConsistencyCheckTest {

    private final NoteSigner key = NoteSigner.generate("readingroom.example/audit-log");

    @Test
    void aLogThatGrewExtendsTheOldCheckpoint() {
        InMemoryNodes log = log(12, -1);
        String older = checkpoint(log, 5);
        String newer = checkpoint(log, 12);

        BundleVerifier.Result result =
                BundleVerifier.verifyConsistency(key.verifierKey(), older, newer, proof(log, 5, 12));

        assertThat(result.ok()).as(result.message()).isTrue();
    }

    @Test
    void aLogRewrittenBeforeTheOldCheckpointIsCaught() {
        String older = checkpoint(log(12, -1), 5);
        InMemoryNodes rewritten = log(12, 3);

        BundleVerifier.Result result = BundleVerifier.verifyConsistency(
                key.verifierKey(), older, checkpoint(rewritten, 12), proof(rewritten, 5, 12));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("does NOT extend the log at size 5");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() {
        InMemoryNodes log = log(8, -1);
        String forged = NoteSigner.generate("readingroom.example/audit-log")
                .sign(new Checkpoint(
                                "readingroom.example/audit-log", 8, log.tree().root(8))
                        .text());

        assertThat(BundleVerifier.verifyConsistency(key.verifierKey(), checkpoint(log, 4), forged, proof(log, 4, 8))
                        .message())
                .contains("does not verify");
    }

    private static InMemoryNodes log(int size, int changed) {
        InMemoryNodes log = new InMemoryNodes();
        for (int i = 0; i < size; i++) {
            log.append(
                    ("{\"seq\":" + i + (i == changed ? ",\"rewritten\":true}" : "}")).getBytes(StandardCharsets.UTF_8));
        }
        return log;
    }

    private String checkpoint(InMemoryNodes log, long size) {
        return key.sign(
                new Checkpoint("readingroom.example/audit-log", size, log.tree().root(size)).text());
    }

    private static String proof(InMemoryNodes log, long from, long to) {
        List<byte[]> proof = log.tree().consistencyProof(from, to);
        return proof.stream().map(Base64.getEncoder()::encodeToString).collect(Collectors.joining("\n"));
    }
}
