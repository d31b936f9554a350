package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The {@code /api/**} chain for approved tools: HTTP Basic with a local account, no session, no login page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiAuthenticationIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnonymousCallIsChallengedNotRedirectedToTheLoginPage() throws Exception {
        HttpResponse<String> response = get(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void aLocalAccountAuthenticatesWithHttpBasicAndGetsNoSession() throws Exception {
        HttpResponse<String> response = get("nato.reviewer:readingroom");

        // Authenticated: there is no endpoint at this path yet, so the answer is "not found", not "unauthorised".
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("No such endpoint").doesNotContain("Exception", "at com.");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        assertThat(get("nato.reviewer:wrong").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String credentials) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such-endpoint"));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
