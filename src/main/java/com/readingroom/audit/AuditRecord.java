package com.readingroom.audit;

/**
 * What a caller asks the audit log to record. The log adds the time, the sequence and the actor (the signed-in
 * person, or the system).
 *
 * @param agencyId the agency concerned, or {@code null}
 * @param agreement the reference of the agreement concerned, or {@code null}
 * @param scopeId the scope concerned, or {@code null}
 * @param target what was acted on (e.g. {@code agreement RR-2026-001}, {@code person nato.reviewer})
 * @param detail what changed or was disclosed, in words
 * @param disclosure for views of source: what exactly was shown, or {@code null}
 */
public record AuditRecord(
        AuditAction action,
        Long agencyId,
        String agreement,
        Long scopeId,
        String target,
        String detail,
        Disclosure disclosure) {

    /** A record that discloses no source (administration, sign-in, refusals). */
    public AuditRecord(
            AuditAction action, Long agencyId, String agreement, Long scopeId, String target, String detail) {
        this(action, agencyId, agreement, scopeId, target, detail, null);
    }

    public static AuditRecord of(AuditAction action, String target, String detail) {
        return new AuditRecord(action, null, null, null, target, detail);
    }
}
