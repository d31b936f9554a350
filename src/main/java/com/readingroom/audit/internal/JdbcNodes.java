package com.readingroom.audit.internal;

import com.readingroom.audit.internal.merkle.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored complete subtrees of the ledger's Merkle tree, read with the caller's connection and transaction.
 * {@link #prefetched} answers a whole proof or root with one query: which nodes the RFC's recursion visits depends
 * only on the sizes, never on the hashes, so a dry run with placeholder hashes names them all first.
 */
final class JdbcNodes implements Nodes {

    private final JdbcTemplate jdbc;

    JdbcNodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The nodes {@code computation} will ask for, fetched in one query, as {@link Nodes} for the real run. */
    <T> T prefetched(Function<Nodes, T> computation) {
        Set<List<Long>> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(List.of((long) level, index));
            return PLACEHOLDER;
        });
        if (wanted.isEmpty()) {
            return computation.apply(this);
        }
        Map<List<Long>, byte[]> found = new HashMap<>();
        List<Object> arguments = new ArrayList<>();
        wanted.forEach(node -> {
            arguments.add(node.get(0).intValue());
            arguments.add(node.get(1));
        });
        String where = String.join(
                " or ", wanted.stream().map(node -> "(level = ? and idx = ?)").toList());
        jdbc.query(
                "select level, idx, hash from ledger_node where " + where,
                row -> {
                    found.put(
                            List.of((long) row.getInt(1), row.getLong(2)),
                            HexFormat.of().parseHex(row.getString(3)));
                },
                arguments.toArray());
        return computation.apply((level, index) -> {
            byte[] hash = found.get(List.of((long) level, index));
            if (hash == null) {
                throw new IllegalArgumentException("Ledger node " + level + "/" + index + " is not stored");
            }
            return hash;
        });
    }

    private static final byte[] PLACEHOLDER = new byte[32];

    @Override
    public byte[] node(int level, long index) {
        List<String> hash = jdbc.queryForList(
                "select hash from ledger_node where level = ? and idx = ?", String.class, level, index);
        if (hash.isEmpty()) {
            throw new IllegalArgumentException("Ledger node " + level + "/" + index + " is not stored");
        }
        return HexFormat.of().parseHex(hash.getFirst());
    }
}
