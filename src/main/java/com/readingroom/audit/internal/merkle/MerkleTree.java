package com.readingroom.audit.internal.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs of RFC 9162 §2.1 over stored perfect subtrees. The recursive definitions of the RFC (MTH,
 * PATH, SUBPROOF) are followed literally; what makes them cheap is that every left child in that recursion is a
 * perfect, aligned subtree, which {@link Nodes} answers with one lookup.
 *
 * <p>Thread-safe if the {@link Nodes} are.
 */
public final class MerkleTree {

    private final Nodes nodes;

    public MerkleTree(Nodes nodes) {
        this.nodes = nodes;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("A tree size cannot be negative: " + size);
        }
        return size == 0 ? Hashes.empty() : hash(0, size);
    }

    /** PATH(index, D[0:size]): the audit path proving leaf {@code index} is in the tree of {@code size}. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(from, D[0:to]): proves the tree of size {@code from} is a prefix of the tree of size {@code to}. */
    public List<byte[]> consistencyProof(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("No consistency proof from size " + from + " to size " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    /** MTH(D[start:end]); {@code start} is always aligned on the largest power of two below the range's size. */
    private byte[] hash(long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1 && start % size == 0) {
            return nodes.node(Long.numberOfTrailingZeros(size), start / size);
        }
        long k = largestPowerOfTwoBelow(size);
        return Hashes.node(hash(start, start + k), hash(start + k, end));
    }

    private void path(long index, long start, long end, List<byte[]> proof) {
        long size = end - start;
        if (size <= 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (index < start + k) {
            path(index, start, start + k, proof);
            proof.add(hash(start + k, end));
        } else {
            path(index, start + k, end, proof);
            proof.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> proof) {
        long size = end - start;
        if (m == size) {
            if (!complete) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (m <= k) {
            subproof(m, start, start + k, complete, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The perfect subtrees that leaf {@code index} completes, bottom-up, starting with the leaf itself at level 0:
     * what to store when the leaf is appended. A leaf at an odd index completes its parent, and so on upwards.
     *
     * @param leafHash the leaf's hash, {@link Hashes#leaf} of its bytes
     */
    public List<StoredNode> nodesCompletedBy(long index, byte[] leafHash) {
        List<StoredNode> completed = new ArrayList<>();
        completed.add(new StoredNode(0, index, leafHash));
        byte[] current = leafHash;
        long position = index;
        int level = 0;
        while ((position & 1) == 1) {
            byte[] left = nodes.node(level, position - 1);
            current = Hashes.node(left, current);
            level++;
            position >>= 1;
            completed.add(new StoredNode(level, position, current));
        }
        return completed;
    }

    /** A node to store: the root of leaves {@code [index·2^level, (index+1)·2^level)}. */
    public record StoredNode(int level, long index, byte[] hash) {}
}
