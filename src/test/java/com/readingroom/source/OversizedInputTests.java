package com.readingroom.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.identity.Person;
import com.readingroom.search.CodeSearch;
import com.readingroom.search.SearchQueryException;
import com.readingroom.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Inputs far beyond the ordinary: a 10 MB query, a folder of 100,000 entries, a 50 MB file, a path of 5,000 levels.
 * Each gets a clear answer (or a bounded one) quickly; none a stack trace or an exhausted server.
 */
@SpringBootTest(properties = "readingroom.test.context=oversized")
@ActiveProfiles("test")
class OversizedInputTests extends SourceContextTest {

    private static final String MAIN = "refs/heads/main";
    private static final int FOLDER_ENTRIES = 100_000;
    private static final int BIG_FILE = 50 * 1024 * 1024;
    private static Path repository;
    private static String bigSha;

    @Autowired
    CodeSearch search;

    /** A repository with a 100,000-entry folder and a 50 MB file, written straight into git's object store. */
    @BeforeAll
    static void writeTheRepository() throws Exception {
        repository = Files.createTempDirectory("oversized-repo");
        try (Repository git = new FileRepositoryBuilder()
                        .setGitDir(repository.toFile())
                        .setBare()
                        .build();
                ObjectInserter inserter = git.newObjectInserter()) {
            git.create(true);
            ObjectId small = inserter.insert(Constants.OBJ_BLOB, "x\n".getBytes());
            TreeFormatter crowded = new TreeFormatter();
            for (int i = 0; i < FOLDER_ENTRIES; i++) {
                crowded.append(String.format("f%06d.txt", i), FileMode.REGULAR_FILE, small);
            }
            ObjectId crowdedTree = inserter.insert(crowded);
            byte[] big = new byte[BIG_FILE];
            new Random(7).nextBytes(big);
            bigSha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(big));
            ObjectId bigBlob = inserter.insert(Constants.OBJ_BLOB, big);
            TreeFormatter root = new TreeFormatter();
            root.append("big.bin", FileMode.REGULAR_FILE, bigBlob);
            root.append("crowded", FileMode.TREE, crowdedTree);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(root));
            PersonIdent author = new PersonIdent("Oversize", "o@example.test");
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage("Oversized inputs\n");
            ObjectId head = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = git.updateRef(MAIN);
            update.setNewObjectId(head);
            update.forceUpdate();
        }
    }

    @Test
    void oversizedInputsGetAClearAnswerQuickly() {
        SourceFixture.asManager(() -> catalog.findRepository("oversized")
                .orElseGet(() -> catalog.registerRepository(
                        catalog.findProduct("Windows").orElseThrow().id(), "oversized", "huge inputs", repository)));
        Person reviewer = SourceFixture.signIn(people, "nato.reviewer");

        long start = System.nanoTime();
        TreeListing folder = reader.tree(reviewer, new RepoPath("oversized", MAIN, "crowded"));
        assertThat(folder.entries()).hasSize(FOLDER_ENTRIES);
        assertThat(seconds(start)).as("a 100,000-entry folder").isLessThan(20);

        FileContent shown = reader.file(reviewer, new RepoPath("oversized", MAIN, "big.bin"));
        assertThat(shown.size()).isEqualTo(BIG_FILE);
        assertThat(shown.text()).isNull(); // binary: size and type only

        RawFile whole = reader.raw(reviewer, new RepoPath("oversized", MAIN, "big.bin"));
        assertThat(whole.bytes()).hasSize(BIG_FILE);
        assertThat(whole.sha256()).isEqualTo(bigSha);

        String deep = "a/".repeat(5_000) + "b.c";
        assertThatThrownBy(() -> reader.file(reviewer, new RepoPath("oversized", MAIN, deep)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("longer than");

        String query = "x".repeat(10 * 1024 * 1024);
        long searched = System.nanoTime();
        assertThatThrownBy(() -> search.search(reviewer, SearchRequest.text(query)))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("characters long");
        assertThatThrownBy(() -> search.search(reviewer, SearchRequest.regex(query)))
                .isInstanceOf(SearchQueryException.class);
        assertThat(seconds(searched)).as("refusing a 10 MB query").isLessThan(2);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
