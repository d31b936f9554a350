package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import com.readingroom.audit.internal.note.NoteSigner;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The signing key is made whole or not at all, and a start without a usable key stops with the reason. */
class SigningKeyTest {

    private static final String ORIGIN = "readingroom.test/audit-log";

    @Test
    void theKeyIsMadeOnceOwnerOnlyAndReadBackTheSame() throws Exception {
        Configuration posix = Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .build();
        try (FileSystem disk = Jimfs.newFileSystem(posix)) {
            Path file = disk.getPath("/data/keys/audit-log.key");

            NoteSigner made = SigningKey.loadOrCreate(file, ORIGIN);
            NoteSigner read = SigningKey.loadOrCreate(file, ORIGIN);

            assertThat(read.verifierKey()).isEqualTo(made.verifierKey());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(entries(file.getParent())).containsExactly("audit-log.key");
        }
    }

    @Test
    void aFullDiskStopsTheStartWithTheReasonAndLeavesNoPartialKey() throws Exception {
        Configuration tiny = Configuration.unix().toBuilder()
                .setBlockSize(64)
                .setMaxSize(64 * 4)
                .build();
        try (FileSystem disk = Jimfs.newFileSystem(tiny)) {
            Path file = disk.getPath("/data/keys/audit-log.key");
            Files.createDirectories(file.getParent());
            try (var out = Files.newOutputStream(disk.getPath("/data/filler"))) {
                while (true) {
                    out.write(new byte[64]);
                }
            } catch (java.io.IOException full) {
                assertThat(full).hasMessageContaining("space");
            }

            assertThatThrownBy(() -> SigningKey.loadOrCreate(file, ORIGIN))
                    .isInstanceOf(SigningKeyUnavailableException.class)
                    .hasMessageContaining("cannot be created in /data/keys")
                    .hasMessageContaining("space")
                    .hasMessageContaining("no partial key was kept");
            assertThat(entries(file.getParent())).isEmpty();

            // Once there is room again, the next start makes the key.
            Files.delete(disk.getPath("/data/filler"));
            assertThat(SigningKey.loadOrCreate(file, ORIGIN).name()).isEqualTo(ORIGIN);
        }
    }

    @Test
    void aDamagedOrEmptyKeyIsNeitherUsedNorReplaced() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path file = disk.getPath("/data/keys/audit-log.key");
            String whole = SigningKey.loadOrCreate(file, ORIGIN).signerKey();
            for (String damaged : new String[] {whole.substring(0, whole.length() / 2), "", "PRIVATE+KEY+x"}) {
                Files.writeString(file, damaged);

                assertThatThrownBy(() -> SigningKey.loadOrCreate(file, ORIGIN))
                        .isInstanceOf(SigningKeyUnavailableException.class)
                        .hasMessageContaining("is damaged")
                        .hasMessageContaining("A new key is not made over it");
                assertThat(Files.readString(file)).isEqualTo(damaged);
            }
        }
    }

    @Test
    void anotherLogsKeyIsRefused() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path file = disk.getPath("/data/keys/audit-log.key");
            SigningKey.loadOrCreate(file, "another.example/log");

            assertThatThrownBy(() -> SigningKey.loadOrCreate(file, ORIGIN))
                    .isInstanceOf(SigningKeyUnavailableException.class)
                    .hasMessageContaining("is for the log 'another.example/log'");
        }
    }

    @Test
    void theStartFailureSaysWhatToDo() {
        SigningKeyUnavailableException cause =
                new SigningKeyUnavailableException("The audit log's signing key cannot be created in /d: No space");

        FailureAnalysis analysis = new SigningKeyFailureAnalyzer().analyze(new IllegalStateException(cause));

        assertThat(analysis.getDescription()).startsWith("Reading Room did not start: The audit log's signing key");
        assertThat(analysis.getAction()).contains("Free space");
    }

    private static java.util.List<String> entries(Path folder) throws Exception {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.map(path -> path.getFileName().toString()).toList();
        }
    }
}
