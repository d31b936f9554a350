package com.readingroom.audit.internal.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Key names and key ids of C2SP signed notes. */
final class NoteKeys {

    /** The signature type byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    private NoteKeys() {}

    /** The first four bytes of SHA-256(name ‖ '\n' ‖ type ‖ public key). */
    static byte[] keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(ED25519);
            digest.update(rawPublicKey);
            return Arrays.copyOf(digest.digest(), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    static String hex(byte[] keyId) {
        return HexFormat.of().formatHex(keyId);
    }

    /** A key name is non-empty, without whitespace or '+', as the format requires. */
    static void checkName(String name) {
        if (name == null
                || name.isEmpty()
                || name.contains("+")
                || name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("'" + name + "' is not a valid signed-note key name");
        }
    }
}
