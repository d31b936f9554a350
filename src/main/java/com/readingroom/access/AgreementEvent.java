package com.readingroom.access;

import java.time.Instant;

/**
 * One entry in an agreement's timeline.
 *
 * @param kind what happened: CREATED, EDITED, ACTIVATED, SUSPENDED, RESUMED, TERMINATED, RENEWED, SCOPE_ADDED,
 *     SCOPE_CHANGED, SCOPE_REMOVED, MACHINE_ACCESS_ALLOWED, MACHINE_ACCESS_WITHDRAWN
 */
public record AgreementEvent(
        Instant at, String actor, String kind, AgreementStatus fromStatus, AgreementStatus toStatus, String detail) {}
