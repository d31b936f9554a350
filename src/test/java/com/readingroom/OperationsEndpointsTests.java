package com.readingroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.search.CodeSearch;
import com.readingroom.search.SearchRequest;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceFixture;
import com.readingroom.source.SourceReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' endpoints on the running app: health tells anyone only up or down and an operator the database,
 * ledger, index and signing key; the Prometheus metrics are the operator's alone, and they move with views, refusals,
 * searches and appends.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=operations")
@ActiveProfiles("test")
class OperationsEndpointsTests {

    private static final String MAIN = "refs/heads/main";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    SourceReader reader;

    @Autowired
    CodeSearch search;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void healthTellsAnyoneOnlyUpOrDownAndAnOperatorEveryPart() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json.readTree(anonymous.body()).propertyNames())
                .as("status and the names of the probe groups, no components, no details")
                .containsOnly("status", "groups");

        JsonNode detailed = json.readTree(get("/actuator/health", "operator").body());
        assertThat(detailed.get("status").asString()).isEqualTo("UP");
        JsonNode parts = detailed.get("components");
        for (String part : new String[] {"db", "ledger", "index", "signingKey"}) {
            assertThat(parts.get(part).get("status").asString()).as(part).isEqualTo("UP");
        }
        assertThat(parts.get("ledger").get("details").get("events").asLong()).isPositive();
        assertThat(parts.get("signingKey").get("details").get("verifierKey").asString())
                .startsWith("readingroom.example/audit-log+");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreTheOperatorsAndMoveWithViewsRefusalsSearchesAndAppends() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        long deniedBefore = SourceFixture.events(jdbc, "ACCESS_DENIED");
        assertThat(get("/actuator/prometheus", "auditor").statusCode()).isEqualTo(403);
        assertThat(SourceFixture.events(jdbc, "ACCESS_DENIED"))
                .as("the auditor's refusal is recorded")
                .isGreaterThan(deniedBefore);

        String before = get("/actuator/prometheus", "operator").body();
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        reader.file(nato, new RepoPath("windows-kernel", MAIN, "src/ke/sched.c"));
        search.search(nato, new SearchRequest("KSTATUS", SearchRequest.Mode.TEXT, null, null, 0));
        Person expired = SourceFixture.signIn(people, "expired.reviewer");
        assertThatThrownBy(() -> reader.file(expired, new RepoPath("windows-kernel", MAIN, "src/ke/sched.c")))
                .isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        HttpResponse<String> after = get("/actuator/prometheus", "operator");

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(value(after.body(), "readingroom_views_total"))
                .isGreaterThan(value(before, "readingroom_views_total"));
        assertThat(value(after.body(), "readingroom_denials_total"))
                .isGreaterThan(value(before, "readingroom_denials_total"));
        assertThat(after.body())
                .contains("readingroom_search_seconds_bucket{")
                .contains("outcome=\"answered\"")
                .contains("readingroom_ledger_append_seconds_bucket{")
                .contains("readingroom_index_lag_seconds")
                .contains("readingroom_ledger_checkpoint_age_seconds")
                .contains("readingroom_ledger_events")
                .contains("readingroom_audit_events_total{")
                .doesNotContain("sched.c")
                .doesNotContain("KSTATUS");
    }

    private static double value(String metrics, String name) {
        Matcher line =
                Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        while (line.find()) {
            sum += Double.parseDouble(line.group(2));
        }
        return sum;
    }

    private HttpResponse<String> get(String path, String username) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (username != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":readingroom").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
