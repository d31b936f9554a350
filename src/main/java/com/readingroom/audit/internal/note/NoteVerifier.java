package com.readingroom.audit.internal.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Verifies C2SP signed notes against a log's verifier keys {@code <name>+<hex id>+<base64(0x01 ‖ public key)>}, as
 * published by the log: its current key and the keys it signed with before a rotation. Returns the note's text only
 * if a signature line of one of those keys verifies.
 */
public final class NoteVerifier {

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private record Key(String name, byte[] id, PublicKey publicKey) {}

    private final List<Key> keys;

    private NoteVerifier(List<Key> keys) {
        this.keys = keys;
    }

    /**
     * @throws IllegalArgumentException if the verifier key is malformed or its id does not match its key
     */
    public static NoteVerifier fromVerifierKey(String verifierKey) {
        return new NoteVerifier(List.of(key(verifierKey)));
    }

    /**
     * A verifier that accepts a signature by any of the keys (one per line of a {@code log.pub}; blank lines skipped).
     *
     * @throws IllegalArgumentException if a key is malformed, or there is none
     */
    public static NoteVerifier fromVerifierKeys(Collection<String> verifierKeys) {
        List<Key> keys = verifierKeys.stream()
                .filter(line -> !line.isBlank())
                .map(NoteVerifier::key)
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No verifier key");
        }
        return new NoteVerifier(keys);
    }

    private static Key key(String verifierKey) {
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
            return new Key(parts[0], keyId, Ed25519Keys.publicKey(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unreadable Ed25519 verifier key", e);
        }
    }

    /** The log's name (its keys all carry it). */
    public String name() {
        return keys.getFirst().name();
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
            if (fields.length != 2 || !fields[0].equals(name())) {
                continue;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new InvalidNoteException("Signature line is not base64: '" + line + "'");
            }
            if (signature.length != 68) {
                continue;
            }
            for (Key key : keys) {
                if (!key.name().equals(fields[0]) || !Arrays.equals(Arrays.copyOf(signature, 4), key.id())) {
                    continue;
                }
                if (verifies(key, text, Arrays.copyOfRange(signature, 4, 68))) {
                    return text;
                }
                throw new InvalidNoteException("The signature of " + name() + " does not match the note's text");
            }
        }
        throw new InvalidNoteException("The note carries no signature by " + name()
                + (keys.size() > 1 ? " with any of its " + keys.size() + " keys" : ""));
    }

    private static boolean verifies(Key key, String text, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.publicKey());
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
