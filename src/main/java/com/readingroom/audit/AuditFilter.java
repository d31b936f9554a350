package com.readingroom.audit;

import java.time.Instant;
import java.util.List;

/**
 * Which events an auditor looks at or exports. Every field is optional ({@code null}: any).
 *
 * @param repositories the repositories a disclosure or refusal concerned (a product's, say); empty: any
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
        List<String> repositories,
        String pathPrefix,
        Outcome outcome,
        Instant since,
        Instant until) {

    public AuditFilter {
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }

    /** Whether the recorded action was allowed or refused. */
    public enum Outcome {
        ALLOWED,
        DENIED
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, List.of(), null, null, null, null);
    }
}
