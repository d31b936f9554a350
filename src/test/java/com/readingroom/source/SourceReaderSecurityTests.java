package com.readingroom.source;

import static com.readingroom.source.SourceFixture.LAB;
import static com.readingroom.source.SourceFixture.PAUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessDeniedException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tries to get source out of every {@link SourceReader} method that it must not give: another agency's product, an
 * expired and a suspended agreement, a path excluded by pattern, a ref not granted, crafted paths, vendor staff. Each
 * attempt is refused, recorded exactly once as ACCESS_DENIED and nothing else, and returns nothing.
 */
@SpringBootTest(properties = "readingroom.test.context=source-reader")
@ActiveProfiles("test")
class SourceReaderSecurityTests extends SourceContextTest {

    static final String KERNEL = "windows-kernel";
    static final String RELEASE = "refs/tags/release/2.0";
    static final String MAIN = "refs/heads/main";
    /** Changes only CHANGES.md, src/mm/pool.c and tests/test_pool.c: all excluded for the lab. */
    static final String MM_ONLY_COMMIT = "549af4dea52f347832aedc0d4577cae38a6fa54b";

    static final String KE_COMMIT = "360b2dfa84efc02a97c0d4383ea8b05a8fb69e3a";

    record Attempt(String who, Function<Call, Object> call) {}

    /** What a test asks of the reader, for the signed-in person. */
    interface Call {
        SourceReader reader();

        com.readingroom.identity.Person person();
    }

