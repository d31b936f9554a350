package com.readingroom.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings.
 *
 * @param dataDir where the embedded database, the git repositories and (later) the index and the signing key live
 * @param samplesDir the folder holding the sample products' sources ({@code repos-sample})
 */
@ConfigurationProperties("readingroom")
public record ReadingRoomProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./repos-sample") Path samplesDir) {

    /** The folder under the data directory where the hosted git repositories are kept. */
    public Path repositoriesDir() {
        return dataDir.resolve("repositories");
    }
}
