package com.readingroom.source;

/**
 * What was asked for is not there: a ref, a commit or a path of a repository the person may read. Only raised after
 * the access policy allowed the request, so it never tells anyone about what they may not read. The message is fit
 * to show.
 */
public class SourceNotFoundException extends RuntimeException {

    public SourceNotFoundException(String message) {
        super(message);
    }
}
