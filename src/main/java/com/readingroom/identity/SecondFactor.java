package com.readingroom.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The second factor of local accounts: a time-based one-time password (RFC 6238, an authenticator app), required for
 * the roles that manage agreements and read the audit log. A browser sign-in with the right password alone gives a
 * <em>pending</em> authentication, which no service and no screen but the second-factor one accepts; the right code
 * turns it into the person's full sign-in.
 */
public interface SecondFactor {

    /** The only authority of a pending sign-in. */
    String PENDING_ROLE = "PENDING_SECOND_FACTOR";

    String PENDING_AUTHORITY = "ROLE_" + PENDING_ROLE;

    static boolean pending(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> PENDING_AUTHORITY.equals(authority.getAuthority()));
    }

    /**
     * After the password: the same authentication when the person's roles need no second factor, else a pending one.
     */
    Authentication afterPassword(Authentication passwordChecked);

    /**
     * For the person whose sign-in is pending and who has no confirmed second factor yet: the secret to add to an
     * authenticator app (made now, kept until confirmed). Empty when the person already has one.
     */
    Optional<Enrollment> enrollment();

    /**
     * Checks the pending person's code (and confirms a new enrolment with it).
     *
     * @return the full authentication, to put in the session
     * @throws WrongCodeException when the code is not the current one or was used already (counted like a wrong
     *     password)
     */
    Authentication verify(String code);

    /**
     * Gives a person a known secret, confirmed (program managers; for installations that hand out authenticators,
     * and for the demo accounts).
     */
    void enroll(String username, String base32Secret);

    /** Removes a person's second factor: the next sign-in enrols again (program managers; recorded). */
    void reset(String username);

    /**
     * @param secret the Base32 secret, for typing in
     * @param uri the {@code otpauth://totp/…} URI an authenticator app reads from the QR code
     */
    record Enrollment(String secret, String uri) {}

    /** A code that does not sign in, in words a person understands. */
    final class WrongCodeException extends RuntimeException {

        public WrongCodeException(String message) {
            super(message);
        }
    }
}
