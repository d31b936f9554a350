package com.readingroom.source;

import java.time.Instant;

/**
 * A branch or tag the person may read.
 *
 * @param name the full ref name, e.g. {@code refs/tags/release/1.0}
 * @param commitId the full id of the commit it points to
 * @param committed when that commit was made
 */
public record SourceRef(String name, String commitId, Instant committed) {

    public boolean isTag() {
        return name.startsWith("refs/tags/");
    }

    /** The name without {@code refs/heads/} or {@code refs/tags/}. */
    public String shortName() {
        return shortName(name);
    }

    public static String shortName(String ref) {
        if (ref.startsWith("refs/heads/")) {
            return ref.substring("refs/heads/".length());
        }
        if (ref.startsWith("refs/tags/")) {
            return ref.substring("refs/tags/".length());
        }
        return ref;
    }
}
