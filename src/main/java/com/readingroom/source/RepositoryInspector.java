package com.readingroom.source;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * What program managers need to know about a repository on disk without reading its source: whether it is a git
 * repository, its branches and tags, and how many files a scope would reach. Never returns file content.
 */
public interface RepositoryInspector {

    /**
     * @throws InvalidRepositoryException if the path is not a readable git repository
     */
    List<RefInfo> refs(Path repository);

    /**
     * Counts the files of the tree at {@code ref} whose repository paths pass the filter.
     *
     * @throws InvalidRepositoryException if the path is not a git repository or the ref does not exist
     */
    FileCount countFiles(Path repository, String ref, Predicate<String> path);

    /**
     * A branch or tag.
     *
     * @param name the full ref name, e.g. {@code refs/tags/release/1.0}
     * @param commit the abbreviated commit id it points to
     */
    record RefInfo(String name, String commit) {

        public boolean isTag() {
            return name.startsWith("refs/tags/");
        }
    }

    /** How many files pass the filter, of how many at that ref. */
    record FileCount(int matching, int total) {}

    /** The path given is not a git repository, or not one that can be read. */
    class InvalidRepositoryException extends RuntimeException {

        public InvalidRepositoryException(String message) {
            super(message);
        }

        public InvalidRepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
