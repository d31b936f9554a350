package com.readingroom.source;

import static com.readingroom.source.SourceFixture.LAB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.audit.AuditUnavailableException;
import com.readingroom.identity.Person;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the reader shows, and what it records: every view exactly one event naming the agreement and scope, with the
 * disclosure's hash; listings, histories, diffs and blame hold only what the grant allows; a failed audit write
 * shows nothing.
 */
@SpringBootTest(properties = "readingroom.test.context=source-reader")
@ActiveProfiles("test")
class SourceReaderTests extends SourceContextTest {

    static final String KERNEL = "windows-kernel";
    static final String RELEASE = "refs/tags/release/2.0";

    @Test
    void aFileViewIsRecordedOnceWithTheAgreementScopeAndTheHashOfWhatWasShown() throws Exception {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        long before = SourceFixture.events(jdbc);

        FileContent file = reader.file(nato, new RepoPath(KERNEL, RELEASE, "src/ke/sched.c"));

        assertThat(file.kind()).isEqualTo(FileContent.Kind.TEXT);
        assertThat(file.text()).contains("#include");
        assertThat(file.language()).isEqualTo("c");
        assertThat(file.commitId()).hasSize(40);
        assertThat(SourceFixture.events(jdbc)).isEqualTo(before + 1);
        Map<String, Object> event = lastEvent();
        assertThat(event.get("action")).isEqualTo("FILE_VIEW");
        assertThat(event.get("actor")).isEqualTo("nato.reviewer");
        assertThat(event.get("agreement")).isEqualTo("RR-2026-001");
        assertThat(event.get("scope_id")).isNotNull();
        assertThat(event.get("repository")).isEqualTo(KERNEL);
        assertThat(event.get("path")).isEqualTo("src/ke/sched.c");
        String leaf = (String) event.get("leaf");
        assertThat(leaf)
                .contains("\"contentHash\":\"" + sha256(file.text()) + "\"")
                .contains("\"lines\":" + file.lines())
                .contains("\"commit\":\"" + file.commitId() + "\"")
                .contains("\"blob\":\"" + file.blobId() + "\"");
    }

