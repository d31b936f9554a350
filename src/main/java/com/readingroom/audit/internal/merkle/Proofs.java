package com.readingroom.audit.internal.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs, RFC 9162 §2.1.3.2 and §2.1.4.2, step by step. Needs nothing but
 * the proof and the hashes: this is what the offline verifier runs.
 */
public final class Proofs {

    private Proofs() {}

    /** Whether {@code proof} shows the leaf with {@code leafHash} at {@code index} in the tree of {@code size} and {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** Whether {@code proof} shows the tree of {@code fromSize} and {@code fromRoot} is a prefix of the other. */
    public static boolean verifyConsistency(
            long fromSize, long toSize, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (fromSize < 0 || fromSize > toSize) {
            return false;
        }
        if (fromSize == toSize) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (fromSize == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(fromSize) == 1) {
            path.addFirst(fromRoot);
        }
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }
}
