package com.readingroom.audit;

import java.time.Instant;

/**
 * Which events an auditor looks at or exports. Every field is optional ({@code null}: any).
 *
 * @param since inclusive
 * @param until exclusive
 */
public record AuditFilter(
        Long agencyId, String agreement, String actor, AuditAction action, Instant since, Instant until) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
