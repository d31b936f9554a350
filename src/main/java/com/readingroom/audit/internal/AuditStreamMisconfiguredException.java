package com.readingroom.audit.internal;

/** The audit stream's settings cannot work; the application does not start with them. */
class AuditStreamMisconfiguredException extends RuntimeException {

    AuditStreamMisconfiguredException(String message) {
        super(message);
    }
}
