package com.readingroom.source;

/**
 * A file's exact bytes, as an approved tool receives them.
 *
 * @param ref the granted branch or tag the read was allowed through
 * @param commitId the full commit id the file was read at
 * @param sha256 SHA-256 (hex) of {@code bytes}: the content hash its audit event records
 */
public record RawFile(RepoPath at, String ref, String commitId, String blobId, byte[] bytes, String sha256) {}
