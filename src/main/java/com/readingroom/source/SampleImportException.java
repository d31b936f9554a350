package com.readingroom.source;

/** A sample repository's folder or manifest is not as described in {@code repos-sample/README.md}. */
public class SampleImportException extends RuntimeException {

    public SampleImportException(String message) {
        super(message);
    }

    public SampleImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
