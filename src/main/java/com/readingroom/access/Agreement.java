package com.readingroom.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An agreement between the vendor and one agency.
 *
 * @param storedStatus the status as last set by a program manager; use {@link #statusAt} for the status in force
 * @param statusChangedAt when the stored status last changed, or {@code null} for a draft never changed
 * @param statusReason why it last changed (e.g. the reason for a suspension), or {@code null}
 * @param machineAccess whether the agency's approved tools may read through personal access tokens under it
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
        Instant statusChangedAt,
        String statusReason,
        boolean machineAccess,
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

    /** A sentence saying why this agreement grants nothing at the instant, or {@code null} when it is in force. */
    public String whyNotInForceAt(Instant instant) {
        String name = "Agreement " + reference;
        String reason = statusReason == null || statusReason.isBlank() ? "." : ": " + statusReason;
        return switch (statusAt(instant)) {
            case ACTIVE -> instant.isBefore(validFrom) ? name + " takes effect on " + when(validFrom) + "." : null;
            case EXPIRED -> name + " expired on " + when(validUntil) + ".";
            case SUSPENDED -> name + " is suspended since " + when(statusChangedAt) + reason;
            case TERMINATED -> name + " was terminated on " + when(statusChangedAt) + reason;
            case DRAFT -> name + " is a draft and not yet active.";
        };
    }

    /** Instants as people read them in reasons: to the minute, in UTC, the zone agreements are written in. */
    private static String when(Instant instant) {
        return WHEN.format(instant);
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Whether the agreement grants anything at this instant: active, started and not ended. */
    public boolean isInForceAt(Instant instant) {
        return statusAt(instant) == AgreementStatus.ACTIVE && !instant.isBefore(validFrom);
    }
}
