package com.readingroom.search;

/** A query that cannot be run, with what is wrong in words a person understands and where (1-based column). */
public class SearchQueryException extends RuntimeException {

    private final int column;

    public SearchQueryException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** Where the problem is, from 1; 0 when it concerns the whole query. */
    public int column() {
        return column;
    }
}
