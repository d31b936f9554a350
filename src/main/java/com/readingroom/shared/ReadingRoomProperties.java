package com.readingroom.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings.
 *
 * @param dataDir where the embedded database, the git repositories and (later) the index and the signing key live
 * @param samplesDir the folder holding the sample products' sources ({@code repos-sample})
 * @param repositoriesDir where the hosted git repositories are kept; {@code null} for {@code <data-dir>/repositories}.
 *     The nodes of a cluster share one (the database names each repository by its path there).
 */
@ConfigurationProperties("readingroom")
public record ReadingRoomProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./repos-sample") Path samplesDir,
        Path repositoriesDir) {

    /** The folder where the hosted git repositories are kept. */
    @Override
    public Path repositoriesDir() {
        return repositoriesDir != null ? repositoriesDir : dataDir.resolve("repositories");
    }
}
