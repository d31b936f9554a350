package com.readingroom.source;

import java.time.Instant;
import java.util.List;

/**
 * A commit as listed in a history or shown above a diff.
 *
 * @param message the full commit message
 * @param parents the full ids of its parents
 */
public record CommitSummary(
        String id, String author, String authorEmail, Instant authored, String message, List<String> parents) {

    public CommitSummary {
        parents = List.copyOf(parents);
    }

    public String shortId() {
        return id.substring(0, Math.min(10, id.length()));
    }

    /** The first line of the message. */
    public String subject() {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
