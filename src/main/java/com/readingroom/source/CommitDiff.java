package com.readingroom.source;

import java.util.List;

/**
 * What changed between two commits, limited to the files the person may read on both sides.
 *
 * @param commit the commit shown (the newer side), with its message
 * @param baseId the commit compared against ({@code null} for a first commit)
 * @param fromRef for a comparison of two refs, the older one; else {@code null}
 */
public record CommitDiff(
        String repository, String ref, CommitSummary commit, String baseId, String fromRef, List<FileDiff> files) {

    public CommitDiff {
        files = List.copyOf(files);
    }
}
