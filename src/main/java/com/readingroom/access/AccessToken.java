package com.readingroom.access;

import java.time.Instant;

/**
 * A personal access token as its owner sees it after creation: never the secret, which is shown once and kept only
 * as a SHA-256 hash.
 *
 * @param hint the first characters of the secret, to tell tokens apart in a tool's configuration
 * @param lastUsedAt when a call last presented it (to the minute), or {@code null}
 */
public record AccessToken(
        long id,
        String name,
        long agreementId,
        String agreementReference,
        String hint,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public enum State {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    public State stateAt(Instant instant) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return instant.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }
}
