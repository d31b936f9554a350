package com.readingroom.source;

import java.util.List;

/**
 * The change to one file, as lines with their old and new numbers.
 *
 * @param oldPath the path before ({@code null} when added)
 * @param newPath the path after ({@code null} when deleted)
 * @param binary whether the file is binary (no lines are shown)
 * @param truncated whether the change was too long and only its first part is shown
 */
public record FileDiff(
        Change change, String oldPath, String newPath, boolean binary, boolean truncated, List<Line> lines) {

    public FileDiff {
        lines = List.copyOf(lines);
    }

    public enum Change {
        ADDED,
        MODIFIED,
        DELETED,
        RENAMED,
        COPIED
    }

    /** The path to show for the file: the new one unless it was deleted. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    /**
     * A line of a unified diff.
     *
     * @param oldNumber the line's number before (1-based), or 0 for an added line or a hunk header
     * @param newNumber the line's number after, or 0 for a deleted line or a hunk header
     */
    public record Line(Type type, int oldNumber, int newNumber, String text) {

        public enum Type {
            CONTEXT,
            ADDED,
            DELETED,
            HUNK
        }
    }
}
