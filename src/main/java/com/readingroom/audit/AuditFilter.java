package com.readingroom.audit;

import java.time.Instant;

/**
 * Which events an auditor looks at or exports. Every field is optional ({@code null}: any).
 *
 * @param repository the repository a disclosure or refusal concerned
 * @param pathPrefix the start of the path within it
 * @param outcome allowed (everything but refusals) or denied (refusals only)
 * @param since inclusive
 * @param until exclusive
 */
public record AuditFilter(
        Long agencyId,
        String agreement,
        String actor,
        AuditAction action,
        String repository,
        String pathPrefix,
        Outcome outcome,
        Instant since,
        Instant until) {

    /** Whether the recorded action was allowed or refused. */
    public enum Outcome {
        ALLOWED,
        DENIED
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null);
    }
}
