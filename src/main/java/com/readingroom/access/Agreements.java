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
     * @throws IllegalStateException if the agreement is not a draft or grants nothing
     */
    Agreement activate(long agreementId);

    Optional<Agreement> findByReference(String reference);

    List<Agreement> ofAgency(long agencyId);

    List<Agreement> list(int offset, int limit);

    int count();
}
