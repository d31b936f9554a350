package com.readingroom.source.internal;

import java.util.List;

/** The manifest of one sample repository, {@code history.json}. */
record SampleHistory(String description, List<Step> commits) {

    SampleHistory {
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    /**
     * One commit to replay.
     *
     * @param id the folder holding the files this commit adds or replaces
     * @param from for the first commit on a new branch: the tag or branch it starts from
     * @param author {@code Name <email>}
     * @param date ISO-8601 instant
     */
    record Step(
            String id,
            String branch,
            String from,
            String message,
            String author,
            String date,
            List<String> delete,
            List<String> tags) {

        Step {
            delete = delete == null ? List.of() : List.copyOf(delete);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
