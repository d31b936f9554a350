package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Forged requests from another site against what changes state, with the real session cookie of an auditor signed in
 * in Chromium: the API never reads the browser's session, a browser's cross-site request is refused even with the
 * auditor's password (a browser may hold Basic credentials) and recorded, and a forged sign-out leaves the session
 * alone. Malformed session cookies get an ordinary answer, never an error.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=cross-site")
@ActiveProfiles("test")
class CrossSiteRequestIT {

    private static final String EVIL = "http://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    BrowserSession session;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void signInAnAuditor() {
        session = new BrowserSession(port);
        session.open("/");
        session.signIn("auditor", "readingroom");
        session.visible(By.id("signed-in-person"));
    }

    @AfterEach
    void closeBrowser() {
        session.close();
    }

    @Test
    void theBrowsersSessionCookieDoesNotAuthenticateAnApiCall() throws Exception {
        long checkpoints = checkpoints();

        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/v1/audit/checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString("size=1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SESSION=" + sessionCookie())
                .header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> read = send(
                HttpRequest.newBuilder(uri("/api/v1/audit/events")).header("Cookie", "SESSION=" + sessionCookie()));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(checkpoints()).isEqualTo(checkpoints);
    }

    @Test
    void aCrossSiteChangeIsRefusedEvenWithTheAuditorsPasswordAndRecorded() throws Exception {
        long checkpoints = checkpoints();
        long denials = denials();

        HttpResponse<String> bySite = send(issueCheckpoint().header("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> sameSiteOtherOrigin = send(issueCheckpoint().header("Sec-Fetch-Site", "same-site"));
        HttpResponse<String> byOrigin = send(issueCheckpoint().header("Origin", EVIL));

        assertThat(List.of(bySite.statusCode(), sameSiteOtherOrigin.statusCode(), byOrigin.statusCode()))
                .containsOnly(403);
        assertThat(checkpoints()).isEqualTo(checkpoints);
        assertThat(denials()).isEqualTo(denials + 3);
        assertThat(jdbc.queryForObject(
                        "select target from audit_event where action = 'ACCESS_DENIED' order by seq desc limit 1",
                        String.class))
                .isEqualTo("request POST /api/v1/audit/checkpoint");

        // The same call from a tool, or from this server's own origin, is served.
        HttpResponse<String> tool = send(issueCheckpoint());
        HttpResponse<String> ownOrigin = send(issueCheckpoint().header("Origin", "http://localhost:" + port));
        assertThat(tool.statusCode()).isEqualTo(200);
        assertThat(tool.body()).contains("\n\n");
        assertThat(ownOrigin.statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedSignOutLeavesTheSessionAlone() throws Exception {
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/logout"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "SESSION=" + sessionCookie())
                .header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site"));

        assertThat(forged.statusCode()).isEqualTo(403);
        session.open("/audit");
        assertThat(session.visible(By.id("signed-in-person")).getText()).contains("Arjun Rao");
    }

    @Test
    void malformedSessionCookiesGetAnOrdinaryAnswer() throws Exception {
        for (String cookie : List.of(
                "SESSION=",
                "SESSION=not-a-session",
                "SESSION=" + "A".repeat(4000),
                "SESSION=%00%0d%0a",
                "SESSION=../../etc/passwd",
                "SESSION=" + sessionCookie() + "x",
                "SESSION=\"quoted\"; SESSION=twice")) {
            HttpResponse<String> page =
                    send(HttpRequest.newBuilder(uri("/audit")).header("Cookie", cookie));
            HttpResponse<String> api =
                    send(HttpRequest.newBuilder(uri("/api/v1/audit/events")).header("Cookie", cookie));

            assertThat(page.statusCode()).as(cookie).isIn(200, 302);
            if (page.statusCode() == 302) {
                assertThat(page.headers().firstValue("Location").orElseThrow())
                        .as(cookie)
                        .endsWith("/login");
            }
            assertThat(page.body()).as(cookie).doesNotContain("Exception").doesNotContain("Arjun Rao");
            assertThat(api.statusCode()).as(cookie).isEqualTo(401);
        }
    }

    private HttpRequest.Builder issueCheckpoint() {
        String basic = Base64.getEncoder().encodeToString("auditor:readingroom".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/audit/checkpoint"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + basic);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String sessionCookie() {
        return session.browser.manage().getCookieNamed("SESSION").getValue();
    }

    private long checkpoints() {
        return jdbc.queryForObject("select count(*) from ledger_checkpoint", Long.class);
    }

    private long denials() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'ACCESS_DENIED'", Long.class);
    }
}
