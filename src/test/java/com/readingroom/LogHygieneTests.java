package com.readingroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.AccessTokens;
import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Role;
import com.readingroom.source.SourceFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Neither source nor secrets ever reach the application log, even at DEBUG and in the JSON format: this test signs in
 * over HTTP with a password of its own and with a wrong one, issues a token and reads a kernel file with it, presents
 * a forged token, then searches everything the run logged for the file's lines, the passwords and the tokens.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "readingroom.test.context=log-hygiene",
            "logging.level.com.readingroom=DEBUG",
            "logging.level.org.springframework.security=DEBUG",
            "logging.level.org.springframework.web=DEBUG"
        })
@ActiveProfiles({"test", "json-logs"})
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTests {

    private static final String FILE = "/api/v1/repos/windows-kernel/file/refs%2Fheads%2Fmain/src/ke/sched.c";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    AccessTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noSourceLineNoPasswordAndNoTokenIsEverLogged(CapturedOutput output) throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        String wrong = "Wrong-" + UUID.randomUUID();
        SourceFixture.asManager(() -> people.create(new NewPerson(
                "log.hygiene", "Log Hygiene", "log.hygiene@example.test", null, Set.of(Role.AUDITOR), password)));
        assertThat(get("/api/v1/audit/log.pub", basic("log.hygiene", password)).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/audit/log.pub", basic("log.hygiene", wrong)).statusCode())
                .isEqualTo(401);

        SourceFixture.signIn(people, "nato.reviewer");
        String secret;
        try {
            long agreement = tokens.machineAgreements().getFirst().id();
            secret = tokens.issue(agreement, "log hygiene", 1).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
        HttpResponse<String> file = get(FILE, "Bearer " + secret);
        assertThat(file.statusCode()).isEqualTo(200);
        String forged = "rrpat_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(get(FILE, "Bearer " + forged).statusCode()).isEqualTo(401);

        List<String> sourceLines = file.body()
                .lines()
                .map(String::strip)
                .filter(line -> line.length() > 25 && line.chars().anyMatch(Character::isLetter))
                .toList();
        assertThat(sourceLines).hasSizeGreaterThan(5);
        String logged = output.getAll();
        for (String line : sourceLines) {
            assertThat(logged).as("a line of the file read").doesNotContain(line);
        }
        assertThat(logged)
                .doesNotContain(password)
                .doesNotContain(wrong)
                .doesNotContain(secret.substring(10))
                .doesNotContain(forged.substring(10))
                .doesNotContain(Base64.getEncoder()
                        .encodeToString(("log.hygiene:" + password).getBytes(StandardCharsets.UTF_8)));

        JsonMapper json = JsonMapper.builder().build();
        JsonNode record = json.readTree(logged.lines()
                .filter(line -> line.startsWith("{\"@timestamp\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON log line in the output")));
        assertThat(record.get("log").has("level")).isTrue();
        assertThat(record.has("message")).isTrue();
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", authorization)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
