package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Catalog;
import com.readingroom.search.SearchIndex;
import com.readingroom.source.SourceFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A repository written by an attacker: markup in a file's name, in its content, in a commit message and in an
 * author's name; then a reviewer browses it, searches it and writes a note with markup, in a real Chromium. Every
 * payload must arrive as text: none may run ({@code window.__xss} stays unset) or become an element.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=hostile-content")
@ActiveProfiles("test")
class HostileContentIT {

    static final String RUNS = "window.__xss=1";
    static final String IMG = "<img src=x onerror=\"" + RUNS + "\">";
    static final String NAME = "<img src=x onerror=window.__xss=1>.c";
    static final String CONTENT =
            "int main() { return 0; } /* </code></pre>" + IMG + "<script>" + RUNS + "</script> */\n";
    static final String MESSAGE = "Fix <svg onload=\"" + RUNS + "\"> and " + IMG;
    static final String AUTHOR = "\"><script>" + RUNS + "</script>";
    static final String MAIN = "refs/heads/main";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    SearchIndex index;

    @Autowired
    com.readingroom.source.ReviewerNotes notes;

    @Autowired
    com.readingroom.identity.People people;

    static Path repository;

    @BeforeAll
    static void writeTheRepository() throws Exception {
        repository = Files.createTempDirectory("hostile-repo");
        try (Git git = Git.init()
                .setDirectory(repository.toFile())
                .setInitialBranch("main")
                .call()) {
            Files.writeString(repository.resolve(NAME), CONTENT);
            Files.writeString(repository.resolve("README.md"), "# " + IMG + "\n\n" + MESSAGE + "\n");
            git.add().addFilepattern(".").call();
            PersonIdent attacker = new PersonIdent(AUTHOR, "x@example.test");
            git.commit()
                    .setMessage(MESSAGE)
                    .setAuthor(attacker)
                    .setCommitter(attacker)
                    .call();
        }
    }

    @Test
    void markupInNamesContentsMessagesAuthorsNotesAndQueriesIsShownAsText() throws Exception {
        SourceFixture.asManager(() -> catalog.findRepository("hostile")
                .orElseGet(() -> catalog.registerRepository(
                        catalog.findProduct("Windows").orElseThrow().id(),
                        "hostile",
                        "written by an attacker",
                        repository)));
        assertThat(index.awaitIdle(Duration.ofMinutes(2))).isTrue();
        // A note written with markup, as a reviewer of the same agency would.
        com.readingroom.identity.Person nato = SourceFixture.signIn(people, "nato.reviewer");
        notes.add(nato, new com.readingroom.source.RepoPath("hostile", MAIN, NAME), 1, 1, "Note " + IMG);
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        String rev = URLEncoder.encode(MAIN, StandardCharsets.UTF_8);
        try (BrowserSession reviewer = new BrowserSession(port)) {
            reviewer.open("/");
            reviewer.signIn("nato.reviewer", "readingroom");
            reviewer.visible(By.id("readable-products"));

            reviewer.open("/repo/hostile?rev=" + rev);
            reviewer.wait.until(driver -> driver.getPageSource().contains("onerror"));
            assertNothingRan(reviewer, "the folder");

            reviewer.open("/file/hostile?rev=" + rev + "&path=" + URLEncoder.encode(NAME, StandardCharsets.UTF_8));
            reviewer.visible(By.id("notes"));
            reviewer.wait.until(driver -> driver.getPageSource().contains("__xss"));
            assertThat(reviewer.browser.findElement(By.id("notes")).getText()).contains("Note " + IMG);
            assertNothingRan(reviewer, "the file and its note");

            reviewer.open("/file/hostile?rev=" + rev + "&path=README.md");
            reviewer.wait.until(driver -> driver.getPageSource().contains("onerror"));
            assertNothingRan(reviewer, "the rendered README");

            reviewer.open("/history/hostile?rev=" + rev);
            reviewer.wait.until(driver -> driver.getPageSource().contains("svg onload"));
            assertNothingRan(reviewer, "the history");

            reviewer.open("/search?q=" + URLEncoder.encode("onerror " + IMG, StandardCharsets.UTF_8));
            reviewer.wait.until(driver -> driver.getPageSource().contains("hostile"));
            assertNothingRan(reviewer, "the search results");
        }
    }

    private static void assertNothingRan(BrowserSession reviewer, String where) {
        JavascriptExecutor page = (JavascriptExecutor) reviewer.browser;
        assertThat(page.executeScript("return window.__xss === undefined"))
                .as("no payload ran in " + where)
                .isEqualTo(true);
        Object injected = page.executeScript("const found = [];"
                + "const walk = root => { root.querySelectorAll('*').forEach(e => {"
                + "  if ((e.tagName === 'IMG' && e.getAttribute('src') === 'x') || e.tagName === 'svg' && e.getAttribute('onload')"
                + "      || (e.tagName === 'SCRIPT' && (e.textContent || '').includes('__xss'))) found.push(e.tagName);"
                + "  if (e.shadowRoot) walk(e.shadowRoot); }); };"
                + "walk(document); return found.length;");
        assertThat(injected).as("no payload became an element in " + where).isEqualTo(0L);
    }
}