    @Test
    void everyKindOfViewIsRecordedExactlyOnceUnderItsOwnAction() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        record Step(String action, Runnable view) {}
        List<Step> steps = List.of(
                new Step("REFS_VIEW", () -> reader.refs(nato, KERNEL)),
                new Step("TREE_VIEW", () -> reader.tree(nato, RepoPath.root(KERNEL, RELEASE))),
                new Step("HISTORY_VIEW", () -> reader.history(nato, new RepoPath(KERNEL, RELEASE, "src"), 0, 5)),
                new Step("DIFF_VIEW", () -> reader.commit(nato, KERNEL, SourceReaderSecurityTests.KE_COMMIT)),
                new Step("DIFF_VIEW", () -> reader.compare(nato, KERNEL, "refs/tags/release/1.0", RELEASE)),
                new Step("BLAME_VIEW", () -> reader.blame(nato, new RepoPath(KERNEL, RELEASE, "src/ke/sched.c"))));
        for (Step step : steps) {
            long before = SourceFixture.events(jdbc);
            step.view().run();
            assertThat(SourceFixture.events(jdbc)).as(step.action()).isEqualTo(before + 1);
            Map<String, Object> event = lastEvent();
            assertThat(event.get("action")).isEqualTo(step.action());
            assertThat(event.get("agreement")).isEqualTo("RR-2026-001");
            assertThat(event.get("scope_id")).isNotNull();
        }
    }

    @Test
    void aFolderListsOnlyWhatMayBeReadAndHidesAFolderWhoseEveryFileIsExcluded() {
        Person lab = SourceFixture.signIn(people, LAB);

        TreeListing root = reader.tree(lab, RepoPath.root(KERNEL, RELEASE));
        List<String> names = root.entries().stream().map(TreeEntry::name).toList();
        assertThat(names).contains("boot", "drivers", "include", "src", "Makefile", "LICENSE.txt");
        // docs/ holds only Markdown (excluded by **/*.md, not by a folder pattern); tools/ and tests/ are excluded.
        assertThat(names).doesNotContain("docs", "tools", "tests", "README.md", "CHANGES.md");
        assertThat(names.indexOf("boot")).isLessThan(names.indexOf("Makefile"));

        List<String> boot = reader.tree(lab, new RepoPath(KERNEL, RELEASE, "boot")).entries().stream()
                .map(TreeEntry::name)
                .toList();
        assertThat(boot).containsExactly("entry.S");
        assertThat(reader.tree(lab, new RepoPath(KERNEL, RELEASE, "src")).entries())
                .extracting(TreeEntry::name)
                .doesNotContain("mm");
        assertThatThrownBy(() -> reader.tree(lab, new RepoPath(KERNEL, RELEASE, "docs")))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessage(notThere("docs"));
        assertThatThrownBy(() -> reader.tree(lab, new RepoPath(KERNEL, RELEASE, "no-such-folder")))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessage(notThere("no-such-folder"));
        // Its history answers like that of a path that is not there, too.
        assertThatThrownBy(() -> reader.history(lab, new RepoPath(KERNEL, RELEASE, "docs"), 0, 10))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessage("There is no 'docs' at release/2.0.");
        assertThatThrownBy(() -> reader.history(lab, new RepoPath(KERNEL, RELEASE, "nothing-here"), 0, 10))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessage("There is no 'nothing-here' at release/2.0.");
    }

    private static String notThere(String folder) {
        return "There is no folder '" + folder + "' at release/2.0.";
    }

    @Test
    void historyDiffsAndComparisonsShowOnlyGrantedPaths() {
        Person lab = SourceFixture.signIn(people, LAB);

        List<String> history = reader.history(lab, RepoPath.root(KERNEL, RELEASE), 0, 50).commits().stream()
                .map(CommitSummary::id)
                .toList();
        // "Prepare the 2.0 release" and the mm forward-port touched only excluded files.
        assertThat(history)
                .contains(SourceReaderSecurityTests.KE_COMMIT)
                .doesNotContain("fddfad7ce98540dfef3d782802de7d48cadfc5ec", "f51743f2a258cd3967c8121cc41b382843ba80eb");

        CommitDiff commit = reader.commit(lab, KERNEL, SourceReaderSecurityTests.KE_COMMIT);
        assertThat(commit.files())
                .extracting(FileDiff::path)
                .contains("include/ke.h", "src/ke/dispatch.c", "src/ke/sched.c")
                .doesNotContain("docs/scheduler.md", "tests/test_dispatch.c");
        assertThat(commit.ref()).startsWith("refs/tags/release/");

        CommitDiff compare = reader.compare(lab, KERNEL, "refs/tags/release/1.0", RELEASE);
        assertThat(compare.files()).isNotEmpty();
        assertThat(compare.files())
                .extracting(FileDiff::path)
                .noneMatch(path -> path.endsWith(".md")
                        || path.startsWith("tests/")
                        || path.startsWith("tools/")
                        || path.startsWith("src/mm/"));

        assertThat(reader.refs(lab, KERNEL))
                .extracting(SourceRef::name)
                .containsExactly("refs/tags/release/1.0", "refs/tags/release/1.0.1", "refs/tags/release/1.1", RELEASE);
    }

    @Test
    void aDiffHasLineNumbersOnBothSides() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        FileDiff sched = reader.commit(nato, KERNEL, SourceReaderSecurityTests.KE_COMMIT).files().stream()
                .filter(file -> file.path().equals("src/ke/sched.c"))
                .findFirst()
                .orElseThrow();
        assertThat(sched.change()).isEqualTo(FileDiff.Change.MODIFIED);
        assertThat(sched.lines().getFirst().type()).isEqualTo(FileDiff.Line.Type.HUNK);
        assertThat(sched.lines()).anyMatch(line -> line.type() == FileDiff.Line.Type.ADDED && line.newNumber() > 0);
        assertThat(sched.lines())
                .filteredOn(line -> line.type() == FileDiff.Line.Type.CONTEXT)
                .allMatch(line -> line.oldNumber() > 0 && line.newNumber() > 0);
    }

    @Test
    void aPermalinkByCommitIdIsAllowedThroughAGrantedRefThatHoldsIt() {
        Person lab = SourceFixture.signIn(people, LAB);
        FileContent file =
                reader.file(lab, new RepoPath(KERNEL, SourceReaderSecurityTests.KE_COMMIT, "src/ke/sched.c"));
        assertThat(file.commitId()).isEqualTo(SourceReaderSecurityTests.KE_COMMIT);
        assertThat(file.ref()).isEqualTo(RELEASE);
        Map<String, Object> event = lastEvent();
        assertThat(event.get("agreement")).isEqualTo("RR-TEST-LAB");
    }

    @Test
    void blameNamesTheCommitOfEveryLine() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        Blame blame = reader.blame(nato, new RepoPath(KERNEL, RELEASE, "src/ke/sched.c"));
        assertThat(blame.lines()).isNotEmpty().allMatch(line -> line.commit() != null);
        assertThat(blame.lines()).extracting(line -> line.commit().id()).contains(SourceReaderSecurityTests.KE_COMMIT);
    }

    @Test
    void legacyEightBitTextIsDecodedAsIso88591() {
        Person cyber = SourceFixture.signIn(people, "cyber.reviewer");
        TreeListing all = reader.tree(cyber, RepoPath.root("office-word", "refs/heads/main"));
        assertThat(all.entries()).isNotEmpty();
        FileContent latin = findLatin1(cyber, "office-word", "");
        assertThat(latin).as("the office-word sample holds one ISO-8859-1 file").isNotNull();
        assertThat(latin.charset()).isEqualTo("ISO-8859-1");
        assertThat(latin.text()).doesNotContain("\uFFFD");
    }

    private FileContent findLatin1(Person person, String repository, String folder) {
        for (TreeEntry entry : reader.tree(person, new RepoPath(repository, "refs/heads/main", folder))
                .entries()) {
            if (entry.isDirectory()) {
                FileContent found = findLatin1(person, repository, entry.path());
                if (found != null) {
                    return found;
                }
            } else if (entry.kind() == TreeEntry.Kind.FILE) {
                FileContent file = reader.file(person, new RepoPath(repository, "refs/heads/main", entry.path()));
                if ("ISO-8859-1".equals(file.charset())) {
                    return file;
                }
            }
        }
        return null;
    }

    @Test
    void whenTheAuditLogCannotRecordTheViewTheFileIsNotShown() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        long before = SourceFixture.events(jdbc);
        jdbc.execute("alter table audit_event rename to audit_event_unavailable");
        try {
            assertThatThrownBy(() -> reader.file(nato, new RepoPath(KERNEL, RELEASE, "src/ke/sched.c")))
                    .isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("nothing was shown");
        } finally {
            jdbc.execute("alter table audit_event_unavailable rename to audit_event");
        }
        assertThat(SourceFixture.events(jdbc)).isEqualTo(before);
        // And once the log is back, the same view works and is recorded.
        reader.file(nato, new RepoPath(KERNEL, RELEASE, "src/ke/sched.c"));
        assertThat(SourceFixture.events(jdbc)).isEqualTo(before + 1);
    }

    @Test
    void theReaderActsOnlyForThePersonSignedIn() {
        Person nato = people.findByUsername("nato.reviewer").orElseThrow();
        SourceFixture.signIn(people, "cyber.reviewer");
        assertThatThrownBy(() -> reader.file(nato, new RepoPath(KERNEL, RELEASE, "src/ke/sched.c")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAllowedButMissingRefOrPathSaysSoPlainly() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        assertThatThrownBy(() -> reader.tree(nato, RepoPath.root(KERNEL, "refs/tags/release/9.9")))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessageContaining("There is no branch or tag 'release/9.9'");
        assertThatThrownBy(() -> reader.file(nato, new RepoPath(KERNEL, RELEASE, "src/nothing.c")))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessageContaining("There is no file 'src/nothing.c'");
        assertThatThrownBy(() -> reader.file(nato, new RepoPath(KERNEL, RELEASE, "/etc/passwd")))
                .isInstanceOf(SourceNotFoundException.class);
    }

    private Map<String, Object> lastEvent() {
        return jdbc.queryForMap("select * from audit_event where seq = (select max(seq) from audit_event)");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
