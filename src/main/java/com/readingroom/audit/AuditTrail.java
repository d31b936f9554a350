package com.readingroom.audit;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/** What auditors do with the log: browse, prove, export and verify it. Auditors only. */
public interface AuditTrail {

    /** Events matching the filter, newest first. */
    List<AuditEntry> find(AuditFilter filter, int offset, int limit);

    int count(AuditFilter filter);

    /** An event with its inclusion proof in the latest checkpoint that covers it, if one does yet. */
    Optional<Proven> prove(long seq);

    /** The event, the checkpoint (signed note) and the base64 hashes of the inclusion proof. */
    record Proven(AuditEntry entry, String checkpoint, List<String> proof) {}

    /** The log's verifier key, to publish. */
    String verifierKey();

    void exportCsv(AuditFilter filter, OutputStream out);

    void exportBundle(AuditFilter filter, OutputStream out);

    /**
     * Verifies the whole stored log against itself and every checkpoint.
     *
     * @param progress told the number of events checked so far, now and then
     */
    Verification verify(LongConsumer progress);

    /** {@code intact}, or the first bad event index and why. */
    record Verification(Instant at, boolean intact, long events, int checkpoints, Long firstBadIndex, String problem) {}

    /** The most recent verification of the whole log (scheduled or asked for), if any ran yet. */
    Optional<Verification> lastVerification();
}
