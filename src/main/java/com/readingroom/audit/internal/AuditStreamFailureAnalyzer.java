package com.readingroom.audit.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start stopped by the audit stream's settings says which setting and why, instead of a stack trace. */
class AuditStreamFailureAnalyzer extends AbstractFailureAnalyzer<AuditStreamMisconfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuditStreamMisconfiguredException cause) {
        return new FailureAnalysis(
                "Reading Room did not start: " + cause.getMessage(),
                "Correct readingroom.audit.stream.* (see docs/operations.md) or remove it, and start again.",
                cause);
    }
}
