package com.readingroom.source;

import java.util.regex.Pattern;

/**
 * Where in a repository a view looks: a repository, a revision and a path inside it.
 *
 * @param revision a full ref name ({@code refs/tags/release/1.0}) or a full 40-hex commit id (as in permalinks)
 * @param path the path inside the repository, {@code ""} for its root; judged and normalised by the access policy
 */
public record RepoPath(String repository, String revision, String path) {

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");

    public RepoPath {
        path = path == null ? "" : path;
    }

    public static RepoPath root(String repository, String revision) {
        return new RepoPath(repository, revision, "");
    }

    public RepoPath withPath(String other) {
        return new RepoPath(repository, revision, other);
    }

    public RepoPath withRevision(String other) {
        return new RepoPath(repository, other, path);
    }

    /** Whether the revision names a commit rather than a branch or tag. */
    public boolean isCommitId() {
        return revision != null && COMMIT_ID.matcher(revision).matches();
    }
}
