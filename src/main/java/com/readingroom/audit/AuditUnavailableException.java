package com.readingroom.audit;

/**
 * The audit log could not make a record durable. Whatever the record was for must not happen: the caller's
 * transaction rolls back and nothing is disclosed (fail closed). The message is fit to show the person.
 */
public class AuditUnavailableException extends RuntimeException {

    /** The log refuses to record on purpose (it is halted), with why, in words fit to show. */
    public AuditUnavailableException(String message) {
        super(message);
    }

    public AuditUnavailableException(Throwable cause) {
        super(
                "The audit log cannot record this right now, so it was not done and nothing was shown. "
                        + "Please try again in a moment.",
                cause);
    }
}
