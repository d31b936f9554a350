package com.readingroom.audit.internal;

import com.readingroom.audit.internal.merkle.CompactRange;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the stored ledger against itself and against every checkpoint: sequence numbers run 0, 1, 2… without a gap;
 * each stored leaf hash and level-0 node is the hash of the stored leaf bytes, whose {@code seq} is the row's; the
 * tree rebuilt from the leaf bytes has, at each checkpoint's size, the checkpoint's root; each checkpoint's signature
 * verifies. Reports the first event index (or checkpoint) that is wrong, and why.
 */
@Component
class LedgerVerifier {

    private static final int PAGE = 10_000;

    private final JdbcTemplate jdbc;
    private final LedgerReader ledger;
    private final Checkpointer checkpointer;

    LedgerVerifier(JdbcTemplate jdbc, LedgerReader ledger, Checkpointer checkpointer) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.checkpointer = checkpointer;
    }

    record Report(boolean intact, long events, int checkpoints, Long firstBadIndex, String problem) {

        static Report ok(long events, int checkpoints) {
            return new Report(true, events, checkpoints, null, null);
        }

        static Report bad(long events, int checkpoints, Long index, String problem) {
            return new Report(false, events, checkpoints, index, problem);
        }
    }

    @Transactional(readOnly = true)
    public Report verify(LongConsumer progress) {
        NoteVerifier notes = checkpointer.verifier();
        // The log as committed when verification starts: events and checkpoints appended meanwhile are left for the
        // next run (every row below the head was committed with it, so this prefix is complete).
        long head = ledger.size();
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<Map<String, Object>> stored =
                jdbc.queryForList("select size, note from ledger_checkpoint where size <= ? order by size", head);
        for (Map<String, Object> row : stored) {
            try {
                checkpoints.add(Checkpoint.parse(notes.open((String) row.get("note"))));
            } catch (RuntimeException invalid) {
                // A checkpoint that is not the log's own (forged, altered, or signed by a key this node does not
                // know) is a failed verification, reported like any other.
                return new Report(
                        false,
                        head,
                        checkpoints.size(),
                        null,
                        "the checkpoint of size " + row.get("size") + " does not verify with the log's keys: "
                                + invalid.getMessage());
            }
        }
        CompactRange rebuilt = new CompactRange();
        Iterator<Checkpoint> pending = checkpoints.iterator();
        Checkpoint next = pending.hasNext() ? pending.next() : null;
        int checked = 0;
        if (next != null && next.size() == 0) {
            next = pending.hasNext() ? pending.next() : null;
            checked++;
        }
        for (long from = 0; ; from += PAGE) {
            List<Row> rows = jdbc.query(
                    "select e.seq, e.leaf, e.leaf_hash, n.hash from audit_event e"
                            + " left join ledger_node n on n.level = 0 and n.idx = e.seq"
                            + " where e.seq >= ? and e.seq < ? order by e.seq limit ?",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    from,
                    head,
                    PAGE);
            for (Row row : rows) {
                long index = rebuilt.size();
                if (row.seq() != index) {
                    return Report.bad(
                            index, checked, index, "event " + index + " is missing (found " + row.seq() + ")");
                }
                String hash = HexFormat.of().formatHex(Hashes.leaf(CanonicalEvent.bytes(row.leaf())));
                if (!hash.equals(row.leafHash()) || !hash.equals(row.node())) {
                    return Report.bad(index, checked, index, "event " + index + "'s bytes do not match its hash");
                }
                if (!row.leaf().startsWith("{\"seq\":" + index + ",")) {
                    return Report.bad(index, checked, index, "event " + index + " carries another sequence number");
                }
                rebuilt.append(HexFormat.of().parseHex(hash));
                while (next != null && next.size() == rebuilt.size()) {
                    if (!java.util.Arrays.equals(rebuilt.root(), next.rootHash())) {
                        return Report.bad(
                                index,
                                checked,
                                index,
                                "the events up to " + index + " do not give checkpoint " + next.size() + "'s root");
                    }
                    checked++;
                    next = pending.hasNext() ? pending.next() : null;
                }
                if (index % 10_000 == 0) {
                    progress.accept(index);
                }
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        long events = rebuilt.size();
        if (next != null) {
            return Report.bad(
                    events,
                    checked,
                    events,
                    "checkpoint " + next.size() + " covers events that are no longer stored (only " + events + ")");
        }
        if (events != head) {
            return Report.bad(
                    events, checked, events, "the head says " + head + " events but " + events + " are stored");
        }
        progress.accept(events);
        return Report.ok(events, checked);
    }

    private record Row(long seq, String leaf, String leafHash, String node) {}
}
