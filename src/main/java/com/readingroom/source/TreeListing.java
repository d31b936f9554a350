package com.readingroom.source;

import java.util.List;

/**
 * The entries of a folder that the person may read, folders first, then by name.
 *
 * @param ref the granted branch or tag the view was allowed through
 * @param commitId the full commit id the listing was read at
 */
public record TreeListing(RepoPath at, String ref, String commitId, List<TreeEntry> entries) {

    public TreeListing {
        entries = List.copyOf(entries);
    }
}
