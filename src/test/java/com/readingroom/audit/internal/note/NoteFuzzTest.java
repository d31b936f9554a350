package com.readingroom.audit.internal.note;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of what the offline verifier reads from an agency's files: signed notes, checkpoints and
 * verifier keys. Mutations of a real checkpoint and arbitrary text are refused with a reason, never opened wrongly,
 * never with another exception.
 */
class NoteFuzzTest {

    private static final NoteSigner SIGNER = NoteSigner.generate("readingroom.example/audit-log");
    private static final NoteVerifier VERIFIER = NoteVerifier.fromVerifierKey(SIGNER.verifierKey());
    private static final String NOTE = SIGNER.sign(new Checkpoint(SIGNER.name(), 42, new byte[32]).text());

    @Property(tries = 5000)
    void aMutatedNoteIsRefusedOrIsTheSignedOne(@ForAll("mutations") String note) {
        String opened;
        try {
            opened = VERIFIER.open(note);
        } catch (NoteVerifier.InvalidNoteException | IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        // Only the signed text itself opens, whatever was added around its signature lines.
        assertThat(opened).isEqualTo(new Checkpoint(SIGNER.name(), 42, new byte[32]).text());
        assertThat(Checkpoint.parse(opened).size()).isEqualTo(42);
    }

    @Property(tries = 3000)
    void anyTextIsACheckpointOrRefused(@ForAll("checkpointTexts") String text) {
        try {
            Checkpoint checkpoint = Checkpoint.parse(text);
            assertThat(checkpoint.size()).isNotNegative();
            assertThat(checkpoint.rootHash()).hasSize(32);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void anyTextIsAVerifierKeyOrRefused(@ForAll("keys") String key) {
        try {
            NoteVerifier.fromVerifierKey(key);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, NOTE.length());
        Arbitrary<String> insert = Arbitraries.oneOf(
                Arbitraries.of("", "\n", "\n\n", "— ", "— x AAAA\n", "43", "\r", "\u0000", " "),
                Arbitraries.strings().withChars("a1+/=\n— ").ofMaxLength(6));
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 4);
        return at.flatMap(position -> insert.flatMap(text -> cut.map(drop -> {
            int end = Math.min(NOTE.length(), position + drop);
            return NOTE.substring(0, position) + text + NOTE.substring(end);
        })));
    }

    @Provide
    Arbitrary<String> checkpointTexts() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of(
                        "readingroom.example/audit-log",
                        "42",
                        "-1",
                        "99999999999999999999",
                        "0x10",
                        "",
                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                        "AAAA",
                        "!!!!"),
                Arbitraries.strings().withChars("a0+/=- ").ofMaxLength(50));
        return line.list()
                .ofMaxSize(6)
                .map(lines -> String.join("\n", lines))
                .flatMap(text -> Arbitraries.of(text, text + "\n"));
    }

    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("readingroom.example/audit-log", "0000000a", "zzzz", "", "AQ==", "AAAA"),
                Arbitraries.strings().withChars("a0+/=").ofMaxLength(60));
        return part.list().ofMaxSize(4).map(parts -> String.join("+", parts));
    }
}
