package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reviewer's journeys in a real Chromium: journey 1 of the brief up to the diff (with every disclosing step in
 * the audit log under the agency and agreement), a line permalink that survives signing in, and a suspension that
 * refuses the next click on an already open file.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=source-journeys")
@ActiveProfiles("test")
class SourceJourneyIT {

    static final String SCHED_AT_KE_COMMIT = "360b2dfa84efc02a97c0d4383ea8b05a8fb69e3a";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Agreements agreements;

    @Autowired
    com.readingroom.search.SearchIndex searchIndex;

    @Test
    void aReviewerOpensAReleaseWalksTheTreeReadsAFileItsHistoryAndACommitDiff() {
        long before = jdbc.queryForObject("select coalesce(max(seq), -1) from audit_event", Long.class);
        try (BrowserSession reviewer = new BrowserSession(port)) {
            reviewer.open("/");
            reviewer.signIn("nato.reviewer", "readingroom");
            reviewer.visible(By.id("readable-products"));
            reviewer.wait
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                            ".rr-refs[data-repository='windows-kernel'] a[data-ref='refs/tags/release/2.0']")))
                    .click();

            clickEntry(reviewer, "src");
            clickEntry(reviewer, "src/ke");
            clickEntry(reviewer, "src/ke/sched.c");

            WebElement code = reviewer.visible(By.cssSelector("#source-code.rr-rendered"));
            assertThat(code.findElements(By.cssSelector(".rr-line")).size()).isGreaterThan(50);
            assertThat(code.findElements(By.cssSelector(".hljs-keyword"))).isNotEmpty();
            assertThat(reviewer.browser.findElement(By.id("watermark")).getDomAttribute("data-text"))
                    .contains("nato.reviewer", "NATO NCI Agency");

            reviewer.wait
                    .until(ExpectedConditions.elementToBeClickable(By.linkText("History")))
                    .click();
            WebElement history = reviewer.visible(By.id("history"));
            reviewer.wait.until(
                    driver -> !history.findElements(By.cssSelector("a")).isEmpty());
            history.findElements(By.cssSelector("a")).getFirst().click();

            assertThat(noStore(reviewer, reviewer.browser.getCurrentUrl()))
                    .as("a page that shows source is never stored by the browser or a proxy")
                    .contains("no-store");

            WebElement diff = reviewer.visible(By.cssSelector("#diff .rr-diff"));
            assertThat(diff.findElements(By.cssSelector("tr.rr-add, tr.rr-del")))
                    .isNotEmpty();
            assertThat(reviewer.visible(By.id("commit-message")).getText()).isNotBlank();
        }
        List<String> actions = jdbc.queryForList(
                "select action from audit_event where seq > ? and actor = 'nato.reviewer' and agreement = 'RR-2026-001'"
                        + " and agency_id is not null order by seq",
                String.class,
                before);
        assertThat(actions).contains("TREE_VIEW", "FILE_VIEW", "HISTORY_VIEW", "DIFF_VIEW");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where seq > ? and action = 'FILE_VIEW' and path = ?",
                        Long.class,
                        before,
                        "src/ke/sched.c"))
                .isEqualTo(1);
    }

    @Test
    void aReviewerSearchesOpensAHitAtItsLineAndBothAreRecorded() {
        assertThat(searchIndex.awaitIdle(java.time.Duration.ofMinutes(2))).isTrue();
        long before = jdbc.queryForObject("select coalesce(max(seq), -1) from audit_event", Long.class);
        try (BrowserSession reviewer = new BrowserSession(port)) {
            reviewer.open("/search");
            reviewer.signIn("nato.reviewer", "readingroom");
            WebElement box = reviewer.visible(By.cssSelector("#search-box input"));
            box.sendKeys("KeWaitForSingleObject");
            reviewer.wait
                    .until(ExpectedConditions.elementToBeClickable(By.id("search-button")))
                    .click();
            reviewer.visible(By.id("search-summary"));
            assertThat(reviewer.browser.findElement(By.id("search-summary")).getText())
                    .contains("found");
            WebElement mark = reviewer.visible(By.cssSelector("#search-results .rr-mark"));
            assertThat(mark.getText()).isEqualTo("KeWaitForSingleObject");
            assertThat(reviewer.browser.findElement(By.id("watermark")).getDomAttribute("data-text"))
                    .contains("nato.reviewer");
            WebElement lineLink = reviewer.browser.findElement(By.cssSelector("#search-results .rr-match .rr-ln a"));
            String line = lineLink.getText();
            lineLink.click();

            reviewer.visible(By.cssSelector("#source-code.rr-rendered"));
            List<WebElement> selected = reviewer.browser.findElements(By.cssSelector(".rr-line.rr-selected"));
            assertThat(selected).extracting(row -> row.getDomAttribute("id")).containsExactly("L" + line);
            assertThat(reviewer.browser.findElement(By.id("L" + line)).getText())
                    .contains("KeWaitForSingleObject");
        }
        List<String> actions = jdbc.queryForList(
                "select action from audit_event where seq > ? and actor = 'nato.reviewer' order by seq",
                String.class,
                before);
        assertThat(actions).containsSubsequence("SEARCH", "FILE_VIEW");
    }

    @Test
    void aLinePermalinkReopensAtTheSameLinesAfterSigningIn() {
        try (BrowserSession reviewer = new BrowserSession(port)) {
            reviewer.open(
                    "/file/windows-kernel?rev=" + SCHED_AT_KE_COMMIT + "&path=src/ke/sched.c&lines=10-12#L10-L12");
            reviewer.signIn("nato.reviewer", "readingroom");

            reviewer.visible(By.cssSelector("#source-code.rr-rendered"));
            List<WebElement> selected = reviewer.browser.findElements(By.cssSelector(".rr-line.rr-selected"));
            assertThat(selected).extracting(line -> line.getDomAttribute("id")).containsExactly("L10", "L11", "L12");
            assertThat(reviewer.browser.getCurrentUrl())
                    .contains(SCHED_AT_KE_COMMIT)
                    .contains("lines=10-12");
            assertThat(reviewer.browser.findElement(By.id("file-meta")).getText())
                    .contains(SCHED_AT_KE_COMMIT.substring(0, 10));
        }
    }

    @Test
    void aSuspensionRefusesTheNextClickOnAnAlreadyOpenFile() {
        Agreement cyber = asRole(
                "PROGRAM_MANAGER",
                () -> agreements.findByReference("RR-2026-014").orElseThrow());
        try (BrowserSession reviewer = new BrowserSession(port)) {
            reviewer.open("/file/office-excel?rev=refs/heads/main&path=README.md");
            reviewer.signIn("cyber.reviewer", "readingroom");
            reviewer.visible(By.cssSelector("#source-code.rr-rendered"));

            asRole("PROGRAM_MANAGER", () -> agreements.suspend(cyber.id(), "security incident under review"));
            long deniedBefore = denials("cyber.reviewer");
            reviewer.wait
                    .until(ExpectedConditions.elementToBeClickable(By.linkText("History")))
                    .click();

            WebElement refusal = reviewer.visible(By.id("source-refused"));
            assertThat(refusal.getText()).contains("RR-2026-014", "suspended", "security incident under review");
            assertThat(reviewer.browser.findElements(By.id("history"))).isEmpty();
            assertThat(denials("cyber.reviewer")).isEqualTo(deniedBefore + 1);
        } finally {
            asRole("PROGRAM_MANAGER", () -> agreements.resume(cyber.id()));
        }
    }

    /** The Cache-Control header of the page, fetched again with the browser's session. */
    private static String noStore(BrowserSession session, String url) {
        String cookie = session.browser.manage().getCookieNamed("SESSION").getValue();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<Void> response = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .header("Cookie", "SESSION=" + cookie)
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
            return String.join(",", response.headers().allValues("Cache-Control"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long denials(String actor) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = ?", Long.class, actor);
    }

    private static void clickEntry(BrowserSession session, String path) {
        session.wait
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".rr-entry[data-path='" + path + "'] a")))
                .click();
    }

    private static <T> T asRole(String role, Supplier<T> call) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "pm", null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
