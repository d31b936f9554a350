package com.readingroom.source.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of source browsing.
 *
 * @param maxFileSize files larger than this show only their first part
 * @param maxRawFileSize the largest file an approved tool receives whole
 * @param maxDiffLines a diff shows at most this many lines (all files together)
 * @param viewsPerMinute file views per person per minute before further views are slowed and auditors alerted
 * @param holdAfter how long a person may keep reading faster than that before reading is held for a program manager
 * @param slowDown how long each view over the limit is delayed
 * @param packCache how much of the repositories' pack files JGit keeps in memory (one cache for the process)
 * @param deltaCache how many resolved delta bases JGit keeps: a kernel file is often a long chain of deltas
 */
@ConfigurationProperties("readingroom.source")
record SourceProperties(
        @DefaultValue("1MB") DataSize maxFileSize,
        @DefaultValue("64MB") DataSize maxRawFileSize,
        @DefaultValue("20000") int maxDiffLines,
        @DefaultValue("120") int viewsPerMinute,
        @DefaultValue("3m") Duration holdAfter,
        @DefaultValue("500ms") Duration slowDown,
        @DefaultValue("256MB") DataSize packCache,
        @DefaultValue("64MB") DataSize deltaCache) {}
