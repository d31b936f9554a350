package com.readingroom.audit.internal.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 / RFC 9162 §2.1.1 hashing: SHA-256 with domain separation between leaves (0x00) and nodes (0x01). */
public final class Hashes {

    public static final int SIZE = 32;

    private Hashes() {}

    /** The hash of the empty tree: SHA-256 of no bytes. */
    public static byte[] empty() {
        return sha256().digest();
    }

    /** SHA-256(0x00 ‖ leaf bytes). */
    public static byte[] leaf(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(leaf);
        return digest.digest();
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
