package com.readingroom.source;

/**
 * A file as shown to a reviewer.
 *
 * @param ref the granted branch or tag the view was allowed through
 * @param commitId the full commit id the file was read at (for permalinks)
 * @param blobId the blob's id
 * @param size the whole file's size in bytes
 * @param text the text shown (for TEXT, possibly only the first part; for SYMLINK, the link's target; for SUBMODULE,
 *     the pinned commit); {@code null} for BINARY
 * @param charset the character set the text was decoded with
 * @param truncated whether only the first part of a large file is shown
 * @param lines how many lines are shown
 * @param language the highlighting language ({@code plaintext} when unknown)
 * @param sha256 SHA-256 (hex) of the bytes shown: the part shown of a large file, nothing for a binary one
 */
public record FileContent(
        RepoPath at,
        String ref,
        String commitId,
        String blobId,
        Kind kind,
        long size,
        String text,
        String charset,
        boolean truncated,
        int lines,
        String language,
        String sha256) {

    public enum Kind {
        TEXT,
        BINARY,
        SYMLINK,
        SUBMODULE
    }
}
