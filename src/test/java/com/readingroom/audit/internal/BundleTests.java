package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditEntry;
import com.readingroom.audit.AuditFilter;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.AuditTrail;
import com.readingroom.audit.BundleVerifier;
import com.readingroom.audit.Disclosure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** Verifiable bundles: exported by an auditor, checked by the offline verifier, tampering caught. */
@SpringBootTest(properties = "readingroom.test.context=ledger")
@ActiveProfiles("test")
@WithMockUser(username = "auditor", roles = "AUDITOR")
class BundleTests {

    @Autowired
    BundleExporter exporter;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditTrail trail;

    @TempDir
    Path folder;

    @Test
    void aCompleteBundleVerifiesOfflineAndRebuildsTheRoot() throws IOException {
        Path bundle = export(AuditFilter.all());

        BundleVerifier.Result result = BundleVerifier.verify(bundle);

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.message()).contains("complete log, root rebuilt");
        assertThat(BundleVerifier.run(bundle.toString())).isZero();
    }

    @Test
    void aFilteredBundleProvesItsEventsWithoutHoldingAnyOther() throws IOException {
        auditLog.append(new AuditRecord(AuditAction.EXPORT, 4242L, "RR-X", null, "agency 4242 only", null));
        auditLog.append(new AuditRecord(AuditAction.EXPORT, 4343L, "RR-Y", null, "another agency", null));

        Path bundle = export(new AuditFilter(4242L, null, null, null, List.of(), null, null, null, null));

        String events = entry(bundle, "events.jsonl");
        assertThat(events).contains("agency 4242 only").doesNotContain("another agency");
        assertThat(events.lines()).allMatch(line -> line.contains("\"agency\":4242"));
        BundleVerifier.Result result = BundleVerifier.verify(bundle);
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.message()).doesNotContain("complete log");
    }

    @Test
    void auditorsFilterByRepositoryPathPrefixAndOutcome() {
        String repository = "repo-" + System.nanoTime();
        auditLog.append(view(repository, "src/mm/pool.c"));
        auditLog.append(view(repository, "src/mm/pool_100%_safe.c"));
        auditLog.append(view(repository, "docs/design.md"));
        auditLog.append(new AuditRecord(
                AuditAction.ACCESS_DENIED,
                1L,
                null,
                null,
                "refused",
                "excluded",
                new Disclosure(repository, "refs/heads/main", null, "src/secret.key", null, null, null, List.of())));

        assertThat(trail.count(filter(repository, null, null))).isEqualTo(4);
        assertThat(trail.count(filter(repository, "src/", null))).isEqualTo(3);
        assertThat(trail.count(filter(repository, "src/mm/pool_100%", null))).isEqualTo(1);
        assertThat(trail.count(filter(repository, null, AuditFilter.Outcome.DENIED)))
                .isEqualTo(1);
        assertThat(trail.find(
                        new AuditFilter(
                                null,
                                null,
                                null,
                                AuditAction.ACCESS_DENIED,
                                List.of(repository),
                                null,
                                null,
                                null,
                                null),
                        0,
                        10))
                .singleElement()
                .extracting(AuditEntry::agencyId)
                .isEqualTo(1L);
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "no agency", null));
        assertThat(trail.find(
                        new AuditFilter(null, null, null, AuditAction.EXPORT, List.of(), null, null, null, null), 0, 1))
                .singleElement()
                .extracting(AuditEntry::agencyId)
                .isNull();
        assertThat(trail.summarize(Instant.now().minusSeconds(3600)).topFiles())
                .extracting(Map.Entry::getKey)
                .contains(repository + ":src/mm/pool.c");
        assertThat(trail.find(filter(repository, "src/", AuditFilter.Outcome.ALLOWED), 0, 10))
                .extracting(AuditEntry::target)
                .containsExactly("src/mm/pool_100%_safe.c", "src/mm/pool.c");
    }

    private static AuditRecord view(String repository, String path) {
        return new AuditRecord(
                AuditAction.FILE_VIEW,
                1L,
                "RR-2026-001",
                1L,
                path,
                null,
                new Disclosure(repository, "refs/heads/main", "c0ffee", path, "b10b", "00", 3, List.of()));
    }

    private static AuditFilter filter(String repository, String pathPrefix, AuditFilter.Outcome outcome) {
        return new AuditFilter(null, null, null, null, List.of(repository), pathPrefix, outcome, null, null);
    }

    @Test
    void oneChangedByteInAnEventFailsVerificationAndSaysWhichEvent() throws IOException {
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "to be tampered with", null));
        Path bundle = export(AuditFilter.all());
        Path unpacked = unpack(bundle);
        Path events = unpacked.resolve("events.jsonl");
        List<String> lines = Files.readAllLines(events);
        int victim = lines.size() - 2;
        lines.set(victim, lines.get(victim).replace("to be tampered with", "to be tampered witH"));
        Files.write(events, lines);

        BundleVerifier.Result result = BundleVerifier.verify(unpacked);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("line " + (victim + 1)).contains("proof fails");
        assertThat(BundleVerifier.run(unpacked.toString())).isEqualTo(1);
    }

    @Test
    void aCheckpointNotSignedByTheLogsKeyIsRefused() throws IOException {
        Path unpacked = unpack(export(AuditFilter.all()));
        Path checkpoint = unpacked.resolve("checkpoint");
        String note = Files.readString(checkpoint);
        Files.writeString(checkpoint, note.replaceFirst("\n(\\d+)\n", "\n999999\n"));

        BundleVerifier.Result result = BundleVerifier.verify(unpacked);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("does not verify with log.pub");
    }

    private Path export(AuditFilter filter) throws IOException {
        Path bundle = Files.createTempFile(folder, "bundle", ".zip");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            exporter.export(filter, out);
        }
        return bundle;
    }

    private Path unpack(Path bundle) throws IOException {
        Path target = Files.createTempDirectory(folder, "unpacked");
        for (String name : List.of("events.jsonl", "proofs.jsonl", "checkpoint", "log.pub", "README.txt")) {
            Files.writeString(target.resolve(name), entry(bundle, name));
        }
        return target;
    }

    private static String entry(Path bundle, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    ByteArrayOutputStream content = new ByteArrayOutputStream();
                    zip.transferTo(content);
                    return content.toString(StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException(name + " is not in the bundle");
    }
}
