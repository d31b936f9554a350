package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.AccessTokens;
import com.readingroom.access.Agreements;
import com.readingroom.identity.People;
import com.readingroom.source.SourceFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The headers every answer carries, over real HTTP: a content security policy, no framing, no referrer leaking a
 * path to another site, no sniffing, and no caching of source (pages and the API's raw files alike).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=security-headers")
@ActiveProfiles("test")
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Agreements agreements;

    @Autowired
    People people;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void pagesCarryAPolicyThatAllowsOnlyThisOriginAndNoFraming() throws Exception {
        HttpResponse<String> login = get("/login", null);
        HttpHeaders headers = login.headers();

        assertThat(headers.firstValue("Content-Security-Policy"))
                .as(login.statusCode() + " " + headers.map())
                .isPresent();
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'")
                .contains("form-action 'self'")
                .doesNotContain("*", "http:", "https:");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void theApiAnswersAsDataThatCanNeitherRunNorBeCached() throws Exception {
        long agreement = SourceFixture.asManager(
                () -> agreements.findByReference("RR-2026-001").orElseThrow().id());
        SourceFixture.signIn(people, "nato.reviewer");
        String token = tokens.issue(agreement, "headers", 1).secret();

        HttpResponse<String> file =
                get("/api/v1/repos/windows-kernel/file/refs%2Fheads%2Fmain/README.md", "Bearer " + token);

        assertThat(file.statusCode()).isEqualTo(200);
        HttpHeaders headers = file.headers();
        assertThat(headers.firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(headers.firstValue("Content-Disposition")).hasValue("attachment");
        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValueSatisfying(value -> assertThat(value).contains("default-src 'none'", "sandbox"));
        assertThat(headers.firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
