package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditFilter;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.internal.note.Checkpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Writes a verifiable bundle of the events matching a filter: {@code events.jsonl} (each line the leaf bytes of one
 * event), {@code proofs.jsonl} (line k: the inclusion proof of line k's event in the bundle's checkpoint),
 * {@code checkpoint} (the signed note), {@code log.pub} (the verifier keys, current first) and {@code README.txt}. A filtered bundle
 * proves its events without containing any other event. The export is itself audited, before it is written.
 */
@Service
class BundleExporter {

    private final LedgerReader ledger;
    private final Checkpointer checkpointer;
    private final AuditLog auditLog;

    BundleExporter(LedgerReader ledger, Checkpointer checkpointer, AuditLog auditLog) {
        this.ledger = ledger;
        this.checkpointer = checkpointer;
        this.auditLog = auditLog;
    }

    @PreAuthorize("hasRole('AUDITOR')")
    public void export(AuditFilter filter, OutputStream out) {
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "audit bundle", describe(filter)));
        String note = checkpointer.issue();
        Checkpoint checkpoint = Checkpoint.parse(checkpointer.verifier().open(note));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            StringBuilder proofs = new StringBuilder();
            zip.putNextEntry(new ZipEntry("events.jsonl"));
            ledger.forEach(filter, checkpoint.size(), event -> {
                write(zip, event.leaf() + "\n");
                proofs.append(proofLine(event.seq(), ledger.inclusionProof(event.seq(), checkpoint.size())));
            });
            zip.closeEntry();
            entry(zip, "proofs.jsonl", proofs.toString());
            entry(zip, "checkpoint", note);
            entry(zip, "log.pub", checkpointer.logPub());
            entry(zip, "README.txt", readme(filter, checkpoint.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit bundle", e);
        }
    }

    static String proofLine(long index, List<byte[]> proof) {
        StringBuilder line = new StringBuilder("{\"index\":").append(index).append(",\"proof\":[");
        for (int i = 0; i < proof.size(); i++) {
            line.append(i == 0 ? "\"" : ",\"")
                    .append(Base64.getEncoder().encodeToString(proof.get(i)))
                    .append('"');
        }
        return line.append("]}\n").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void write(ZipOutputStream zip, String text) {
        try {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(AuditFilter filter) {
        return "filter: agency=" + filter.agencyId() + ", agreement=" + filter.agreement() + ", actor=" + filter.actor()
                + ", action=" + filter.action() + ", since=" + filter.since() + ", until=" + filter.until();
    }

    private static String readme(AuditFilter filter, long size) {
        return """
                Reading Room audit bundle
                =========================

                events.jsonl  one audit event per line; each line is exactly the leaf of the log's Merkle tree
                proofs.jsonl  line k: {"index": i, "proof": [...]} - the RFC 9162 inclusion proof of line k's event
                checkpoint    the log's signed checkpoint (C2SP tlog-checkpoint, signed note, Ed25519) of size %d
                log.pub       the log's verifier keys, one per line, current first (signed-note format)

                %s

                Verify offline, with no server and no database:
                    java -jar reading-room.jar verify <this zip or its folder>

                By hand: check the checkpoint's signature with log.pub; for each line, hash it as
                SHA-256(0x00 || line bytes without the newline) and check its proof against the checkpoint's root.
                Compare the checkpoint's size and root with one you obtained independently (e.g. from your agency's
                monitor): a log that was rewritten cannot produce a consistency proof to it.
                """.formatted(size, describe(filter));
    }
}
