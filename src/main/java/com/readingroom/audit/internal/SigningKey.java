package com.readingroom.audit.internal;

import com.readingroom.audit.internal.note.NoteSigner;
import com.readingroom.audit.internal.note.NoteVerifier;
import com.readingroom.shared.ReadingRoomProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkpoint signing key, kept outside the database in {@code <data-dir>/keys/audit-log.key} or
 * {@code readingroom.ledger.signing-key-file} (owner-readable only)
 * in the signed-note signer-key format, so that a database copy alone can never forge checkpoints. Generated at first
 * start.
 */
@Component
class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final Path file;
    private final NoteSigner signer;
    private final List<String> verifierKeys;
    private final NoteVerifier verifier;

    SigningKey(ReadingRoomProperties properties, LedgerProperties ledger) {
        this.file = ledger.signingKeyFile() != null
                ? ledger.signingKeyFile()
                : properties.dataDir().resolve("keys").resolve("audit-log.key");
        this.signer = loadOrCreate(file, ledger.origin());
        List<String> keys = new ArrayList<>(List.of(signer.verifierKey()));
        ledger.retiredVerifierKeys().stream()
                .map(String::strip)
                .filter(key -> !key.isEmpty() && !keys.contains(key))
                .forEach(keys::add);
        this.verifierKeys = List.copyOf(keys);
        try {
            this.verifier = NoteVerifier.fromVerifierKeys(verifierKeys);
        } catch (IllegalArgumentException malformed) {
            throw new SigningKeyUnavailableException(
                    "readingroom.ledger.retired-verifier-keys holds something that is not a verifier key ("
                            + malformed.getMessage() + "); copy each retired key from the log.pub it was in.",
                    malformed);
        }
    }

    NoteSigner signer() {
        return signer;
    }

    /** Where the key is kept. */
    Path file() {
        return file;
    }

    /** The log's verifier keys: this key's first, then the retired ones (the lines of {@code log.pub}). */
    List<String> verifierKeys() {
        return verifierKeys;
    }

    /** Verifies checkpoints signed by this key or by a retired one of this log. */
    NoteVerifier verifier() {
        return verifier;
    }

    /**
     * Reads the key, or makes it when there is none. It is written whole or not at all: to a temporary file in the
     * same folder, forced to disk, then moved to its name (never over an existing key, which another node may have
     * just made). A full disk or a damaged key stops the start with the reason, since signing with no key, a new key
     * or half a key would each leave checkpoints nobody can verify.
     *
     * @throws SigningKeyUnavailableException with what is wrong and what to do
     */
    static NoteSigner loadOrCreate(Path file, String origin) {
        if (Files.exists(file)) {
            return load(file, origin);
        }
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            NoteSigner created = NoteSigner.generate(origin);
            temporary = Files.createTempFile(file.getParent(), ".audit-log.key", ".tmp");
            restrictToOwner(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap((created.signerKey() + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            // A hard link appears whole and, unlike a rename, never replaces a key that exists meanwhile.
            Files.createLink(file, temporary);
            log.info("Generated the audit log's signing key in {}; verifier key: {}", file, created.verifierKey());
            return created;
        } catch (FileAlreadyExistsException madeMeanwhile) {
            return load(file, origin);
        } catch (IOException e) {
            throw new SigningKeyUnavailableException(
                    "The audit log's signing key cannot be created in " + file.getParent() + ": " + describe(e)
                            + ". Nothing was signed; no partial key was kept.",
                    e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Reads the key; never makes one. */
    static NoteSigner load(Path file, String origin) {
        NoteSigner existing;
        try {
            existing = NoteSigner.fromSignerKey(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SigningKeyUnavailableException(
                    "The audit log's signing key " + file + " cannot be read: " + describe(e) + ".", e);
        } catch (RuntimeException damaged) {
            throw new SigningKeyUnavailableException(
                    "The audit log's signing key " + file + " is damaged (" + damaged.getMessage()
                            + "). A new key is not made over it: the checkpoints already issued were signed with it.",
                    damaged);
        }
        if (!existing.name().equals(origin)) {
            throw new SigningKeyUnavailableException("The signing key in " + file + " is for the log '"
                    + existing.name() + "', not '" + origin + "'; refusing to sign with it.");
        }
        return existing;
    }

    private static String describe(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        }
        return reason;
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            log.warn("Could not remove the unfinished key file {}", temporary, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
