package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checkpoint file on a real (in-memory) file system: atomic replacement, newest wins, a full disk. */
class CheckpointWitnessTest {

    private static final String SMALL = "readingroom.example/audit-log\n5\nAAAA\n\n— readingroom.example/audit-log x\n";
    private static final String LARGE = "readingroom.example/audit-log\n9\nBBBB\n\n— readingroom.example/audit-log y\n";

    @Test
    void keepsTheNewestCheckpointWhateverOrderTheyArriveIn() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            CheckpointWitness witness = new CheckpointWitness(disk.getPath("/data/ledger/latest-checkpoint"));
            witness.remember(SMALL);
            witness.remember(LARGE);
            witness.remember(SMALL);
            assertThat(Files.readString(witness.file())).isEqualTo(LARGE);
            assertThat(Files.exists(witness.file().resolveSibling("latest-checkpoint.new")))
                    .isFalse();
        }
    }

    @Test
    void aFullDiskIsAClearErrorAndLeavesThePreviousCheckpointInPlace() throws Exception {
        Configuration tiny = Configuration.unix().toBuilder()
                .setBlockSize(64)
                .setMaxSize(64 * 4)
                .build();
        try (FileSystem disk = Jimfs.newFileSystem(tiny)) {
            CheckpointWitness witness = new CheckpointWitness(disk.getPath("/data/ledger/latest-checkpoint"));
            witness.remember(SMALL);
            Path filler = disk.getPath("/data/filler");
            // Fill what is left of the disk.
            try (var out = Files.newOutputStream(filler)) {
                out.write(new byte[64]);
                while (true) {
                    out.write(new byte[64]);
                }
            } catch (java.io.IOException full) {
                assertThat(full).hasMessageContaining("space");
            }

            assertThatThrownBy(() -> witness.remember(LARGE))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot be written")
                    .hasMessageContaining("/data/ledger/latest-checkpoint");
            assertThat(Files.readString(witness.file())).isEqualTo(SMALL);
            assertThat(Files.exists(witness.file().resolveSibling("latest-checkpoint.new")))
                    .isFalse();
        }
    }
}
