package com.readingroom.audit.internal;

/** The checkpoint signing key cannot be read or made; the application does not start without it. */
class SigningKeyUnavailableException extends RuntimeException {

    SigningKeyUnavailableException(String message) {
        super(message);
    }

    SigningKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
