package com.readingroom.access;

import java.time.Instant;

/**
 * The answer of {@link AccessPolicy} for one request: ALLOW naming the agreement and scope that allow it, or DENY with
 * a reason a person understands.
 *
 * @param path the normalised path the decision is about (the requested one when it could not be normalised)
 */
public record AccessDecision(
        Outcome outcome,
        String reason,
        Long agreementId,
        String agreementReference,
        Long scopeId,
        Long agencyId,
        String repository,
        String ref,
        String path,
        Instant instant) {

    public enum Outcome {
        ALLOW,
        DENY
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
