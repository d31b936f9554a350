package com.readingroom.audit.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start stopped by the signing key says why and what the operator can do, instead of a stack trace. */
class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyUnavailableException cause) {
        return new FailureAnalysis(
                "Reading Room did not start: " + cause.getMessage(),
                "Free space on the data directory's disk (or fix its permissions) and start again. A damaged key"
                        + " is restored from the backup of <data-dir>/keys; only when"
                        + " it is lost for good is it moved aside, so that a new key is made and announced to every"
                        + " agency that verifies the log.",
                cause);
    }
}
