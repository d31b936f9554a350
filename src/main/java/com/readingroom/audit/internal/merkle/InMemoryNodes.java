package com.readingroom.audit.internal.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Perfect-subtree hashes kept in memory, level by level: for the offline verifier (which rebuilds the tree from an
 * export) and for tests. Not thread-safe.
 */
public final class InMemoryNodes implements Nodes {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree(this);
    private long size;

    /** Appends a leaf (its bytes) and stores every subtree it completes. */
    public void append(byte[] leafBytes) {
        for (MerkleTree.StoredNode node : tree.nodesCompletedBy(size, Hashes.leaf(leafBytes))) {
            while (levels.size() <= node.level()) {
                levels.add(new ArrayList<>());
            }
            levels.get(node.level()).add(node.hash());
        }
        size++;
    }

    public long size() {
        return size;
    }

    public MerkleTree tree() {
        return tree;
    }

    @Override
    public byte[] node(int level, long index) {
        if (level >= levels.size() || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("Node " + level + "/" + index + " is not complete in a tree of " + size);
        }
        return levels.get(level).get(Math.toIntExact(index));
    }
}
