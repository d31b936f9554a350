package com.readingroom.source;

/** A whole file was asked for that is larger than the portal hands out in one piece. Nothing was disclosed. */
public class FileTooLargeException extends RuntimeException {

    public FileTooLargeException(String message) {
        super(message);
    }
}
