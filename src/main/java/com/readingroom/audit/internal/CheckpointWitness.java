package com.readingroom.audit.internal;

import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import com.readingroom.shared.ReadingRoomProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The newest checkpoint, kept outside the database too ({@code <data-dir>/ledger/latest-checkpoint}), so that a
 * database restored from an older backup — or rewritten — is noticed: the log it holds no longer extends the
 * checkpoint this file remembers. An agency that keeps its newest checkpoint can tell the same, offline.
 */
@Component
class CheckpointWitness {

    private final Path file;

    @Autowired
    CheckpointWitness(ReadingRoomProperties properties, LedgerProperties ledger) {
        this(
                ledger.checkpointFile() != null
                        ? ledger.checkpointFile()
                        : properties.dataDir().resolve("ledger").resolve("latest-checkpoint"));
    }

    CheckpointWitness(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Replaces the file with the note, durably and atomically (a crash leaves the old one or the new one).
     *
     * @throws UncheckedIOException when it cannot be written (e.g. the disk is full): the checkpoint is then not issued
     */
    void remember(String note) {
        if (rememberedSize() > sizeOf(note)) {
            return; // A larger checkpoint won a race with this one: the file keeps the newest.
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException("The checkpoint file " + file + " cannot be written: " + e, e);
        }
    }

    /** The size of the remembered checkpoint, -1 when there is none or it cannot be read (it is then replaced). */
    private long rememberedSize() {
        try {
            return sizeOf(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return -1;
        }
    }

    /** A checkpoint note's second line is the log size. */
    private static long sizeOf(String note) {
        String[] lines = note.split("\n", 3);
        try {
            return lines.length < 2 ? -1 : Long.parseLong(lines[1]);
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    /**
     * Remembers a checkpoint another node issued, once checked: this log's key signed it and the log extends it. An
     * older or equal one is left alone.
     *
     * @return why it cannot be remembered, in words for auditors and operators; empty when it is (or is not newer)
     */
    Optional<String> follow(String note, LedgerReader ledger, NoteVerifier verifier) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(verifier.open(note));
        } catch (RuntimeException invalid) {
            return Optional.of("The newest checkpoint in the database does not verify with this log's key ("
                    + invalid.getMessage() + "): another node signs with another key, or the database was changed.");
        }
        if (checkpoint.size() <= rememberedSize()) {
            return Optional.empty();
        }
        if (ledger.size() < checkpoint.size()
                || !Arrays.equals(ledger.root(checkpoint.size()), checkpoint.rootHash())) {
            return Optional.of("The newest checkpoint in the database (size " + checkpoint.size()
                    + ") is not a checkpoint of the log the database holds.");
        }
        remember(note);
        return Optional.empty();
    }

    /** Whether the note is signed by the verifier's key; its reason is not needed where this is asked. */
    static boolean verifies(String note, NoteVerifier verifier) {
        try {
            verifier.open(note);
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    boolean exists() {
        return Files.exists(file);
    }

    /**
     * Whether the log extends the remembered checkpoint. Empty when it does (or nothing is remembered yet); else why
     * not, in words for auditors and operators.
     */
    Optional<String> problem(LedgerReader ledger, NoteVerifier verifier) {
        String note;
        try {
            note = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("The checkpoint file " + file + " cannot be read: " + e.getMessage());
        }
        Checkpoint remembered;
        try {
            remembered = Checkpoint.parse(verifier.open(note));
        } catch (RuntimeException corrupt) {
            return Optional.of("The checkpoint file " + file + " is corrupt (" + corrupt.getMessage()
                    + "): the log cannot be checked against the newest checkpoint issued.");
        }
        long size = ledger.size();
        if (size < remembered.size()) {
            return Optional.of("The audit log holds " + size + " events, fewer than the " + remembered.size()
                    + " of the newest checkpoint issued (kept in " + file + "): the database was restored from an"
                    + " older backup, or events were removed.");
        }
        if (!Arrays.equals(ledger.root(remembered.size()), remembered.rootHash())) {
            return Optional.of("The audit log no longer extends the newest checkpoint issued (size "
                    + remembered.size() + ", kept in " + file + "): its first " + remembered.size()
                    + " events were rewritten, or the database is another log's.");
        }
        return Optional.empty();
    }
}
