package com.readingroom.audit.internal.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of a growing tree in O(log n) memory: only the roots of the perfect subtrees along its right edge are
 * kept, merged as leaves arrive. What a verifier needs to re-hash a whole log, however long, without holding it.
 *
 * <p>Not thread-safe.
 */
public final class CompactRange {

    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private long size;

    /** Adds the next leaf, given its hash ({@link Hashes#leaf}). */
    public void append(byte[] leafHash) {
        byte[] hash = leafHash;
        int level = 0;
        while (!levels.isEmpty() && levels.getLast() == level) {
            hash = Hashes.node(hashes.removeLast(), hash);
            levels.removeLast();
            level++;
        }
        hashes.add(hash);
        levels.add(level);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of all leaves so far: the right-edge subtrees folded from the right, as RFC 9162's recursion does. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return Hashes.empty();
        }
        byte[] root = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = Hashes.node(hashes.get(i), root);
        }
        return root;
    }
}
