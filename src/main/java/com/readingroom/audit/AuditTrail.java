package com.readingroom.audit;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.LongConsumer;

/** What auditors do with the log: browse, prove, export and verify it. Auditors only. */
public interface AuditTrail {

    /** Events matching the filter, newest first. */
    List<AuditEntry> find(AuditFilter filter, int offset, int limit);

    /** Events matching the filter in log order (which is time order), newest or oldest first. */
    List<AuditEntry> find(AuditFilter filter, boolean newestFirst, int offset, int limit);

    int count(AuditFilter filter);

    /** An event with its inclusion proof in the latest checkpoint that covers it, if one does yet. */
    Optional<Proven> prove(long seq);

    /** The event, the checkpoint (signed note) and the base64 hashes of the inclusion proof. */
    record Proven(AuditEntry entry, String checkpoint, List<String> proof) {}

    /** Counts for the auditors' charts over the days since {@code since}. */
    Summary summarize(Instant since);

    /**
     * @param eventsPerDayAndAgency day (ISO date, UTC) → agency id (or {@code null} for vendor staff) → events
     * @param deniedPerDay day → refusals
     * @param topFiles {@code repository:path} of the most viewed files, with their view counts, most viewed first
     */
    record Summary(
            SortedMap<String, Map<Long, Long>> eventsPerDayAndAgency,
            SortedMap<String, Long> deniedPerDay,
            List<Map.Entry<String, Long>> topFiles) {}

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
