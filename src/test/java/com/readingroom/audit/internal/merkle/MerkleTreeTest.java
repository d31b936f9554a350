package com.readingroom.audit.internal.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known-answer tests from RFC 6962's reference test data (the eight leaves of Certificate Transparency's Merkle tree
 * tests), then every inclusion and consistency proof up to 32 leaves, checked against the RFC's recursive definition
 * and against tampering.
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();
    static final List<String> LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    static InMemoryNodes tree(int size) {
        InMemoryNodes nodes = new InMemoryNodes();
        for (int i = 0; i < size; i++) {
            nodes.append(
                    i < LEAVES.size() ? HEX.parseHex(LEAVES.get(i)) : ("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return nodes;
    }

    @ParameterizedTest(name = "root of {0} leaves")
    @CsvSource({
        "0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    })
    void rootsMatchTheReferenceVectors(int size, String root) {
        assertThat(HEX.formatHex(tree(size).tree().root(size))).isEqualTo(root);
    }

    @Test
    void inclusionProofsMatchTheReferenceVectors() {
        MerkleTree tree = tree(8).tree();
        assertThat(hex(tree.inclusionProof(0, 8)))
                .containsExactly(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(5, 8)))
                .containsExactly(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.inclusionProof(2, 3)))
                .containsExactly("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(tree.inclusionProof(0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsMatchTheReferenceVectors() {
        MerkleTree tree = tree(8).tree();
        assertThat(hex(tree.consistencyProof(1, 8)))
                .containsExactly(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistencyProof(6, 8)))
                .containsExactly(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.consistencyProof(2, 5)))
                .containsExactly(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void everyRootEqualsTheRecursiveDefinitionUpTo64Leaves() {
        InMemoryNodes nodes = tree(64);
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            leafHashes.add(nodes.node(0, i));
        }
        for (int size = 0; size <= 64; size++) {
            assertThat(nodes.tree().root(size)).as("size %d", size).isEqualTo(mth(leafHashes.subList(0, size)));
        }
    }

    @Test
    void aCompactRangeGivesTheSameRootsInLogarithmicMemory() {
        InMemoryNodes nodes = tree(64);
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(Hashes.empty());
        for (int size = 1; size <= 64; size++) {
            range.append(nodes.node(0, size - 1));
            assertThat(range.root()).as("size %d", size).isEqualTo(nodes.tree().root(size));
        }
    }

    @Test
    void everyInclusionProofUpTo32LeavesVerifiesAndRejectsTampering() {
        InMemoryNodes nodes = tree(33);
        for (int size = 1; size <= 32; size++) {
            byte[] root = nodes.tree().root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = nodes.tree().inclusionProof(index, size);
                byte[] leaf = nodes.node(0, index);
                assertThat(Proofs.verifyInclusion(index, size, leaf, proof, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                assertThat(Proofs.verifyInclusion(index, size, nodes.node(0, (index + 1) % 32), proof, root))
                        .isFalse();
                if (!proof.isEmpty()) {
                    assertThat(Proofs.verifyInclusion(index, size, leaf, flipFirstByteOfLast(proof), root))
                            .isFalse();
                    assertThat(Proofs.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                            .isFalse();
                }
                // The same path against the next tree's head proves nothing: a checkpoint binds size and root together.
                assertThat(Proofs.verifyInclusion(
                                index, size + 1, leaf, proof, nodes.tree().root(size + 1)))
                        .isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenSizesUpTo32VerifiesAndRejectsTampering() {
        InMemoryNodes nodes = tree(32);
        for (int to = 0; to <= 32; to++) {
            byte[] toRoot = nodes.tree().root(to);
            for (int from = 0; from <= to; from++) {
                byte[] fromRoot = nodes.tree().root(from);
                List<byte[]> proof = nodes.tree().consistencyProof(from, to);
                assertThat(Proofs.verifyConsistency(from, to, fromRoot, toRoot, proof))
                        .as("from %d to %d", from, to)
                        .isTrue();
                if (!proof.isEmpty()) {
                    assertThat(Proofs.verifyConsistency(from, to, fromRoot, toRoot, flipFirstByteOfLast(proof)))
                            .isFalse();
                    assertThat(Proofs.verifyConsistency(from, to, toRoot, toRoot, proof))
                            .isFalse();
                }
                if (from > 0 && from < to) {
                    byte[] otherRoot = nodes.tree().root(from - 1);
                    assertThat(Proofs.verifyConsistency(from, to, otherRoot, toRoot, proof))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void refusesProofsForLeavesOutsideTheTree() {
        MerkleTree tree = tree(4).tree();
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(4, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(5, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.root(5));
    }

    /** MTH straight from RFC 9162 §2.1.1, over leaf hashes, with no stored nodes. */
    private static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return Hashes.empty();
        }
        if (n == 1) {
            return leafHashes.getFirst();
        }
        int k = Integer.highestOneBit(n - 1);
        return Hashes.node(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    private static List<byte[]> flipFirstByteOfLast(List<byte[]> proof) {
        List<byte[]> tampered = new ArrayList<>(proof);
        byte[] last = tampered.getLast().clone();
        last[0] ^= 1;
        tampered.set(tampered.size() - 1, last);
        return tampered;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
