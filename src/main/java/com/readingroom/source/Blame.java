package com.readingroom.source;

import java.util.List;

/** A file's lines, each with the commit that last changed it. */
public record Blame(RepoPath at, String ref, String commitId, String language, List<BlameLine> lines) {

    public Blame {
        lines = List.copyOf(lines);
    }
}
