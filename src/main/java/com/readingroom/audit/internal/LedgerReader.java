package com.readingroom.audit.internal;

import com.readingroom.audit.AuditFilter;
import com.readingroom.audit.internal.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the ledger: events by filter, checkpoints and proofs. Never writes. */
@Component
class LedgerReader {

    private final JdbcTemplate jdbc;
    private final JdbcNodes nodes;

    LedgerReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.nodes = new JdbcNodes(jdbc);
    }

    /** MTH of the first {@code size} events, its stored nodes read in one query. */
    byte[] root(long size) {
        return nodes.prefetched(stored -> new MerkleTree(stored).root(size));
    }

    /** RFC 9162 inclusion proof, its stored nodes read in one query. */
    List<byte[]> inclusionProof(long index, long size) {
        return nodes.prefetched(stored -> new MerkleTree(stored).inclusionProof(index, size));
    }

    /** RFC 9162 consistency proof, its stored nodes read in one query. */
    List<byte[]> consistencyProof(long from, long to) {
        return nodes.prefetched(stored -> new MerkleTree(stored).consistencyProof(from, to));
    }

    long size() {
        return jdbc.queryForObject("select size from ledger_head where id = 1", Long.class);
    }

    Optional<String> checkpoint(long size) {
        return jdbc.queryForList("select note from ledger_checkpoint where size = ?", String.class, size).stream()
                .findFirst();
    }

    Optional<String> latestCheckpoint() {
        return jdbc
                .queryForList(
                        "select note from ledger_checkpoint where size = (select max(size) from ledger_checkpoint)",
                        String.class)
                .stream()
                .findFirst();
    }

    /** The leaf bytes of events {@code [from, to)} in order. */
    List<String> leaves(long from, long to) {
        return jdbc.queryForList(
                "select leaf from audit_event where seq >= ? and seq < ? order by seq", String.class, from, to);
    }

    /** Streams (seq, leaf) of the events matching the filter below {@code size}, in order. */
    void forEach(AuditFilter filter, long size, Consumer<Event> each) {
        FilterSql where = FilterSql.of(filter);
        List<String> conditions = new ArrayList<>(where.conditions());
        conditions.addFirst("seq < ?");
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.addFirst(size);
        jdbc.query(
                "select seq, leaf from audit_event where " + String.join(" and ", conditions) + " order by seq",
                row -> {
                    each.accept(new Event(row.getLong(1), row.getString(2)));
                },
                arguments.toArray());
    }

    record Event(long seq, String leaf) {}
}
