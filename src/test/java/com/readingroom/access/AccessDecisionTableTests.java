package com.readingroom.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The decision point, case by case, on the real services and database: every status, the edges of every window,
 * include/exclude interplay, ref patterns, path normalisation attacks, and two agencies with overlapping products.
 *
 * <p>Fixture (all windows UTC): agency Alpha — A-ACTIVE (2026-01-01 to 2026-12-31): scope W on Windows, all paths but
 * {@code **}{@code /*.pfx} and {@code windows-kernel/secrets/**}, refs {@code refs/tags/release/*} and
 * {@code refs/heads/main}; scope O on Office, {@code office-word/src/**} only, 2026-03-01 to 2026-04-01 — and
 * A-SUSPENDED (Office, whole product). Agency Beta — B-1 (Windows, {@code windows-shell/**}) and B-2 (Windows,
 * {@code windows-shell/src/**} except {@code windows-shell/src/private/**}). Agency Gamma — G-DRAFT (Windows),
 * G-TERMINATED (Office), G-EXPIRED (Windows, 2025).
 */
@SpringBootTest(properties = "readingroom.test.context=decision-table")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessDecisionTableTests {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");
    static final Instant MID = Instant.parse("2026-06-15T12:00:00Z");
    static final Instant IN_OFFICE_WINDOW = Instant.parse("2026-03-15T00:00:00Z");
    static final String MAIN = "refs/heads/main";
    static final String R10 = "refs/tags/release/1.0";

    @Autowired
    AccessPolicy policy;

    @Autowired
    Agencies agencies;

    @Autowired
    Agreements agreements;

    @Autowired
    Catalog catalog;

    @Autowired
    People people;

    @BeforeAll
    void createFixture() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "fixture", null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        long windows = catalog.findProduct("Windows").orElseThrow().id();
        long office = catalog.findProduct("Office").orElseThrow().id();

        Agency alpha = agencies.create("Alpha Test Agency", "BE", null);
        reviewer("alpha.reviewer", alpha);
        Agreement active = agreement("A-ACTIVE", alpha, FROM, UNTIL);
        agreements.addScope(
                active.id(),
                new NewScope(
                        windows,
                        List.of(),
                        List.of("**/*.pfx", "windows-kernel/secrets/**"),
                        List.of("refs/tags/release/*", MAIN),
                        null,
                        null));
        agreements.addScope(
                active.id(),
                new NewScope(
                        office,
                        List.of("office-word/src/**"),
                        List.of(),
                        List.of(),
                        Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-04-01T00:00:00Z")));
        agreements.activate(active.id());
        Agreement suspended = agreement("A-SUSPENDED", alpha, FROM, UNTIL);
        agreements.addScope(suspended.id(), NewScope.wholeProduct(office));
        agreements.activate(suspended.id());
        agreements.suspend(suspended.id(), "audit of the agency's premises");

        Agency beta = agencies.create("Beta Test Agency", "NL", null);
        reviewer("beta.reviewer", beta);
        Agreement b1 = agreement("B-1", beta, FROM, UNTIL);
        agreements.addScope(
                b1.id(), new NewScope(windows, List.of("windows-shell/**"), List.of(), List.of(), null, null));
        agreements.activate(b1.id());
        Agreement b2 = agreement("B-2", beta, FROM, UNTIL);
        agreements.addScope(
                b2.id(),
                new NewScope(
                        windows,
                        List.of("windows-shell/src/**"),
                        List.of("windows-shell/src/private/**"),
                        List.of(),
                        null,
                        null));
        agreements.activate(b2.id());

        Agency gamma = agencies.create("Gamma Test Agency", "SE", null);
        reviewer("gamma.reviewer", gamma);
        Agreement draft = agreement("G-DRAFT", gamma, FROM, UNTIL);
        agreements.addScope(draft.id(), NewScope.wholeProduct(windows));
        Agreement terminated = agreement("G-TERMINATED", gamma, FROM, UNTIL);
        agreements.addScope(terminated.id(), NewScope.wholeProduct(office));
        agreements.activate(terminated.id());
        agreements.terminate(terminated.id(), "contract ended early");
        Agreement expired = agreement(
                "G-EXPIRED", gamma, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z"));
        agreements.addScope(expired.id(), NewScope.wholeProduct(windows));
        agreements.activate(expired.id());

        Agency delta = agencies.create("Delta Test Agency", "DE", null);
        reviewer("delta.reviewer", delta);
        Agreement deltaAgreement = agreement("D-1", delta, FROM, UNTIL);
        agreements.addScope(deltaAgreement.id(), NewScope.wholeProduct(windows));
        agreements.activate(deltaAgreement.id());
        agencies.setStatus(delta.id(), AgencyStatus.INACTIVE);

        Agency epsilon = agencies.create("Epsilon Test Agency", "FR", null);
        reviewer("epsilon.reviewer", epsilon);
        people.setEnabled("epsilon.reviewer", false);
    }

    @AfterAll
    void clearAuthentication() {
        SecurityContextHolder.clearContext();
    }

    private void reviewer(String username, Agency agency) {
        people.create(new NewPerson(username, username, null, agency.id(), Set.of(Role.REVIEWER), "test-password"));
    }

    private Agreement agreement(String reference, Agency agency, Instant from, Instant until) {
        return agreements.createDraft(new NewAgreement(reference, agency.id(), reference + " title", "", from, until));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // --- statuses
                allow(
                        "active agreement, whole product",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "src/mm/pool.c",
                        MID,
                        "A-ACTIVE"),
                deny(
                        "suspended agreement grants nothing",
                        "alpha",
                        "office-excel",
                        MAIN,
                        "README.md",
                        MID,
                        "suspended since"),
                deny("suspension reason is given", "alpha", "office-excel", MAIN, "README.md", MID, "premises"),
                deny(
                        "a draft beside an expired agreement: the closer reason is given",
                        "gamma",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        MID,
                        "G-EXPIRED expired on"),
                deny("terminated grants nothing", "gamma", "office-word", MAIN, "src/main.cpp", MID, "terminated"),
                deny("expired by time, no job needed", "gamma", "windows-kernel", MAIN, "README.md", MID, "expired on"),
                allow(
                        "the expired agreement granted while in force",
                        "gamma",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        at("2025-06-01T00:00:00Z"),
                        "G-EXPIRED"),
                deny("inactive agency", "delta", "windows-kernel", MAIN, "README.md", MID, "agency is not active"),
                deny("disabled account", "epsilon", "windows-kernel", MAIN, "README.md", MID, "disabled"),
                deny(
                        "program manager reads no source",
                        "pm",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        MID,
                        "Only reviewers"),
                deny("auditor reads no source", "auditor", "windows-kernel", MAIN, "README.md", MID, "Only reviewers"),
                // --- time edges of the agreement (2026-01-01 .. 2026-12-31, end exclusive)
                deny(
                        "one second before valid-from",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        FROM.minusSeconds(1),
                        "takes effect"),
                allow("exactly at valid-from", "alpha", "windows-kernel", MAIN, "README.md", FROM, "A-ACTIVE"),
                allow(
                        "one second after valid-from",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        FROM.plusSeconds(1),
                        "A-ACTIVE"),
                allow(
                        "one second before valid-until",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        UNTIL.minusSeconds(1),
                        "A-ACTIVE"),
                deny("exactly at valid-until", "alpha", "windows-kernel", MAIN, "README.md", UNTIL, "expired on"),
                deny(
                        "one second after valid-until",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        UNTIL.plusSeconds(1),
                        "expired on"),
                deny(
                        "valid-from in another time zone, one second before",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        at("2026-01-01T01:59:59+02:00"),
                        "takes effect"),
                allow(
                        "valid-from in another time zone, exactly",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        at("2026-01-01T02:00:00+02:00"),
                        "A-ACTIVE"),
                allow(
                        "valid-until in a western zone, one second before",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        at("2026-12-30T18:59:59-05:00"),
                        "A-ACTIVE"),
                deny(
                        "valid-until in a western zone, exactly",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        at("2026-12-30T19:00:00-05:00"),
                        "expired on"),
                // --- the scope's own narrower window (Office: 2026-03-01 .. 2026-04-01)
                deny(
                        "before the scope's window",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/core/document.cpp",
                        at("2026-02-28T23:59:59Z"),
                        "only in force from"),
                allow(
                        "at the scope's start",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/core/document.cpp",
                        at("2026-03-01T00:00:00Z"),
                        "A-ACTIVE"),
                allow(
                        "inside the scope's window",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/core/document.cpp",
                        IN_OFFICE_WINDOW,
                        "A-ACTIVE"),
                deny(
                        "at the scope's end",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/core/document.cpp",
                        at("2026-04-01T00:00:00Z"),
                        "only in force from"),
                // --- includes
                deny(
                        "outside the include",
                        "alpha",
                        "office-word",
                        MAIN,
                        "docs/design.md",
                        IN_OFFICE_WINDOW,
                        "outside what your agreements grant"),
                deny(
                        "include is not a prefix match",
                        "alpha",
                        "office-word",
                        MAIN,
                        "srcx/main.cpp",
                        IN_OFFICE_WINDOW,
                        "outside"),
                deny(
                        "the included folder name itself is no file in it",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src",
                        IN_OFFICE_WINDOW,
                        "outside"),
                deny(
                        "other repository of the product not included",
                        "alpha",
                        "office-excel",
                        MAIN,
                        "README.md",
                        IN_OFFICE_WINDOW,
                        "suspended since"),
                allow(
                        "deep file under the include",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/io/zip/zip_archive.cpp",
                        IN_OFFICE_WINDOW,
                        "A-ACTIVE"),
                // --- excludes win
                deny(
                        "excluded extension at the root",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "signing.pfx",
                        MID,
                        "excluded by pattern '**/*.pfx'"),
                deny(
                        "excluded extension deep down",
                        "alpha",
                        "windows-shell",
                        MAIN,
                        "build/keys/release.pfx",
                        MID,
                        "excluded by pattern"),
                deny(
                        "excluded extension in another case",
                        "alpha",
                        "windows-shell",
                        MAIN,
                        "build/keys/RELEASE.PFX",
                        MID,
                        "excluded"),
                deny(
                        "excluded folder",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "secrets/root.key",
                        MID,
                        "excluded by pattern 'windows-kernel/secrets/**'"),
                deny(
                        "excluded folder in another case",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "SECRETS/root.key",
                        MID,
                        "excluded"),
                allow(
                        "same name outside the excluded folder",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "docs/secrets.md",
                        MID,
                        "A-ACTIVE"),
                allow(
                        "similar extension is not excluded",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "docs/pfx-format.md",
                        MID,
                        "A-ACTIVE"),
                // --- ref patterns (scope W: refs/tags/release/* and refs/heads/main)
                allow("granted release tag", "alpha", "windows-kernel", R10, "README.md", MID, "A-ACTIVE"),
                allow(
                        "granted hotfix tag",
                        "alpha",
                        "windows-kernel",
                        "refs/tags/release/1.0.1",
                        "README.md",
                        MID,
                        "A-ACTIVE"),
                allow("granted branch", "alpha", "windows-kernel", MAIN, "README.md", MID, "A-ACTIVE"),
                deny(
                        "servicing branch not granted",
                        "alpha",
                        "windows-kernel",
                        "refs/heads/release/1.x",
                        "README.md",
                        MID,
                        "not granted"),
                deny(
                        "other tag family not granted",
                        "alpha",
                        "windows-kernel",
                        "refs/tags/beta/2.0",
                        "README.md",
                        MID,
                        "not granted"),
                deny(
                        "star does not cross a slash",
                        "alpha",
                        "windows-kernel",
                        "refs/tags/release/1.0/extra",
                        "README.md",
                        MID,
                        "not granted"),
                deny("short ref name refused", "alpha", "windows-kernel", "main", "README.md", MID, "full name"),
                deny(
                        "ref with '..' refused",
                        "alpha",
                        "windows-kernel",
                        "refs/tags/release/../../heads/secret",
                        "README.md",
                        MID,
                        "not a well-formed"),
                deny(
                        "ref with reflog syntax refused",
                        "alpha",
                        "windows-kernel",
                        "refs/heads/main@{1}",
                        "README.md",
                        MID,
                        "not a well-formed"),
                deny(
                        "ref with NUL refused",
                        "alpha",
                        "windows-kernel",
                        "refs/heads/main\u0000",
                        "README.md",
                        MID,
                        "not a well-formed"),
                allow(
                        "no ref patterns means every ref",
                        "beta",
                        "windows-shell",
                        "refs/heads/release/1.x",
                        "README.md",
                        MID,
                        "B-1"),
                // --- path normalisation attacks
                deny(
                        "dot-dot escape",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/../secrets/signing/README.md",
                        IN_OFFICE_WINDOW,
                        "'..' segment"),
                deny(
                        "leading dot-dot",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "../windows-shell/README.md",
                        MID,
                        "'..' segment"),
                deny(
                        "percent-encoded dot-dot",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/%2e%2e/secrets/signing/README.md",
                        IN_OFFICE_WINDOW,
                        "percent-encoded"),
                deny(
                        "upper-case percent encoding",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/%2E%2E/docs/a.md",
                        IN_OFFICE_WINDOW,
                        "percent-encoded"),
                deny(
                        "encoded slash",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src%2f..%2fdocs",
                        IN_OFFICE_WINDOW,
                        "percent-encoded"),
                deny("double slash", "alpha", "windows-kernel", MAIN, "src//mm/pool.c", MID, "empty"),
                deny("dot segment", "alpha", "windows-kernel", MAIN, "src/./mm/pool.c", MID, "'.'"),
                deny("backslash", "alpha", "office-word", MAIN, "src\\..\\docs\\a.md", IN_OFFICE_WINDOW, "backslash"),
                deny("NUL byte", "alpha", "windows-kernel", MAIN, "README.md\u0000.pfx", MID, "control character"),
                deny("newline", "alpha", "windows-kernel", MAIN, "README.md\nsigning.pfx", MID, "control character"),
                deny(
                        "case variant of an included folder is not included",
                        "alpha",
                        "office-word",
                        MAIN,
                        "SRC/core/document.cpp",
                        IN_OFFICE_WINDOW,
                        "outside"),
                allow(
                        "leading slash is normalised",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "/src/mm/pool.c",
                        MID,
                        "A-ACTIVE"),
                allow(
                        "trailing slash is normalised",
                        "alpha",
                        "office-word",
                        MAIN,
                        "src/core/document.cpp/",
                        IN_OFFICE_WINDOW,
                        "A-ACTIVE"),
                deny(
                        "excluded path with a leading slash",
                        "alpha",
                        "windows-kernel",
                        MAIN,
                        "/secrets/root.key",
                        MID,
                        "excluded"),
                // --- two agencies, overlapping products
                deny(
                        "beta does not read the kernel, and is not told it exists",
                        "beta",
                        "windows-kernel",
                        MAIN,
                        "README.md",
                        MID,
                        "No agreement of your agency grants access to repository 'windows-kernel'"),
                allow("beta reads the shell through B-1", "beta", "windows-shell", MAIN, "README.md", MID, "B-1"),
                allow("beta reads shell sources", "beta", "windows-shell", MAIN, "src/taskbar/Taskbar.cpp", MID, "B-1"),
                deny(
                        "B-2's exclude wins over B-1's include",
                        "beta",
                        "windows-shell",
                        MAIN,
                        "src/private/keys.h",
                        MID,
                        "excluded by pattern 'windows-shell/src/private/**' of agreement B-2"),
                deny(
                        "beta has no Office agreement",
                        "beta",
                        "office-word",
                        MAIN,
                        "src/main.cpp",
                        MID,
                        "No agreement of your agency grants access to repository 'office-word'"),
                deny(
                        "alpha's grants do not leak to gamma",
                        "gamma",
                        "windows-shell",
                        MAIN,
                        "README.md",
                        MID,
                        "expired"),
                // --- repositories that do not exist or are not granted look the same
                deny(
                        "unknown repository",
                        "beta",
                        "no-such-repo",
                        MAIN,
                        "README.md",
                        MID,
                        "No agreement of your agency grants access to repository 'no-such-repo'"),
                deny(
                        "existing but ungranted repository",
                        "beta",
                        "office-excel",
                        MAIN,
                        "README.md",
                        MID,
                        "No agreement of your agency grants access to repository 'office-excel'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(
            String name,
            String username,
            String repository,
            String ref,
            String path,
            Instant instant,
            boolean allowed,
            String expected) {
        Person person = person(username);
        AccessDecision decision = policy.decide(person, repository, ref, path, instant);

        assertThat(decision.allowed()).as(decision.reason()).isEqualTo(allowed);
        if (allowed) {
            assertThat(decision.agreementReference()).isEqualTo(expected);
            assertThat(decision.scopeId()).isNotNull();
        } else {
            assertThat(decision.reason()).contains(expected);
            assertThat(decision.agreementReference()).isNull();
        }
        assertThat(decision.instant()).isEqualTo(instant);
    }

    @Test
    void foldersAreListedWhenTheyCanHoldSomethingGranted() {
        Person alpha = person("alpha");
        assertThat(policy.decideTree(alpha, "office-word", MAIN, "", IN_OFFICE_WINDOW)
                        .allowed())
                .isTrue();
        assertThat(policy.decideTree(alpha, "office-word", MAIN, "src", IN_OFFICE_WINDOW)
                        .allowed())
                .isTrue();
        assertThat(policy.decideTree(alpha, "office-word", MAIN, "docs", IN_OFFICE_WINDOW)
                        .allowed())
                .isFalse();
        assertThat(policy.decideTree(alpha, "windows-kernel", MAIN, "secrets", MID)
                        .allowed())
                .isFalse();
        assertThat(policy.decideTree(alpha, "windows-kernel", MAIN, "Secrets/nested", MID)
                        .allowed())
                .isFalse();
        assertThat(policy.decideTree(alpha, "windows-kernel", MAIN, "src", MID).allowed())
                .isTrue();
    }

    @Test
    void onlyGrantedRefsAreListed() {
        List<String> refs = List.of(MAIN, "refs/heads/release/1.x", R10, "refs/tags/release/2.0", "refs/tags/beta/1");
        assertThat(policy.readableRefs(person("alpha"), "windows-kernel", refs, MID))
                .containsExactly(MAIN, R10, "refs/tags/release/2.0");
        assertThat(policy.readableRefs(person("beta"), "windows-kernel", refs, MID))
                .isEmpty();
    }

    @Test
    void explainsADecisionStepByStepForProgramManagers() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "pm", null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        Explanation explanation = policy.explain(person("beta"), "windows-shell", MAIN, "src/private/keys.h", MID);

        assertThat(explanation.decision().allowed()).isFalse();
        assertThat(explanation.steps())
                .anyMatch(step -> step.contains("Agreement B-1") && step.contains("in force"))
                .anyMatch(step -> step.contains("excluded by pattern 'windows-shell/src/private/**'"));
    }

    @Test
    void anExplanationNamesEveryAgreementThatCouldHaveGranted() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "auditor", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
        Explanation explanation = policy.explain(person("gamma"), "windows-kernel", MAIN, "README.md", MID);

        assertThat(explanation.steps())
                .anyMatch(step -> step.contains("G-DRAFT is a draft"))
                .anyMatch(step -> step.contains("G-EXPIRED expired on"))
                .anyMatch(step -> step.contains("G-TERMINATED has no scope reaching this repository"));
    }

    @Test
    void aReviewerCannotAskForExplanations() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "beta.reviewer", null, AuthorityUtils.createAuthorityList("ROLE_REVIEWER")));
        assertThatThrownBy(() -> policy.explain(person("alpha"), "windows-kernel", MAIN, "README.md", MID))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private Person person(String name) {
        String username = name.equals("pm") || name.equals("auditor") ? name : name + ".reviewer";
        return people.findByUsername(username).orElseThrow();
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static Arguments allow(
            String name, String who, String repository, String ref, String path, Instant at, String agreement) {
        return Arguments.of(name, who, repository, ref, path, at, true, agreement);
    }

    private static Arguments deny(
            String name, String who, String repository, String ref, String path, Instant at, String reason) {
        return Arguments.of(name, who, repository, ref, path, at, false, reason);
    }
}
