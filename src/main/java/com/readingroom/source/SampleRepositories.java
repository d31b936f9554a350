package com.readingroom.source;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns the sample products' sources ({@code repos-sample/<repository>/history.json} plus one folder per commit)
 * into real bare git repositories with a deterministic history: the same samples always give the same commit ids.
 */
public interface SampleRepositories {

    /**
     * Creates, under {@code targetDir}, a bare repository {@code <name>.git} for every sample that does not have one
     * yet; existing repositories are left untouched, so calling this on every start is safe.
     *
     * @throws SampleImportException if a sample is malformed; repositories already made stay as they are
     */
    List<ImportedRepository> importAll(Path samplesDir, Path targetDir);
}
