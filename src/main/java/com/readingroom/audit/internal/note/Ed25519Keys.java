package com.readingroom.audit.internal.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Raw 32-byte Ed25519 keys, as signed notes carry them, to and from the JDK's own EdDSA keys. The JDK encodes them
 * with fixed ASN.1 prefixes (RFC 8410), so the conversion is a prefix added or removed.
 */
final class Ed25519Keys {

    private static final byte[] PUBLIC_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PRIVATE_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519Keys() {}

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static byte[] raw(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(PUBLIC_PREFIX, raw)));
    }

    static PrivateKey privateKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PRIVATE_PREFIX, raw)));
    }

    private static byte[] concat(byte[] prefix, byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("An Ed25519 key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(raw, 0, encoded, prefix.length, 32);
        return encoded;
    }
}
