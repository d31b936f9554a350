package com.readingroom.audit.internal.note;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.support.Fuzz;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of what the offline verifier reads from an agency's files: signed notes, checkpoints and
 * verifier keys. Mutations of a real checkpoint and arbitrary text are refused with a reason, never opened wrongly,
 * never with another exception.
 */
class NoteFuzzTest {

    private static final NoteSigner SIGNER = NoteSigner.generate("readingroom.example/audit-log");
    private static final NoteVerifier VERIFIER = NoteVerifier.fromVerifierKey(SIGNER.verifierKey());
    private static final String NOTE = SIGNER.sign(new Checkpoint(SIGNER.name(), 42, new byte[32]).text());

    @Test
    void aMutatedNoteIsRefusedOrIsTheSignedOne() {
        Fuzz.forAll(5000, NoteFuzzTest::mutation, note -> {
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
        });
    }

    @Test
    void anyTextIsACheckpointOrRefused() {
        Fuzz.forAll(3000, NoteFuzzTest::checkpointText, text -> {
            try {
                Checkpoint checkpoint = Checkpoint.parse(text);
                assertThat(checkpoint.size()).isNotNegative();
                assertThat(checkpoint.rootHash()).hasSize(32);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void anyTextIsAVerifierKeyOrRefused() {
        Fuzz.forAll(2000, NoteFuzzTest::key, key -> {
            try {
                NoteVerifier.fromVerifierKey(key);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }

    private static String mutation(Fuzz fuzz) {
        int position = fuzz.between(0, NOTE.length());
        String text = fuzz.either(
                () -> fuzz.oneOf("", "\n", "\n\n", "— ", "— x AAAA\n", "43", "\r", "\u0000", " "),
                () -> fuzz.chars("a1+/=\n— ", 0, 6));
        int end = Math.min(NOTE.length(), position + fuzz.between(0, 4));
        return NOTE.substring(0, position) + text + NOTE.substring(end);
    }

    private static String checkpointText(Fuzz fuzz) {
        String text = fuzz.join(
                "\n",
                0,
                6,
                () -> fuzz.either(
                        () -> fuzz.oneOf(
                                "readingroom.example/audit-log",
                                "42",
                                "-1",
                                "99999999999999999999",
                                "0x10",
                                "",
                                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                                "AAAA",
                                "!!!!"),
                        () -> fuzz.chars("a0+/=- ", 0, 50)));
        return fuzz.oneOf(text, text + "\n");
    }

    private static String key(Fuzz fuzz) {
        return fuzz.join(
                "+",
                0,
                4,
                () -> fuzz.either(
                        () -> fuzz.oneOf("readingroom.example/audit-log", "0000000a", "zzzz", "", "AQ==", "AAAA"),
                        () -> fuzz.chars("a0+/=", 0, 60)));
    }
}
