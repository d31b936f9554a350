package com.readingroom.access;

/**
 * Published inside the transaction that moves an agreement's stored status (activated, suspended, resumed,
 * terminated). Listeners that act on the outside world (ending sessions) should do so after the commit.
 */
public record AgreementStatusChanged(long agreementId, String reference, long agencyId, AgreementStatus status) {}
