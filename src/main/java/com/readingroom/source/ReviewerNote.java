package com.readingroom.source;

import java.time.Instant;

/** A reviewer's note on lines of a file at a commit, visible only to reviewers of the same agency. */
public record ReviewerNote(
        long id,
        String author,
        String repository,
        String commitId,
        String path,
        int fromLine,
        int toLine,
        String body,
        Instant created) {

    public String lines() {
        return fromLine == toLine ? String.valueOf(fromLine) : fromLine + "-" + toLine;
    }
}
