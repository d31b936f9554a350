package com.readingroom.audit.internal.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Verifies C2SP signed notes against one verifier key {@code <name>+<hex id>+<base64(0x01 ‖ public key)>}, as
 * published by a log. Returns the note's text only if a signature line of that key verifies.
 */
public final class NoteVerifier {

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private final String name;
    private final byte[] keyId;
    private final PublicKey publicKey;

    private NoteVerifier(String name, byte[] keyId, PublicKey publicKey) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    /**
     * @throws IllegalArgumentException if the verifier key is malformed or its id does not match its key
     */
    public static NoteVerifier fromVerifierKey(String verifierKey) {
        // The base64 part may itself contain '+': split into at most three fields.
        String[] parts = verifierKey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a signed-note verifier key: '" + verifierKey + "'");
        }
        NoteKeys.checkName(parts[0]);
        byte[] encoded = Base64.getDecoder().decode(parts[2]);
        if (encoded.length != 33 || encoded[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("Not an Ed25519 verifier key: '" + verifierKey + "'");
        }
        byte[] raw = Arrays.copyOfRange(encoded, 1, 33);
        byte[] keyId = NoteKeys.keyId(parts[0], raw);
        if (!NoteKeys.hex(keyId).equals(parts[1])) {
            throw new IllegalArgumentException("The verifier key's id does not match its key: '" + verifierKey + "'");
        }
        try {
            return new NoteVerifier(parts[0], keyId, Ed25519Keys.publicKey(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unreadable Ed25519 verifier key", e);
        }
    }

    public String name() {
        return name;
    }

    /**
     * @return the note's text (up to and including its last newline before the blank line)
     * @throws InvalidNoteException saying why the note does not verify
     */
    public String open(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n") || split + 2 >= note.length()) {
            // Found by fuzzing: a note ending in its blank line has an empty signature block.
            throw new InvalidNoteException("The note has no signature block");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new InvalidNoteException("Malformed signature line: '" + line + "'");
            }
            String[] fields = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (fields.length != 2 || !fields[0].equals(name)) {
                continue;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new InvalidNoteException("Signature line is not base64: '" + line + "'");
            }
            if (signature.length != 68 || !Arrays.equals(Arrays.copyOf(signature, 4), keyId)) {
                continue;
            }
            if (verifies(text, Arrays.copyOfRange(signature, 4, 68))) {
                return text;
            }
            throw new InvalidNoteException("The signature of " + name + " does not match the note's text");
        }
        throw new InvalidNoteException("The note carries no signature by " + name);
    }

    private boolean verifies(String text, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A note that does not verify, with the reason. */
    public static final class InvalidNoteException extends RuntimeException {

        InvalidNoteException(String message) {
            super(message);
        }
    }
}
