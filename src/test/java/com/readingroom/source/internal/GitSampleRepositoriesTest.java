package com.readingroom.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.source.ImportedRepository;
import com.readingroom.source.SampleImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSampleRepositoriesTest {

    @TempDir
    Path samples;

    @TempDir
    Path target;

    private final GitSampleRepositories importer = new GitSampleRepositories();

    @BeforeEach
    void writeSample() throws IOException {
        Path sample = samples.resolve("demo-kernel");
        write(sample.resolve("01-import/README.md"), "# Demo kernel\n");
        write(sample.resolve("01-import/src/pool.c"), "int pool_alloc(int n) { return n; }\n");
        write(sample.resolve("01-import/src/old.c"), "/* to be removed */\n");
        write(sample.resolve("02-fix/src/pool.c"), "int pool_alloc(int n) { return n + 1; }\n");
        write(sample.resolve("03-hotfix/src/pool.c"), "int pool_alloc(int n) { return n > 0 ? n : 0; }\n");
        write(sample.resolve("04-feature/src/new.c"), "int feature(void) { return 1; }\n");
        write(sample.resolve("history.json"), """
                {
                  "description": "A tiny kernel",
                  "commits": [
                    {"id": "01-import", "branch": "main", "message": "Import", "author": "Dana W <dana@vendor.example>",
                     "date": "2025-01-06T09:00:00Z", "tags": ["release/1.0"]},
                    {"id": "02-fix", "branch": "main", "message": "Fix pool", "author": "Lee K <lee@vendor.example>",
                     "date": "2025-01-07T09:00:00Z", "tags": ["release/1.1"]},
                    {"id": "03-hotfix", "branch": "release/1.x", "from": "release/1.0", "message": "Hotfix",
                     "author": "Dana W <dana@vendor.example>", "date": "2025-01-08T09:00:00Z", "tags": ["release/1.0.1"]},
                    {"id": "04-feature", "branch": "main", "message": "Feature\\n\\nAnd remove old.c",
                     "author": "Lee K <lee@vendor.example>", "date": "2025-01-09T09:00:00Z", "delete": ["src/old.c"]}
                  ]
                }
                """);
    }

    @Test
    void replaysTheManifestIntoABareRepositoryWithBranchesAndAnnotatedTags() throws IOException {
        List<ImportedRepository> imported = importer.importAll(samples, target);

        assertThat(imported).singleElement().satisfies(repository -> {
            assertThat(repository.name()).isEqualTo("demo-kernel");
            assertThat(repository.description()).isEqualTo("A tiny kernel");
            assertThat(repository.created()).isTrue();
        });
        try (Repository git = FileRepositoryBuilder.create(
                        target.resolve("demo-kernel.git").toFile());
                RevWalk walk = new RevWalk(git)) {
            assertThat(git.isBare()).isTrue();
            assertThat(git.getFullBranch()).isEqualTo("refs/heads/main");
            assertThat(git.getRefDatabase().getRefsByPrefix("refs/").stream().map(Ref::getName))
                    .containsExactlyInAnyOrder(
                            "refs/heads/main",
                            "refs/heads/release/1.x",
                            "refs/tags/release/1.0",
                            "refs/tags/release/1.1",
                            "refs/tags/release/1.0.1");

            RevCommit main = walk.parseCommit(git.resolve("refs/heads/main"));
            assertThat(main.getFullMessage()).isEqualTo("Feature\n\nAnd remove old.c\n");
            assertThat(main.getAuthorIdent().getEmailAddress()).isEqualTo("lee@vendor.example");
            assertThat(content(git, main, "src/pool.c")).contains("n + 1");
            assertThat(content(git, main, "src/old.c")).isNull();

            RevCommit hotfix = walk.parseCommit(git.resolve("refs/heads/release/1.x"));
            RevTag release10 = walk.parseTag(git.resolve("refs/tags/release/1.0"));
            assertThat(hotfix.getParent(0)).isEqualTo(release10.getObject());
            assertThat(content(git, hotfix, "src/pool.c")).contains("n > 0");
            assertThat(content(git, hotfix, "src/old.c")).isNotNull();
            assertThat(release10.getTaggerIdent().getName()).isEqualTo("Dana W");
        }
    }

    @Test
    void theSameSamplesAlwaysGiveTheSameCommitIds(@TempDir Path otherTarget) throws IOException {
        importer.importAll(samples, target);
        importer.importAll(samples, otherTarget);

        assertThat(head(otherTarget)).isEqualTo(head(target));
    }

    @Test
    void leavesAnExistingRepositoryAsItIs() throws IOException {
        importer.importAll(samples, target);
        ObjectId before = head(target);

        List<ImportedRepository> again = importer.importAll(samples, target);

        assertThat(again)
                .singleElement()
                .extracting(ImportedRepository::created)
                .isEqualTo(false);
        assertThat(head(target)).isEqualTo(before);
        try (var children = Files.list(target)) {
            assertThat(children.map(path -> path.getFileName().toString())).containsExactly("demo-kernel.git");
        }
    }

    @Test
    void explainsAMalformedManifestAndLeavesNothingHalfMade() throws IOException {
        write(samples.resolve("demo-kernel/history.json"), """
                {"description": "broken", "commits": [
                  {"id": "01-import", "branch": "main", "message": "Import", "author": "Dana W <dana@vendor.example>",
                   "date": "2025-01-06T09:00:00Z", "delete": ["no/such/file.c"]}]}
                """);

        assertThatThrownBy(() -> importer.importAll(samples, target))
                .isInstanceOf(SampleImportException.class)
                .hasMessageContaining("commit '01-import'")
                .hasMessageContaining("cannot delete 'no/such/file.c'");
        try (var children = Files.list(target)) {
            assertThat(children).isEmpty();
        }
    }

    private static ObjectId head(Path target) throws IOException {
        try (Repository git =
                FileRepositoryBuilder.create(target.resolve("demo-kernel.git").toFile())) {
            return git.resolve("refs/heads/main");
        }
    }

    private static String content(Repository git, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(git, path, commit.getTree())) {
            return walk == null
                    ? null
                    : new String(git.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