    static Stream<Arguments> refusals() {
        List<String> outsiders = List.of("cyber.reviewer", "expired.reviewer", PAUSED, "pm", "auditor");
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String who : outsiders) {
            cases.add(of("refs", who, c -> c.reader().refs(c.person(), KERNEL)));
            cases.add(of("tree", who, c -> c.reader().tree(c.person(), RepoPath.root(KERNEL, RELEASE))));
            cases.add(of(
                    "file", who, c -> c.reader().file(c.person(), new RepoPath(KERNEL, RELEASE, "src/ke/sched.c"))));
            cases.add(of("history", who, c -> c.reader().history(c.person(), RepoPath.root(KERNEL, RELEASE), 0, 10)));
            cases.add(of("commit", who, c -> c.reader().commit(c.person(), KERNEL, KE_COMMIT)));
            cases.add(
                    of("compare", who, c -> c.reader().compare(c.person(), KERNEL, "refs/tags/release/1.0", RELEASE)));
            cases.add(of(
                    "blame", who, c -> c.reader().blame(c.person(), new RepoPath(KERNEL, RELEASE, "src/ke/sched.c"))));
            cases.add(of(
                    "file by commit id",
                    who,
                    c -> c.reader().file(c.person(), new RepoPath(KERNEL, KE_COMMIT, "src/ke/sched.c"))));
        }
        // The lab may read the kernel at release tags, minus its excludes.
        cases.add(of(
                "excluded file",
                LAB,
                c -> c.reader().file(c.person(), new RepoPath(KERNEL, RELEASE, "docs/architecture.md"))));
        cases.add(of(
                "excluded file, other case",
                LAB,
                c -> c.reader().file(c.person(), new RepoPath(KERNEL, RELEASE, "README.MD"))));
        cases.add(of("excluded folder", LAB, c -> c.reader().tree(c.person(), new RepoPath(KERNEL, RELEASE, "tools"))));
        cases.add(of(
                "excluded history",
                LAB,
                c -> c.reader().history(c.person(), new RepoPath(KERNEL, RELEASE, "src/mm/pool.c"), 0, 10)));
        cases.add(of(
                "excluded blame",
                LAB,
                c -> c.reader().blame(c.person(), new RepoPath(KERNEL, RELEASE, "boot/linker.ld"))));
        cases.add(of(
                "commit changing only excluded files",
                LAB,
                c -> c.reader().commit(c.person(), KERNEL, MM_ONLY_COMMIT)));
        cases.add(of(
                "unknown commit",
                LAB,
                c -> c.reader().commit(c.person(), KERNEL, "0123456789abcdef0123456789abcdef01234567")));
        cases.add(of("ref not granted: tree", LAB, c -> c.reader().tree(c.person(), RepoPath.root(KERNEL, MAIN))));
        cases.add(of(
                "ref not granted: file",
                LAB,
                c -> c.reader().file(c.person(), new RepoPath(KERNEL, MAIN, "src/ke/sched.c"))));
        cases.add(of(
                "ref not granted: history",
                LAB,
                c -> c.reader().history(c.person(), RepoPath.root(KERNEL, MAIN), 0, 10)));
        cases.add(of("ref not granted: compare", LAB, c -> c.reader().compare(c.person(), KERNEL, MAIN, RELEASE)));
        cases.add(of(
                "ref not granted: blame",
                LAB,
                c -> c.reader().blame(c.person(), new RepoPath(KERNEL, MAIN, "src/ke/sched.c"))));
        cases.add(of("short ref name", LAB, c -> c.reader().tree(c.person(), RepoPath.root(KERNEL, "release/2.0"))));
        cases.add(of(
                "crafted ref",
                LAB,
                c -> c.reader().tree(c.person(), RepoPath.root(KERNEL, "refs/tags/release/2.0/../../heads/main"))));
        for (String crafted : List.of(
                "../windows-shell/README.md",
                "src/../../etc/passwd",
                "%2e%2e/etc/passwd",
                "src/%2E%2E/x",
                "//etc/passwd",
                "src//ke",
                "src/ke/sched.c\u0000.txt",
                "src\\ke\\sched.c",
                "./src",
                "src/ke/\n")) {
            cases.add(of(
                    "crafted path " + crafted.replace("\u0000", "\\0").replace("\n", "\\n"),
                    LAB,
                    c -> c.reader().file(c.person(), new RepoPath(KERNEL, RELEASE, crafted))));
            cases.add(of(
                    "crafted folder " + crafted.replace("\u0000", "\\0").replace("\n", "\\n"),
                    LAB,
                    c -> c.reader().tree(c.person(), new RepoPath(KERNEL, RELEASE, crafted))));
        }
        cases.add(of(
                "crafted history path",
                LAB,
                c -> c.reader().history(c.person(), new RepoPath(KERNEL, RELEASE, "../x"), 0, 10)));
        cases.add(of(
                "crafted blame path",
                LAB,
                c -> c.reader().blame(c.person(), new RepoPath(KERNEL, RELEASE, "src/%2e%2e/x"))));
        cases.add(of(
                "a repository that does not exist",
                LAB,
                c -> c.reader().tree(c.person(), RepoPath.root("windows-secret", RELEASE))));
        cases.add(of("another product's repository", LAB, c -> c.reader().refs(c.person(), "office-word")));
        return cases.build();
    }

    private static Arguments of(String name, String who, Function<Call, Object> call) {
        return Arguments.of(name + " as " + who, new Attempt(who, call));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedAuditedOnceAndDisclosesNothing(String name, Attempt attempt) {
        var person = SourceFixture.signIn(people, attempt.who());
        long before = SourceFixture.events(jdbc);
        long deniedBefore = SourceFixture.events(jdbc, "ACCESS_DENIED");
        Call call = new Call() {
            @Override
            public SourceReader reader() {
                return reader;
            }

            @Override
            public com.readingroom.identity.Person person() {
                return person;
            }
        };

        assertThatThrownBy(() -> attempt.call().apply(call))
                .isInstanceOf(AccessDeniedException.class)
                .satisfies(refusal -> assertThat(refusal.getMessage()).isNotBlank());

        assertThat(SourceFixture.events(jdbc, "ACCESS_DENIED")).isEqualTo(deniedBefore + 1);
        assertThat(SourceFixture.events(jdbc)).isEqualTo(before + 1);
        String actor = jdbc.queryForObject(
                "select actor from audit_event where seq = (select max(seq) from audit_event)", String.class);
        assertThat(actor).isEqualTo(attempt.who());
    }
}
