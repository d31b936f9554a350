package com.readingroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessTokens;
import com.readingroom.access.Agencies;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.identity.People;
import com.readingroom.source.SourceFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The read API for approved tools, over real HTTP: personal access tokens, the agreement's machine-access setting, a
 * token reading through its own agreement only, every call audited with what it disclosed, the rate limit, and
 * crafted refs and paths.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"readingroom.test.context=read-api", "readingroom.api.requests-per-minute=40"})
@ActiveProfiles("test")
class ReadApiTests {

    private static final String NATO = "nato.reviewer";
    private static final String MAIN = "refs%2Fheads%2Fmain";

    @LocalServerPort
    int port;

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
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void secondAgreementForNato() {
        // NATO's second agreement grants all of Office but excludes the Windows drivers, and allows no machine access.
        SourceFixture.asManager(() -> {
            if (agreements.findByReference("RR-T-API-2").isPresent()) {
                return null;
            }
            long nato = agencies.findByName("NATO NCI Agency").orElseThrow().id();
            Agreement second = agreements.createDraft(new NewAgreement(
                    "RR-T-API-2",
                    nato,
                    "Office in full",
                    "",
                    Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(30))));
            agreements.addScope(second.id(), NewScope.wholeProduct(product("Office")));
            agreements.addScope(
                    second.id(),
                    new NewScope(
                            product("Windows"),
                            List.of(),
                            List.of("windows-kernel/drivers/**"),
                            List.of(),
                            null,
                            null));
            agreements.activate(second.id());
            return null;
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aTokenListsReadsAndRecordsExactlyWhatItsAgreementGrants() throws Exception {
        String token = issue(NATO, "analysis tool");

        HttpResponse<String> repos = get(token, "/api/v1/repos");
        assertThat(repos.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json.readTree(repos.body()).forEach(repo -> names.add(repo.get("name").asString()));
        // Through RR-2026-001 only: Windows and office-word; office-excel comes from the other agreement.
        assertThat(names).containsExactlyInAnyOrder("windows-kernel", "windows-shell", "office-word");

        HttpResponse<String> refs = get(token, "/api/v1/repos/windows-kernel/refs");
        assertThat(refs.statusCode()).isEqualTo(200);
        assertThat(refs.body()).contains("refs/heads/main");

        HttpResponse<String> tree = get(token, "/api/v1/repos/windows-kernel/tree/" + MAIN);
        assertThat(tree.statusCode()).as(tree.body()).isEqualTo(200);
        assertThat(json.readTree(tree.body()).get("ref").asString()).isEqualTo("refs/heads/main");

        HttpResponse<byte[]> file = getBytes(token, "/api/v1/repos/windows-kernel/file/" + MAIN + "/README.md");
        assertThat(file.statusCode()).isEqualTo(200);
        String sha = file.headers().firstValue("X-Content-SHA256").orElseThrow();
        assertThat(sha).isEqualTo(sha256(file.body()));
        String leaf = jdbc.queryForObject(
                "select leaf from audit_event where action = 'FILE_VIEW' order by seq desc limit 1", String.class);
        assertThat(leaf).contains(sha, "README.md", "token ");

        HttpResponse<String> history = get(token, "/api/v1/repos/windows-kernel/history/" + MAIN + "/README.md");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(json.readTree(history.body()).get("commits").size()).isPositive();

        HttpResponse<String> search = get(token, "/api/v1/search?q=main");
        assertThat(search.statusCode()).isEqualTo(200);
        JsonNode files = json.readTree(search.body()).get("files");
        files.forEach(hit -> assertThat(hit.get("repository").asString()).isNotEqualTo("office-excel"));

        for (String action : List.of("REPOSITORIES_VIEW", "REFS_VIEW", "TREE_VIEW", "HISTORY_VIEW", "SEARCH")) {
            assertThat(lastActor(action)).as(action).isEqualTo(NATO);
        }
    }

    @Test
    void aTokenReadsThroughItsOwnAgreementOnlyWhileTheOtherAgreementsExcludesStillWin() throws Exception {
        String token = issue(NATO, "scoped");

        // office-excel is granted to NATO by RR-T-API-2, which allows no machine access.
        assertThat(get(token, "/api/v1/repos/office-excel/tree/" + MAIN).statusCode())
                .isEqualTo(403);
        // office-word outside src/** is granted only by RR-T-API-2 too.
        assertThat(getBytes(token, "/api/v1/repos/office-word/file/" + MAIN + "/README.md")
                        .statusCode())
                .isEqualTo(403);
        // RR-2026-001 grants all of Windows, but RR-T-API-2 excludes the drivers: excludes win.
        HttpResponse<String> drivers = get(token, "/api/v1/repos/windows-kernel/tree/" + MAIN + "/drivers");
        assertThat(drivers.statusCode()).isEqualTo(403);
        assertThat(drivers.body()).contains("excluded by pattern 'windows-kernel/drivers/**'");
        HttpResponse<String> search = get(token, "/api/v1/search?q=path:drivers");
        assertThat(json.readTree(search.body()).get("totalFiles").asLong()).isZero();
        HttpResponse<String> excel = get(token, "/api/v1/search?q=repo:office-excel");
        assertThat(json.readTree(excel.body()).get("totalFiles").asLong()).isZero();
    }

    @Test
    void withdrawingMachineAccessRefusesTheNextCallAndRecordsTheRefusal() throws Exception {
        String token = issue(NATO, "to be refused");
        long agreementId = agreementId("RR-2026-001");
        assertThat(get(token, "/api/v1/repos").statusCode()).isEqualTo(200);
        long denials = count("ACCESS_DENIED");

        SourceFixture.asManager(() -> agreements.allowMachineAccess(agreementId, false));
        try {
            HttpResponse<String> refused = get(token, "/api/v1/repos/windows-kernel/file/" + MAIN + "/README.md");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("does not allow machine access").doesNotContain("Exception");
            assertThat(get(token, "/api/v1/repos").statusCode()).isEqualTo(403);
            assertThat(get(token, "/api/v1/search?q=main").statusCode()).isEqualTo(403);
            assertThat(count("ACCESS_DENIED")).isEqualTo(denials + 3);
        } finally {
            SourceFixture.asManager(() -> agreements.allowMachineAccess(agreementId, true));
        }
        assertThat(get(token, "/api/v1/repos").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnAgreementThatAllowsMachineAccessGetsTokensAndAtMostForThirtyDays() {
        long cyberAgreement = agreementId("RR-2026-014");
        long natoAgreement = agreementId("RR-2026-001");
        SourceFixture.signIn(people, "cyber.reviewer");
        assertThat(tokens.machineAgreements()).isEmpty();
        assertThatThrownBy(() -> tokens.issue(cyberAgreement, "tool", 7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allows machine access");

        SourceFixture.signIn(people, NATO);
        assertThatThrownBy(() -> tokens.issue(natoAgreement, "tool", 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 30 days");
        assertThatThrownBy(() -> tokens.issue(natoAgreement, " ", 7)).isInstanceOf(IllegalArgumentException.class);
        // Another agency's agreement is no more usable than one without machine access.
        assertThatThrownBy(() -> tokens.issue(cyberAgreement, "tool", 7)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void revokedExpiredUnknownAndMalformedTokensAreRefusedAndRecordedWithoutTheirSecret() throws Exception {
        String revoked = issue(NATO, "to revoke");
        long revokedId = tokens.mine().getFirst().id();
        tokens.revoke(revokedId);
        String expired = issue(NATO, "to expire");
        jdbc.update(
                "update access_token set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                tokens.mine().getFirst().id());
        String unknown = "rrpat_" + "A".repeat(40);
        long failures = count("LOGIN_FAILED");

        for (String secret : List.of(revoked, expired, unknown, "not-a-token", "rrpat_short")) {
            HttpResponse<String> refused = get(secret, "/api/v1/repos");
            assertThat(refused.statusCode()).as(secret).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        }
        assertThat(get(revoked, "/api/v1/repos").headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("was revoked"));
        assertThat(count("LOGIN_FAILED")).isEqualTo(failures + 6);
        for (String secret : List.of(revoked, expired, unknown)) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_event where leaf like ?", Long.class, "%" + secret + "%"))
                    .isZero();
        }
        // Only hashes are kept.
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_token where token_hash = ?", Long.class, sha256(revoked)))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from access_token where token_hash = ?", Long.class, revoked))
                .isZero();
    }

    @Test
    void aPasswordAloneNeverReadsSourceByMachine() throws Exception {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((NATO + ":readingroom").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/repos"))
                .header("Authorization", basic)
                .build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/v1/repos").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenAboveItsRateIsAnswered429AndRecorded() throws Exception {
        String token = issue(NATO, "hasty");
        long limited = count("RATE_LIMITED");
        int ok = 0;
        HttpResponse<String> last = null;
        for (int call = 0; call < 45; call++) {
            last = get(token, "/api/v1/repos/windows-kernel/refs");
            if (last.statusCode() == 200) {
                ok++;
            } else {
                break;
            }
        }
        // A minute's 40 calls at once, and perhaps one more that trickled back (one every 1.5 s) meanwhile.
        assertThat(ok).isBetween(40, 41);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("40 calls a minute");
        assertThat(count("RATE_LIMITED")).isEqualTo(limited + 1);
    }

    @Test
    void craftedRefsAndPathsGetAClearRefusalNeverContentOrAStackTrace() throws Exception {
        String token = issue(NATO, "crafted");
        List<String> attempts = List.of(
                "/api/v1/repos/windows-kernel/file/" + MAIN + "/../../../../etc/passwd",
                "/api/v1/repos/windows-kernel/file/" + MAIN + "/src/%2e%2e/%2e%2e/README.md",
                "/api/v1/repos/windows-kernel/file/" + MAIN + "/src/..%2F..%2FREADME.md",
                "/api/v1/repos/windows-kernel/file/refs%2Fheads%2F..%2F..%2Fconfig/README.md",
                "/api/v1/repos/windows-kernel/file/main/README.md",
                "/api/v1/repos/windows-kernel/file/" + MAIN + "/src%252F..%252F..%252FREADME.md",
                "/api/v1/repos/windows-kernel/file/refs%252Fheads%252Fmain/README.md",
                "/api/v1/repos/windows-kernel/file/" + MAIN + "/README.md%00.txt",
                "/api/v1/repos/windows-kernel/file/" + MAIN + "/%5C..%5CREADME.md",
                "/api/v1/repos/..%2Foffice-excel/tree/" + MAIN,
                "/api/v1/repos/office-excel/file/" + MAIN + "/README.md",
                "/api/v1/repos/no-such-repo/refs",
                "/api/v1/repos/windows-kernel/tree/" + MAIN + "/no/such/folder",
                "/api/v1/repos/windows-kernel/history/" + MAIN + "?limit=100000",
                "/api/v1/search?q=%22unbalanced",
                "/api/v1/search");
        for (String attempt : attempts) {
            HttpResponse<String> response = get(token, attempt);
            assertThat(response.statusCode()).as(attempt).isBetween(400, 404);
            assertThat(response.body()).as(attempt).doesNotContain("Exception", "at com.", "root:");
        }
    }

    private String issue(String username, String name) {
        long agreement = agreementId("RR-2026-001");
        SourceFixture.signIn(people, username);
        return tokens.issue(agreement, name, 7).secret();
    }

    private long agreementId(String reference) {
        return SourceFixture.asManager(
                () -> agreements.findByReference(reference).orElseThrow().id());
    }

    private long product(String name) {
        return catalog.findProduct(name).orElseThrow().id();
    }

    private long count(String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action);
    }

    private String lastActor(String action) {
        return jdbc.queryForObject(
                "select actor from audit_event where action = ? order by seq desc limit 1", String.class, action);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return send(request(token, path));
    }

    private HttpResponse<byte[]> getBytes(String token, String path) throws Exception {
        return http.send(request(token, path), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(String text) throws Exception {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
