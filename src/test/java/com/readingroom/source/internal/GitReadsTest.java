package com.readingroom.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessPolicy.PathDecisions;
import com.readingroom.access.HostedRepository;
import com.readingroom.source.FileContent;
import com.readingroom.source.RepoPath;
import com.readingroom.source.TreeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads on odd content, in a repository built in code: a symbolic link pointing out of the repository, a
 * submodule, a binary file, a file larger than the limit, UTF-16 and ISO-8859-1 text, and a folder whose only file is
 * excluded.
 */
class GitReadsTest {

    private static final long LIMIT = 1024;

    @TempDir
    Path dir;

    private Repository git;
    private RevCommit commit;

    @BeforeEach
    void buildRepository() throws IOException {
        git = new FileRepositoryBuilder()
                .setGitDir(dir.resolve("odd.git").toFile())
                .build();
        git.create(true);
        try (ObjectInserter insert = git.newObjectInserter();
                RevWalk walk = new RevWalk(git)) {
            TreeFormatter secrets = new TreeFormatter();
            secrets.append("key.pem", FileMode.REGULAR_FILE, blob(insert, "-----BEGIN PRIVATE KEY-----\n"));
            ObjectId secretsTree = insert.insert(secrets);

            byte[] big = "line of text\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
            byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3};
            byte[] utf16 = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, "héllo\n".getBytes(StandardCharsets.UTF_16LE));
            byte[] latin1 = "Gr\u00fc\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1);

