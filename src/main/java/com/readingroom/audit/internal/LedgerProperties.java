package com.readingroom.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param origin the log's name, the first line of every checkpoint and the name of its signing key
 * @param checkpointInterval how often a checkpoint is issued while events arrive
 * @param checkpointFile where the newest checkpoint is also kept, outside the database; {@code null} for
 *     {@code <data-dir>/ledger/latest-checkpoint}. One file belongs to one log: two installations must not share it;
 *     each node of a cluster keeps its own
 * @param signingKeyFile the checkpoint signing key; {@code null} for {@code <data-dir>/keys/audit-log.key}. Every node
 *     of a cluster has the same key (a shared file, or a copy of it)
 * @param retiredVerifierKeys the verifier keys of signing keys this log used before a rotation: the checkpoints they
 *     signed stay verifiable (see docs/operations.md); only the public keys, never the retired signing keys
 */
@ConfigurationProperties("readingroom.ledger")
record LedgerProperties(
        @DefaultValue("readingroom.example/audit-log") String origin,
        @DefaultValue("60s") Duration checkpointInterval,
        Path checkpointFile,
        Path signingKeyFile,
        @DefaultValue("") List<String> retiredVerifierKeys) {}
