package com.readingroom.audit.internal;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One thing pushed to a SIEM: an event (its sequence number and its exact canonical JSON, the bytes the Merkle tree
 * hashes) or a checkpoint (the log size it covers and its signed note). The sequence number lets the receiver drop
 * the duplicates that at-least-once delivery may bring.
 */
record StreamItem(Kind kind, long seq, String action, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Kind {
        EVENT,
        CHECKPOINT
    }

    /** One NDJSON line: {@code {"type":"event","seq":N,"event":{…}}} or {@code {"type":"checkpoint","size":N,…}}. */
    String json() {
        if (kind == Kind.EVENT) {
            // The event's canonical JSON goes in byte for byte, so that the receiver can hash it as the tree does.
            return "{\"type\":\"event\",\"seq\":" + seq + ",\"event\":" + body + "}";
        }
        ObjectNode checkpoint = JSON.createObjectNode();
        checkpoint.put("type", "checkpoint");
        checkpoint.put("size", seq);
        checkpoint.put("note", body);
        return JSON.writeValueAsString(checkpoint);
    }
}
