package com.readingroom.source;

/** One line of a file with the commit that last changed it. */
public record BlameLine(int number, String text, CommitSummary commit) {}
