package com.readingroom.access;

import java.util.List;
import java.util.Optional;

/** Agreements between the vendor and agencies, and the scopes they grant. */
public interface Agreements {

    /**
     * Creates an agreement in DRAFT.
     *
     * @throws IllegalArgumentException if the reference is taken, the agency unknown or the window empty
     */
    Agreement createDraft(NewAgreement agreement);

    /**
     * @throws IllegalArgumentException if a pattern is invalid or the product unknown
     */
    Agreement addScope(long agreementId, NewScope scope);

    /**
     * @throws IllegalArgumentException if a pattern is invalid, or no such scope is in the agreement
     */
    Agreement changeScope(long agreementId, long scopeId, NewScope scope);

    /**
     * @throws IllegalArgumentException if no such scope is in the agreement
     */
    Agreement removeScope(long agreementId, long scopeId);

    /**
     * @throws IllegalArgumentException if a field is invalid
     * @throws IllegalStateException if the window is changed after the draft stage
     */
    Agreement edit(long agreementId, AgreementEdit edit);

    /**
     * @throws IllegalStateException if the agreement is not a draft or grants nothing
     */
    Agreement activate(long agreementId);

    /**
     * Allows or withdraws machine access (approved tools reading through personal access tokens) under the agreement.
     * Withdrawing it refuses the agency's tokens for it from the next call on.
     *
     * @throws IllegalStateException when allowing it under a terminated agreement
     */
    Agreement allowMachineAccess(long agreementId, boolean allowed);

    /**
     * Suspends an active agreement: it grants nothing from this instant on.
     *
     * @throws IllegalStateException if the agreement is not active
     * @throws IllegalArgumentException if no reason is given
     */
    Agreement suspend(long agreementId, String reason);

    /**
     * @throws IllegalStateException if the agreement is not suspended, or has expired meanwhile
     */
    Agreement resume(long agreementId);

    /**
     * Ends an agreement for good.
     *
     * @throws IllegalStateException if it is already terminated
     * @throws IllegalArgumentException if no reason is given
     */
    Agreement terminate(long agreementId, String reason);

    /**
     * Moves the end of an active, suspended or expired agreement to a later instant.
     *
     * @throws IllegalStateException if it is a draft or terminated
     * @throws IllegalArgumentException if the new end is not after the current one
     */
    Agreement renew(long agreementId, java.time.Instant newValidUntil);

    List<AgreementEvent> timeline(long agreementId);

    Optional<Agreement> find(long agreementId);

    /** For program managers and auditors. */
    Optional<Agreement> findByReference(String reference);

    /** For program managers and auditors, and for a reviewer asking about their own agency. */
    List<Agreement> ofAgency(long agencyId);

    List<Agreement> list(int offset, int limit);

    int count();
}
