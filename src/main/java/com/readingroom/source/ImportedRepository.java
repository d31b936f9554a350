package com.readingroom.source;

import java.nio.file.Path;

/**
 * A sample repository turned into a git repository on disk.
 *
 * @param created {@code false} when the repository already existed and was left as it was
 */
public record ImportedRepository(String name, String description, Path path, boolean created) {}
