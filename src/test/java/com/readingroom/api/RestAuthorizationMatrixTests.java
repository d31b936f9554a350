package com.readingroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.AccessTokens;
import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Role;
import com.readingroom.source.SourceFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST endpoint the application serves, called over HTTP by every kind of caller: nobody, each role with its
 * password, an approved tool with a valid token, and tokens whose agreement is suspended, expired or terminated, or
 * that were revoked. Each answer is checked against the expected allow or deny, and each deny of a known caller
 * against its audit record. An endpoint added without a row here fails the test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=rest-matrix")
@ActiveProfiles("test")
class RestAuthorizationMatrixTests {

    enum Caller {
        NOBODY,
        REVIEWER_PASSWORD,
        MANAGER_PASSWORD,
        AUDITOR_PASSWORD,
        TOKEN,
        TOKEN_SUSPENDED,
        TOKEN_EXPIRED,
        TOKEN_TERMINATED,
        TOKEN_REVOKED
    }

    /** What a caller gets: allowed (2xx, or a 4xx about the request itself), refused (403), or unauthenticated. */
    enum Outcome {
        ALLOWED,
        REFUSED,
        UNAUTHENTICATED
    }

    private static final String MAIN = "refs%2Fheads%2Fmain";

    /** Endpoint pattern → a concrete call of it. */
    private static final Map<String, String> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("GET /api/v1/repos", "/api/v1/repos");
        CALLS.put("GET /api/v1/repos/{repo}/refs", "/api/v1/repos/windows-kernel/refs");
        CALLS.put("GET /api/v1/repos/{repo}/tree/{ref}", "/api/v1/repos/windows-kernel/tree/" + MAIN);
        CALLS.put("GET /api/v1/repos/{repo}/tree/{ref}/{*path}", "/api/v1/repos/windows-kernel/tree/" + MAIN + "/src");
        CALLS.put(
                "GET /api/v1/repos/{repo}/file/{ref}/{*path}",
                "/api/v1/repos/windows-kernel/file/" + MAIN + "/README.md");
        CALLS.put("GET /api/v1/repos/{repo}/history/{ref}", "/api/v1/repos/windows-kernel/history/" + MAIN);
        CALLS.put(
                "GET /api/v1/repos/{repo}/history/{ref}/{*path}",
                "/api/v1/repos/windows-kernel/history/" + MAIN + "/README.md");
        CALLS.put("GET /api/v1/search", "/api/v1/search?q=main");
        CALLS.put("GET /api/v1/audit/checkpoint", "/api/v1/audit/checkpoint");
        CALLS.put("POST /api/v1/audit/checkpoint", "/api/v1/audit/checkpoint");
        CALLS.put("GET /api/v1/audit/log.pub", "/api/v1/audit/log.pub");
        CALLS.put("GET /api/v1/audit/proof/inclusion", "/api/v1/audit/proof/inclusion?index=0&size=1");
        CALLS.put("GET /api/v1/audit/proof/consistency", "/api/v1/audit/proof/consistency?from=1&to=1");
        CALLS.put("GET /api/v1/audit/events", "/api/v1/audit/events?from=0&to=1");
        CALLS.put("GET /api/v1/audit/bundle", "/api/v1/audit/bundle");
        CALLS.put("* /api/**", "/api/v1/no-such-endpoint");
        CALLS.put("GET /api/v1/openapi.json", "/api/v1/openapi.json");
        CALLS.put("GET /api/v1/openapi.json.yaml", "/api/v1/openapi.json.yaml");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Agreements agreements;

    @Autowired
    Agencies agencies;

    @Autowired
    Catalog catalog;

    @Autowired
    People people;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Caller, String> credentials = new EnumMap<>(Caller.class);

