package com.readingroom.audit.internal;

import com.readingroom.audit.internal.note.NoteSigner;
import com.readingroom.shared.ReadingRoomProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkpoint signing key, kept outside the database in {@code <data-dir>/keys/audit-log.key} (owner-readable only)
 * in the signed-note signer-key format, so that a database copy alone can never forge checkpoints. Generated at first
 * start.
 */
@Component
class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final NoteSigner signer;

    SigningKey(ReadingRoomProperties properties, LedgerProperties ledger) {
        this.signer = loadOrCreate(properties.dataDir().resolve("keys").resolve("audit-log.key"), ledger.origin());
    }

    NoteSigner signer() {
        return signer;
    }

    private static NoteSigner loadOrCreate(Path file, String origin) {
        try {
            if (Files.exists(file)) {
                NoteSigner existing = NoteSigner.fromSignerKey(Files.readString(file, StandardCharsets.UTF_8));
                if (!existing.name().equals(origin)) {
                    throw new IllegalStateException("The signing key in " + file + " is for the log '" + existing.name()
                            + "', not '" + origin + "'; refusing to sign with it.");
                }
                return existing;
            }
            Files.createDirectories(file.getParent());
            NoteSigner created = NoteSigner.generate(origin);
            Files.writeString(file, created.signerKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            restrictToOwner(file);
            log.info("Generated the audit log's signing key in {}; verifier key: {}", file, created.verifierKey());
            return created;
        } catch (FileAlreadyExistsException e) {
            return loadOrCreate(file, origin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit log's signing key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
