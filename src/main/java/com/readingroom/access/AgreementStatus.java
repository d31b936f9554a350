package com.readingroom.access;

/**
 * The life of an agreement: DRAFT → ACTIVE → (SUSPENDED ↔ ACTIVE) → TERMINATED. EXPIRED is never stored: it follows
 * from the clock (see {@link Agreement#statusAt}), so that no job has to run for an agreement to lapse.
 */
public enum AgreementStatus {
    DRAFT,
    ACTIVE,
    SUSPENDED,
    EXPIRED,
    TERMINATED
}
