package com.readingroom.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param origin the log's name, the first line of every checkpoint and the name of its signing key
 * @param checkpointInterval how often a checkpoint is issued while events arrive
 */
@ConfigurationProperties("readingroom.ledger")
record LedgerProperties(
        @DefaultValue("readingroom.example/audit-log") String origin,
        @DefaultValue("60s") Duration checkpointInterval) {}