            TreeFormatter root = new TreeFormatter();
            // TreeFormatter wants entries in git's order.
            root.append("big.txt", FileMode.REGULAR_FILE, insert.insert(Constants.OBJ_BLOB, big));
            root.append("escape", FileMode.SYMLINK, blob(insert, "../../etc/passwd"));
            root.append("latin1.txt", FileMode.REGULAR_FILE, insert.insert(Constants.OBJ_BLOB, latin1));
            root.append("logo.png", FileMode.REGULAR_FILE, insert.insert(Constants.OBJ_BLOB, binary));
            root.append("run.sh", FileMode.EXECUTABLE_FILE, blob(insert, "#!/bin/sh\necho hi\n"));
            root.append("secrets", FileMode.TREE, secretsTree);
            root.append("vendor", FileMode.GITLINK, ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
            root.append("wide.txt", FileMode.REGULAR_FILE, insert.insert(Constants.OBJ_BLOB, utf16));
            ObjectId tree = insert.insert(root);

            CommitBuilder builder = new CommitBuilder();
            PersonIdent who = new PersonIdent(
                    "Test", "test@example.test", Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
            builder.setAuthor(who);
            builder.setCommitter(who);
            builder.setMessage("odd content\n");
            builder.setTreeId(tree);
            ObjectId id = insert.insert(builder);
            insert.flush();
            commit = walk.parseCommit(id);
        }
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void aSymbolicLinkShowsItsTargetAndIsNotFollowed() throws IOException {
        FileContent link = file("escape");
        assertThat(link.kind()).isEqualTo(FileContent.Kind.SYMLINK);
        assertThat(link.text()).isEqualTo("../../etc/passwd");
    }

    @Test
    void aSubmoduleShowsThePinnedCommit() throws IOException {
        FileContent submodule = file("vendor");
        assertThat(submodule.kind()).isEqualTo(FileContent.Kind.SUBMODULE);
        assertThat(submodule.text()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void aBinaryFileShowsOnlyItsSize() throws IOException {
        FileContent png = file("logo.png");
        assertThat(png.kind()).isEqualTo(FileContent.Kind.BINARY);
        assertThat(png.text()).isNull();
        assertThat(png.size()).isEqualTo(11);
    }

    @Test
    void aLargeFileShowsItsFirstWholeLines() throws IOException {
        FileContent big = file("big.txt");
        assertThat(big.truncated()).isTrue();
        assertThat(big.size()).isEqualTo(2600);
        assertThat(big.text()).endsWith("line of text\n").hasSizeLessThanOrEqualTo((int) LIMIT);
        assertThat(big.lines()).isEqualTo((int) (LIMIT / 13));
        assertThat(big.sha256())
                .isEqualTo(GitReads.sha256(
                        big.text().getBytes(StandardCharsets.US_ASCII),
                        big.text().length()));
    }

    @Test
    void textInOtherEncodingsIsDecodedNotRefused() throws IOException {
        FileContent utf16 = file("wide.txt");
        assertThat(utf16.text()).isEqualTo("héllo\n");
        assertThat(utf16.charset()).isEqualTo("UTF-16LE");
        FileContent latin1 = file("latin1.txt");
        assertThat(latin1.text()).isEqualTo("Grüße\n");
        assertThat(latin1.charset()).isEqualTo("ISO-8859-1");
    }

    @Test
    void aFolderWhoseEveryFileIsExcludedIsNotListed() throws IOException {
        List<TreeEntry> all = GitReads.tree(git, commit.getTree(), "", decisions(path -> true));
        assertThat(all).extracting(TreeEntry::name).startsWith("secrets").contains("escape", "vendor", "run.sh");
        assertThat(all)
                .filteredOn(entry -> entry.name().equals("run.sh"))
                .extracting(TreeEntry::kind)
                .containsExactly(TreeEntry.Kind.EXECUTABLE);
        assertThat(all)
                .filteredOn(entry -> entry.name().equals("escape"))
                .extracting(TreeEntry::target)
                .containsExactly("../../etc/passwd");

        List<TreeEntry> withoutPem =
                GitReads.tree(git, commit.getTree(), "", decisions(path -> !path.endsWith(".pem")));
        assertThat(withoutPem).extracting(TreeEntry::name).doesNotContain("secrets");
    }

    @Test
    void anEntrysLastCommitIgnoresCommitsThatChangedOnlyExcludedFiles() throws IOException {
        RevCommit first;
        RevCommit second;
        try (ObjectInserter insert = git.newObjectInserter();
                RevWalk walk = new RevWalk(git)) {
            ObjectId code = blob(insert, "int main(void) { return 0; }\n");
            first = walk.parseCommit(commit(insert, folder(insert, code, blob(insert, "key one\n")), null, "add"));
            second = walk.parseCommit(
                    commit(insert, folder(insert, code, blob(insert, "key two\n")), first, "rotate the key"));
        }
        List<TreeEntry> dir = List.of(new TreeEntry("dir", "dir", TreeEntry.Kind.DIRECTORY, -1, null));

        List<TreeEntry> forAll = GitReads.withLastCommits(git, second, "", dir, decisions(path -> true));
        assertThat(forAll.getFirst().lastCommit().id()).isEqualTo(second.name());
        List<TreeEntry> withoutPem =
                GitReads.withLastCommits(git, second, "", dir, decisions(path -> !path.endsWith(".pem")));
        assertThat(withoutPem.getFirst().lastCommit().id()).isEqualTo(first.name());
        List<TreeEntry> inside = GitReads.withLastCommits(
                git,
                second,
                "dir",
                List.of(new TreeEntry("a.c", "dir/a.c", TreeEntry.Kind.FILE, 30, null)),
                decisions(path -> true));
        assertThat(inside.getFirst().lastCommit().subject()).isEqualTo("add");
    }

    private static ObjectId folder(ObjectInserter insert, ObjectId code, ObjectId key) throws IOException {
        TreeFormatter dir = new TreeFormatter();
        dir.append("a.c", FileMode.REGULAR_FILE, code);
        dir.append("secret.pem", FileMode.REGULAR_FILE, key);
        TreeFormatter root = new TreeFormatter();
        root.append("dir", FileMode.TREE, insert.insert(dir));
        return insert.insert(root);
    }

    private static ObjectId commit(ObjectInserter insert, ObjectId tree, RevCommit parent, String message)
            throws IOException {
        CommitBuilder builder = new CommitBuilder();
        PersonIdent who = new PersonIdent(
                "Test", "test@example.test", Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        builder.setAuthor(who);
        builder.setCommitter(who);
        builder.setMessage(message + "\n");
        builder.setTreeId(tree);
        if (parent != null) {
            builder.setParentId(parent);
        }
        ObjectId id = insert.insert(builder);
        insert.flush();
        return id;
    }

    private FileContent file(String path) throws IOException {
        GitReads.Found found = GitReads.find(git, commit, path);
        return GitReads.file(
                git, new RepoPath("odd", "refs/heads/main", path), "refs/heads/main", commit, found, LIMIT);
    }

    private static PathDecisions decisions(Predicate<String> readable) {
        return new PathDecisions() {
            @Override
            public AccessDecision file(String path) {
                return decision(readable.test(path));
            }

            @Override
            public AccessDecision tree(String directory) {
                return decision(true);
            }

            @Override
            public Optional<HostedRepository> repository() {
                return Optional.empty();
            }
        };
    }

    private static AccessDecision decision(boolean allowed) {
        return new AccessDecision(
                allowed ? AccessDecision.Outcome.ALLOW : AccessDecision.Outcome.DENY,
                "test",
                null,
                null,
                null,
                null,
                "odd",
                "refs/heads/main",
                "",
                Instant.now());
    }

    private static ObjectId blob(ObjectInserter insert, String text) throws IOException {
        return insert.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
