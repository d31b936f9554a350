package com.readingroom.source;

import com.readingroom.identity.Person;
import java.util.List;

/**
 * Reviewers' private notes. A note is shared with the reviewers of the author's agency and nobody else (not the
 * vendor, not auditors: the audit log records that a note was added and where, never its text), and is shown only
 * while its file is still readable by the person asking.
 */
public interface ReviewerNotes {

    /** The notes of the person's agency on one file, at any commit, oldest first. */
    List<ReviewerNote> on(Person person, String repository, String path);

    /** The notes of the person's agency in a repository, newest first. */
    List<ReviewerNote> in(Person person, String repository);

    /**
     * Adds a note on lines of a file at a commit the person may read.
     *
     * @throws com.readingroom.access.AccessDeniedException when the person may not read the file there (audited)
     * @throws IllegalArgumentException for an empty or too long note or bad line numbers
     */
    ReviewerNote add(Person person, RepoPath at, int fromLine, int toLine, String body);
}
