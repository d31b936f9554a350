package com.readingroom.access;

import com.readingroom.identity.MachinePrincipal;
import java.util.List;

/**
 * Personal access tokens for approved tools (machine access). A reviewer creates them for themselves, each scoped to
 * one agreement of their agency that allows machine access, expiring within {@link #MAX_DAYS} days, revocable. What a
 * token's call may read is decided by {@link AccessPolicy} like any other request, through that agreement only and
 * only while it allows machine access; this service only says who is calling.
 *
 * <p>Creating, listing and revoking act for the person signed in to the browser; a token cannot make tokens.
 */
public interface AccessTokens {

    int MAX_DAYS = 30;

    /** The agreements of the signed-in reviewer's agency that are in force and allow machine access now. */
    List<Agreement> machineAgreements();

    /**
     * Creates a token. The secret is in the answer and nowhere else.
     *
     * @throws IllegalArgumentException if the name is blank or too long, or the days are not 1 to {@link #MAX_DAYS}
     * @throws IllegalStateException if the agreement is not one of the agency's in force that allows machine access
     */
    IssuedToken issue(long agreementId, String name, int days);

    /** The signed-in person's tokens, newest first. */
    List<AccessToken> mine();

    /**
     * Revokes one of the signed-in person's tokens: refused from the next call on.
     *
     * @throws IllegalArgumentException if the person has no such token
     */
    AccessToken revoke(long tokenId);

    /**
     * Who presents the secret: its owner through its agreement.
     *
     * @throws InvalidTokenException if it is malformed, unknown, expired or revoked, or its owner is disabled
     */
    MachinePrincipal authenticate(String secret);

    /** A token just created, with its secret (shown once). */
    record IssuedToken(AccessToken token, String secret) {}

    /** A presented token that does not authenticate; the message says why, without echoing the secret. */
    class InvalidTokenException extends RuntimeException {

        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
