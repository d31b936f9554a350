package com.readingroom.access;

import java.time.Instant;
import java.util.List;

/**
 * An agreement between the vendor and one agency.
 *
 * @param storedStatus the status as last set by a program manager; use {@link #statusAt} for the status in force
 */
public record Agreement(
        long id,
        String reference,
        long agencyId,
        String agencyName,
        String title,
        String terms,
        Instant validFrom,
        Instant validUntil,
        AgreementStatus storedStatus,
        List<Scope> scopes) {

    public Agreement {
        scopes = List.copyOf(scopes);
    }

    /** The status in force at an instant: an active or suspended agreement past its end has expired. */
    public AgreementStatus statusAt(Instant instant) {
        boolean lapsed = !instant.isBefore(validUntil);
        if (lapsed && (storedStatus == AgreementStatus.ACTIVE || storedStatus == AgreementStatus.SUSPENDED)) {
            return AgreementStatus.EXPIRED;
        }
        return storedStatus;
    }

    /** Whether the agreement grants anything at this instant: active, started and not ended. */
    public boolean isInForceAt(Instant instant) {
        return statusAt(instant) == AgreementStatus.ACTIVE && !instant.isBefore(validFrom);
    }
}
