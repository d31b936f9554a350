package com.readingroom.source;

/** A repository could not be read (a damaged or missing repository on disk). The message is fit to show. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
