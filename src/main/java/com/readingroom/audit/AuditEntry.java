package com.readingroom.audit;

import java.time.Instant;

/** One event of the audit log as auditors browse it; {@link #leaf} is its exact bytes in the Merkle tree. */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        Long agencyId,
        String agreement,
        AuditAction action,
        String target,
        String detail,
        String leaf) {}
