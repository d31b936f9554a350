package com.readingroom.search.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of code search.
 *
 * @param indexDir where the index lives; {@code null}: {@code search-index} under the data directory
 * @param updateInterval how often the repositories are checked for new commits and tags
 * @param indexOnStartup whether the first update runs as soon as the application is ready
 * @param threads indexing threads (each with its own universal-ctags process); {@code 0}: one per processor
 * @param ctags the universal-ctags command
 * @param ctagsTimeout how long one file may take ctags before it is indexed without definitions
 * @param maxFileSize only the first part of larger files is indexed: as much as the file view shows
 * @param ramBuffer what the index writer buffers before it flushes a segment
 * @param regexBudget how long a regular expression may confirm candidates before the first page is cut short
 */
@ConfigurationProperties("readingroom.search")
record SearchProperties(
        Path indexDir,
        @DefaultValue("5m") Duration updateInterval,
        @DefaultValue("true") boolean indexOnStartup,
        @DefaultValue("0") int threads,
        @DefaultValue("ctags") String ctags,
        @DefaultValue("10s") Duration ctagsTimeout,
        @DefaultValue("1MB") DataSize maxFileSize,
        @DefaultValue("256MB") DataSize ramBuffer,
        @DefaultValue("3s") Duration regexBudget) {

    int indexingThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
