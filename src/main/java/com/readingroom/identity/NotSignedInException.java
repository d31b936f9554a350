package com.readingroom.identity;

/** Thrown when an action needs a signed-in person and there is none (or the account was disabled meanwhile). */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException() {
        super("You are not signed in, or your account has been disabled. Please sign in again.");
    }
}
