package com.readingroom.source;

import java.util.List;

/**
 * One page of the commits that touched a path (and that touched something the person may read), newest first.
 *
 * @param offset how many such commits come before this page
 * @param hasMore whether another page follows
 */
public record HistoryPage(
        RepoPath at, String ref, String commitId, List<CommitSummary> commits, int offset, boolean hasMore) {

    public HistoryPage {
        commits = List.copyOf(commits);
    }
}
