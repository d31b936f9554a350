package com.readingroom.audit.internal.merkle;

/**
 * The stored hashes of a Merkle tree's perfect subtrees: level 0 holds the leaf hashes, level {@code l} index
 * {@code i} the root of leaves {@code [i·2^l, (i+1)·2^l)}. Only complete subtrees are stored, so a stored node never
 * changes as the log grows: a tree of size n needs O(log n) lookups for any root or proof.
 */
public interface Nodes {

    /**
     * @throws IllegalArgumentException if that node is not (yet) complete
     */
    byte[] node(int level, long index);
}