    @BeforeEach
    void callers() {
        credentials.put(Caller.REVIEWER_PASSWORD, basic("nato.reviewer"));
        credentials.put(Caller.MANAGER_PASSWORD, basic("pm"));
        credentials.put(Caller.AUDITOR_PASSWORD, basic("auditor"));
        credentials.put(Caller.TOKEN, "Bearer " + token("matrix.active", agreement("RR-T-MX-ACTIVE")));
        credentials.put(Caller.TOKEN_SUSPENDED, "Bearer " + token("matrix.suspended", agreement("RR-T-MX-SUSP")));
        credentials.put(Caller.TOKEN_EXPIRED, "Bearer " + token("matrix.expired", agreement("RR-T-MX-EXP")));
        credentials.put(Caller.TOKEN_TERMINATED, "Bearer " + token("matrix.terminated", agreement("RR-T-MX-TERM")));
        credentials.put(Caller.TOKEN_REVOKED, "Bearer " + token("matrix.revoked", agreement("RR-T-MX-REV")));
        SourceFixture.signIn(people, "matrix.revoked");
        tokens.mine().forEach(token -> tokens.revoke(token.id()));
        SecurityContextHolder.clearContext();
        SourceFixture.asManager(() -> {
            agreements.suspend(id("RR-T-MX-SUSP"), "incident");
            agreements.terminate(id("RR-T-MX-TERM"), "ended");
            return null;
        });
        jdbc.update(
                "update agreement set valid_until = ? where reference = 'RR-T-MX-EXP'",
                Timestamp.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsExpectedAndEveryRefusalIsRecorded() throws Exception {
        assertThat(served()).as("endpoints served = endpoints in this matrix").isEqualTo(new TreeSet<>(CALLS.keySet()));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> call : CALLS.entrySet()) {
            String method = call.getKey().startsWith("POST") ? "POST" : "GET";
            for (Caller caller : Caller.values()) {
                long refusalsBefore = count("ACCESS_DENIED") + count("LOGIN_FAILED");
                HttpResponse<String> answer = send(method, call.getValue(), credentials.get(caller));
                Outcome outcome = outcome(answer.statusCode());
                Outcome expected = expected(call.getKey(), caller);
                long recorded = count("ACCESS_DENIED") + count("LOGIN_FAILED") - refusalsBefore;
                if (outcome != expected) {
                    wrong.add(call.getKey() + " by " + caller + ": " + answer.statusCode() + ", expected " + expected);
                } else if (caller != Caller.NOBODY && outcome != Outcome.ALLOWED && recorded < 1) {
                    wrong.add(call.getKey() + " by " + caller + ": refused without an audit record");
                }
                if (answer.statusCode() >= 500 || answer.body().contains("Exception")) {
                    wrong.add(call.getKey() + " by " + caller + ": " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Outcome expected(String endpoint, Caller caller) {
        if (caller == Caller.NOBODY || caller == Caller.TOKEN_REVOKED) {
            return Outcome.UNAUTHENTICATED;
        }
        boolean source = endpoint.contains("/api/v1/repos") || endpoint.contains("/api/v1/search");
        if (source) {
            // Source by machine: a valid token under an agreement in force that allows it; never a password alone.
            return caller == Caller.TOKEN ? Outcome.ALLOWED : Outcome.REFUSED;
        }
        if (endpoint.contains("/api/v1/audit/")) {
            return caller == Caller.AUDITOR_PASSWORD ? Outcome.ALLOWED : Outcome.REFUSED;
        }
        // The API description and the fallback: any signed-in caller (a token of a suspended agreement still
        // authenticates; it only reads nothing).
        return Outcome.ALLOWED;
    }

    private static Outcome outcome(int status) {
        return switch (status) {
            case 401 -> Outcome.UNAUTHENTICATED;
            case 403 -> Outcome.REFUSED;
            default -> Outcome.ALLOWED;
        };
    }

    private Set<String> served() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("*")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    methods.forEach(method -> served.add(method + " " + pattern));
                }
            }
        });
        return served;
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An agreement of the matrix agency that grants all of Windows and allows machine access. */
    private long agreement(String reference) {
        return SourceFixture.asManager(() -> {
            if (agreements.findByReference(reference).isPresent()) {
                return agreements.findByReference(reference).get().id();
            }
            Agency agency =
                    agencies.findByName("Matrix Agency").orElseGet(() -> agencies.create("Matrix Agency", "DE", null));
            Agreement agreement = agreements.createDraft(new NewAgreement(
                    reference,
                    agency.id(),
                    "Matrix",
                    "",
                    Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(30))));
            agreements.addScope(
                    agreement.id(),
                    NewScope.wholeProduct(
                            catalog.findProduct("Windows").orElseThrow().id()));
            agreements.activate(agreement.id());
            agreements.allowMachineAccess(agreement.id(), true);
            return agreement.id();
        });
    }

    /** A reviewer of the matrix agency with a token for the agreement. */
    private String token(String username, long agreementId) {
        SourceFixture.asManager(() -> {
            if (!people.exists(username)) {
                long agency = agencies.findByName("Matrix Agency").orElseThrow().id();
                people.create(new NewPerson(
                        username, username, username + "@example.test", agency, Set.of(Role.REVIEWER), "matrix pw 1"));
            }
            return null;
        });
        SourceFixture.signIn(people, username);
        try {
            return tokens.issue(agreementId, "matrix", 1).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long id(String reference) {
        return agreements.findByReference(reference).orElseThrow().id();
    }

    private long count(String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action);
    }

    private static String basic(String username) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":readingroom").getBytes(StandardCharsets.UTF_8));
    }
}
