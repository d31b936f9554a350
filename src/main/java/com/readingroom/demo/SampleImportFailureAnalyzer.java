package com.readingroom.demo;

import com.readingroom.source.SampleImportException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken sample into a start-up message a person can act on, instead of a stack trace. */
class SampleImportFailureAnalyzer extends AbstractFailureAnalyzer<SampleImportException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SampleImportException cause) {
        return new FailureAnalysis(
                "Reading Room could not load its demo data: " + cause.getMessage(),
                "Fix the sample under the samples folder (see repos-sample/README.md for the format), point "
                        + "READINGROOM_SAMPLES_DIR at an intact copy, or start without demo data (READINGROOM_DEMO=false).",
                cause);
    }
}
