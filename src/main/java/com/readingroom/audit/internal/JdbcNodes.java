package com.readingroom.audit.internal;

import com.readingroom.audit.internal.merkle.Nodes;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored complete subtrees of the ledger's Merkle tree, read with the caller's connection and transaction. */
final class JdbcNodes implements Nodes {

    private final JdbcTemplate jdbc;

    JdbcNodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

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
