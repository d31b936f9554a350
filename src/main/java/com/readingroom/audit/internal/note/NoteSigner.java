package com.readingroom.audit.internal.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs notes in the C2SP signed-note format with an Ed25519 key: the text, a blank line, and one line
 * {@code — <name> <base64(key id ‖ signature)>}. Keys are kept in the format's own encodings
 * ({@code PRIVATE+KEY+<name>+<id>+<base64>}), which standard tooling reads.
 */
public final class NoteSigner {

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final byte[] keyId;

    private NoteSigner(String name, PrivateKey privateKey, byte[] rawPublicKey) {
        NoteKeys.checkName(name);
        this.name = name;
        this.privateKey = privateKey;
        this.rawPublicKey = rawPublicKey;
        this.keyId = NoteKeys.keyId(name, rawPublicKey);
    }

    /** A new random key. */
    public static NoteSigner generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(name, pair.getPrivate(), Ed25519Keys.raw(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java platform has no Ed25519", e);
        }
    }

    /**
     * Reads a signer key {@code PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>}.
     *
     * @throws IllegalArgumentException if the key is malformed or its id does not match
     */
    public static NoteSigner fromSignerKey(String signerKey) {
        // The base64 part may itself contain '+': split into at most five fields.
        String[] parts = signerKey.strip().split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw new IllegalArgumentException("Not a signed-note signer key");
        }
        byte[] encoded = Base64.getDecoder().decode(parts[4]);
        if (encoded.length != 33 || encoded[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("Not an Ed25519 signer key");
        }
        try {
            PrivateKey privateKey = Ed25519Keys.privateKey(Arrays.copyOfRange(encoded, 1, 33));
            byte[] rawPublic = publicOf(privateKey);
            NoteSigner signer = new NoteSigner(parts[2], privateKey, rawPublic);
            if (!NoteKeys.hex(signer.keyId).equals(parts[3])) {
                throw new IllegalArgumentException("The signer key's id does not match its key");
            }
            return signer;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unreadable Ed25519 signer key", e);
        }
    }

    private static byte[] publicOf(PrivateKey privateKey) throws GeneralSecurityException {
        return Ed25519Public.derive(Ed25519Keys.raw(privateKey));
    }

    public String name() {
        return name;
    }

    /** {@code PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>}: keep secret, outside the database. */
    public String signerKey() {
        return "PRIVATE+KEY+" + name + "+" + NoteKeys.hex(keyId) + "+" + base64Typed(Ed25519Keys.raw(privateKey));
    }

    /** {@code <name>+<hex id>+<base64(0x01 ‖ public key)>}: publish it. */
    public String verifierKey() {
        return name + "+" + NoteKeys.hex(keyId) + "+" + base64Typed(rawPublicKey);
    }

    /**
     * @param text the note's text: UTF-8, ending in a newline
     * @return the signed note
     */
    public String sign(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("A note's text must end with a newline");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signed = signature.sign();
            byte[] line = new byte[4 + signed.length];
            System.arraycopy(keyId, 0, line, 0, 4);
            System.arraycopy(signed, 0, line, 4, signed.length);
            return text + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with Ed25519", e);
        }
    }

    private static String base64Typed(byte[] raw) {
        byte[] typed = new byte[1 + raw.length];
        typed[0] = NoteKeys.ED25519;
        System.arraycopy(raw, 0, typed, 1, raw.length);
        return Base64.getEncoder().encodeToString(typed);
    }
}
