package com.readingroom.audit.internal.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C2SP signed notes and checkpoints. The known answer is the example key and note of the reference implementation
 * (Go's {@code golang.org/x/mod/sumdb/note} tests): Ed25519 signatures are deterministic, so signing its text with its
 * key must give its signature byte for byte, and its verifier key must accept it.
 */
class SignedNoteTest {

    static final String SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String SIGNED = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void signsExactlyAsTheReferenceImplementation() {
        NoteSigner signer = NoteSigner.fromSignerKey(SIGNER_KEY);

        assertThat(signer.verifierKey()).isEqualTo(VERIFIER_KEY);
        assertThat(signer.signerKey()).isEqualTo(SIGNER_KEY);
        assertThat(signer.sign(TEXT)).isEqualTo(SIGNED);
    }

    @Test
    void verifiesTheReferenceNote() {
        assertThat(NoteVerifier.fromVerifierKey(VERIFIER_KEY).open(SIGNED)).isEqualTo(TEXT);
    }

    @Test
    void rejectsAChangedTextAndOtherKeys() {
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(VERIFIER_KEY);
        assertThatThrownBy(() -> verifier.open(SIGNED.replace("cryptography", "cryptographY")))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessageContaining("does not match");
        NoteSigner other = NoteSigner.generate("PeterNeumann");
        assertThatThrownBy(
                        () -> NoteVerifier.fromVerifierKey(other.verifierKey()).open(SIGNED))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessageContaining("no signature by PeterNeumann");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoteVerifier.fromVerifierKey(VERIFIER_KEY.replace("c74f20a3", "c74f20a4")));
    }

    @Test
    void aGeneratedKeySignsCheckpointsThatItsVerifierKeyOpens() {
        NoteSigner signer = NoteSigner.generate("readingroom.example/audit");
        byte[] root = HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        Checkpoint checkpoint = new Checkpoint("readingroom.example/audit", 8, root);

        String note = signer.sign(checkpoint.text());
        assertThat(note)
                .startsWith("readingroom.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n\u2014 ");
        Checkpoint opened = Checkpoint.parse(
                NoteVerifier.fromVerifierKey(signer.verifierKey()).open(note));
        assertThat(opened.size()).isEqualTo(8);
        assertThat(opened.rootHash()).isEqualTo(root);
        assertThat(NoteSigner.fromSignerKey(signer.signerKey()).verifierKey()).isEqualTo(signer.verifierKey());
    }

    @Test
    void checkpointsKeepTheirExtensionLinesAndRefuseMalformedText() {
        byte[] root = new byte[32];
        Checkpoint checkpoint = new Checkpoint("origin", 3, root, List.of("extension line"));
        assertThat(Checkpoint.parse(checkpoint.text()).extensions()).containsExactly("extension line");
        assertThatIllegalArgumentException().isThrownBy(() -> Checkpoint.parse("origin\n-1\nAAAA\n"));
        assertThatIllegalArgumentException().isThrownBy(() -> Checkpoint.parse("origin\n3\n"));
    }
}
