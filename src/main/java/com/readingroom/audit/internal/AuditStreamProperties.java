package com.readingroom.audit.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each new audit event and checkpoint is pushed for a SIEM, at least once, in sequence order.
 *
 * @param webhook an HTTPS URL that receives batches as NDJSON by POST ({@code http://} only to this machine); none by
 *     default
 * @param webhookSecret when set, each batch carries {@code X-ReadingRoom-Signature: sha256=<HMAC of the body>}
 * @param syslogHost a syslog receiver (RFC 5424 over TCP, octet-counted frames, RFC 6587); none by default
 * @param syslogPort its port
 * @param interval how often new events are looked for (one node of the cluster pushes them)
 * @param batchSize events per delivery
 * @param maxBackoff the longest wait between two attempts while a target fails
 */
@ConfigurationProperties("readingroom.audit.stream")
record AuditStreamProperties(
        URI webhook,
        String webhookSecret,
        String syslogHost,
        @DefaultValue("6514") int syslogPort,
        @DefaultValue("2s") Duration interval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5m") Duration maxBackoff) {}
