package com.readingroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.source.SourceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The grant filter judges each segment's documents once and keeps the answer; it must judge them again when a ref's
 * membership of a document changes in place (a doc-values update, the same document and the same grant), or a
 * reviewer would go on being shown what the refs no longer hold.
 */
// Its own context: the repository it registers and rewrites is no business of the other search tests.
@TestPropertySource(properties = "readingroom.test.context=search-freshness")
class GrantFilterFreshnessTests extends SearchContextTest {

    private static final String WORD = "Zqxfreshnessprobe";

    @Test
    void aFileThatLeavesAMovedReleaseTagIsNoLongerFoundByAReviewerWhoReadsReleaseTagsOnly() throws Exception {
        // Kept after the test: the context (and its scheduled index updates) outlive it.
        Path work = Files.createDirectories(Path.of("target/test-data/freshness-probe-" + java.util.UUID.randomUUID()));
        PersonIdent author = new PersonIdent("Probe", "probe@example.test");
        try (Git git =
                Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(work.resolve("src"));
            Files.writeString(work.resolve("src/probe.c"), "int " + WORD + "(void) { return 0; }\n");
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("probe")
                    .setAuthor(author)
                    .setCommitter(author)
                    .call();
            git.tag().setName("release/9.9").setTagger(author).setMessage("9.9").call();
            long windows = catalog.findProduct("Windows").orElseThrow().id();
            SourceFixture.asManager(() -> catalog.registerRepository(windows, "freshness-probe", "probe", work));
            assertThat(index.awaitIdle(Duration.ofMinutes(2))).isTrue();
            SearchResults tagged = searchAs(SourceFixture.LAB, SearchRequest.text(WORD));
            assertThat(tagged.totalFiles()).isEqualTo(1);
            assertThat(tagged.files().getFirst().refs()).containsExactly("release/9.9");

            // The tag moves to a commit without the file; main still holds it, so its document stays and only
            // its ref bit set changes.
            git.checkout().setCreateBranch(true).setName("side").call();
            git.rm().addFilepattern("src/probe.c").call();
            Files.createDirectories(work.resolve("src"));
            Files.writeString(work.resolve("src/other.c"), "int other(void) { return 1; }\n");
            git.add().addFilepattern(".").call();
            RevCommit without = git.commit()
                    .setMessage("no probe")
                    .setAuthor(author)
                    .setCommitter(author)
                    .call();
            git.tag()
                    .setName("release/9.9")
                    .setObjectId(without)
                    .setForceUpdate(true)
                    .setTagger(author)
                    .setMessage("9.9 again")
                    .call();
            // HEAD names the default branch: back to main, which still holds the file.
            git.checkout().setName("main").call();
            SourceFixture.asManager(() -> {
                index.requestUpdate();
                return null;
            });
            assertThat(index.awaitIdle(Duration.ofMinutes(2))).isTrue();

            assertThat(searchAs("nato.reviewer", SearchRequest.text(WORD)).files())
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.refs()).containsExactly("main"));
            assertThat(searchAs(SourceFixture.LAB, SearchRequest.text(WORD)).totalFiles())
                    .as("the tag no longer holds it")
                    .isZero();
        }
    }
}
