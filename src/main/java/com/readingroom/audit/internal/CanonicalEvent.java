package com.readingroom.audit.internal;

import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.Disclosure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The leaf bytes of an audit event: compact JSON (RFC 8259, UTF-8, no insignificant whitespace) with the fields
 * always in this order and always present ({@code null} when empty). These exact bytes are hashed into the Merkle
 * tree and written as the event's line in an export's {@code events.jsonl}, so anyone can re-hash them.
 */
final class CanonicalEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CanonicalEvent() {}

    /** Times are kept to the microsecond, which both H2 and PostgreSQL store exactly. */
    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param client the client's address, or {@code null} when the action did not come from a request
     * @param session the HTTP session id, or {@code null}
     */
    static String encode(long seq, Instant at, String actor, AuditRecord record, String client, String session) {
        ObjectNode event = JSON.createObjectNode();
        event.put("seq", seq);
        event.put("time", truncate(at).toString());
        event.put("actor", actor);
        event.put("action", record.action().name());
        putOrNull(event, "agency", record.agencyId());
        event.put("agreement", record.agreement());
        putOrNull(event, "scope", record.scopeId());
        event.put("target", record.target());
        event.put("detail", record.detail());
        Disclosure disclosure = record.disclosure();
        event.put("repository", disclosure == null ? null : disclosure.repository());
        event.put("ref", disclosure == null ? null : disclosure.ref());
        event.put("commit", disclosure == null ? null : disclosure.commit());
        event.put("path", disclosure == null ? null : disclosure.path());
        event.put("blob", disclosure == null ? null : disclosure.blob());
        event.put("contentHash", disclosure == null ? null : disclosure.contentHash());
        if (disclosure == null || disclosure.lines() == null) {
            event.putNull("lines");
        } else {
            event.put("lines", disclosure.lines());
        }
        ArrayNode hits = event.putArray("hits");
        if (disclosure != null) {
            disclosure.hits().forEach(hits::add);
        }
        event.put("client", client);
        event.put("session", session);
        return JSON.writeValueAsString(event);
    }

    static byte[] bytes(String leaf) {
        return leaf.getBytes(StandardCharsets.UTF_8);
    }

    private static void putOrNull(ObjectNode event, String field, Long value) {
        if (value == null) {
            event.putNull(field);
        } else {
            event.put(field, value);
        }
    }
}
