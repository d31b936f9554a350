package com.readingroom.source;

/**
 * One entry of a folder listing.
 *
 * @param path the entry's full path in the repository
 * @param size the file's size in bytes, {@code -1} for folders and submodules
 * @param target for a symbolic link, where it points (shown, never followed); for a submodule, the commit it pins
 * @param lastCommit the newest commit that changed the entry, when it was affordable to find; else {@code null}
 */
public record TreeEntry(String name, String path, Kind kind, long size, String target, CommitSummary lastCommit) {

    public TreeEntry(String name, String path, Kind kind, long size, String target) {
        this(name, path, kind, size, target, null);
    }

    public TreeEntry withLastCommit(CommitSummary commit) {
        return new TreeEntry(name, path, kind, size, target, commit);
    }

    public enum Kind {
        DIRECTORY,
        FILE,
        EXECUTABLE,
        SYMLINK,
        SUBMODULE
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}
