package com.readingroom.source;

/**
 * One entry of a folder listing.
 *
 * @param path the entry's full path in the repository
 * @param size the file's size in bytes, {@code -1} for folders and submodules
 * @param target for a symbolic link, where it points (shown, never followed); for a submodule, the commit it pins
 */
public record TreeEntry(String name, String path, Kind kind, long size, String target) {

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
