package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import com.readingroom.source.SourceFixture;
import com.readingroom.support.AppNode;
import com.readingroom.support.PackagedApp;
import com.readingroom.ui.BrowserSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes, one installation: this test's application is node A, the packaged app in its own process is node B, both
 * on one PostgreSQL schema, sharing the git repositories and the signing key, each with its own data directory (index,
 * checkpoint file). Both serve reads and checkpoints at once; a program manager signed in on A is signed in on B too
 * (sessions in the database); an agreement suspended through A's screen is refused by B on the next view; B built its
 * own index by itself; and the one log both wrote is gap-free, holds every answer either gave, and every checkpoint
 * either signed verifies against it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterIT {

    private static final String SCHEMA = "cluster_" + Long.toHexString(System.nanoTime());
    private static final Path ROOT = Path.of("target", "cluster-test", SCHEMA).toAbsolutePath();
    private static final Path REPOSITORIES = ROOT.resolve("repositories");
    private static final Path KEY = ROOT.resolve("audit-log.key");

    @LocalServerPort
    int port;

    @Autowired
    Agreements agreements;

    private final ApiLoad load = new ApiLoad();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry registry) {
        String url = System.getProperty("readingroom.test.pg-url", "jdbc:postgresql://127.0.0.1:55432/rr");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "rr");
        registry.add("spring.datasource.password", () -> "rr");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("readingroom.demo.enabled", () -> "true");
        registry.add("readingroom.data-dir", () -> ROOT.resolve("a").toString());
        registry.add("readingroom.repositories-dir", REPOSITORIES::toString);
        registry.add("readingroom.ledger.signing-key-file", KEY::toString);
        registry.add("readingroom.ledger.checkpoint-interval", () -> "2s");
        registry.add("readingroom.source.views-per-minute", () -> "100000000");
        registry.add("readingroom.api.requests-per-minute", () -> "100000000");
    }

    @Test
    void twoNodesServeOneInstallationAndKeepOneLog() throws Exception {
        AppNode a = AppNode.inThisJvm(port);
        String token = ApiLoad.insertToken(SCHEMA);
        try (PackagedApp b = ApiLoad.unthrottled(
                SCHEMA,
                "--readingroom.repositories-dir=" + REPOSITORIES,
                "--readingroom.ledger.signing-key-file=" + KEY,
                "--readingroom.ledger.checkpoint-interval=2s")) {
            b.start(Duration.ofMinutes(3));
            load.awaitServing(b, token, Duration.ofMinutes(2));
            List<String> files = load.filesToRead(a, token);
            assertThat(load.filesToRead(b, token))
                    .as("both nodes read the same repositories")
                    .isEqualTo(files);
            assertSearchServedBy(b, token);

            ConcurrentLinkedQueue<ApiLoad.Received> received = bothNodesReadAndSign(a, b, token, files);

            Agreement nato = SourceFixture.asManager(
                    () -> agreements.findByReference("RR-2026-001").orElseThrow());
            try (BrowserSession manager = new BrowserSession(port)) {
                manager.open("/agreement/" + nato.id());
                manager.signIn("pm", "readingroom");
                manager.wait.until(ExpectedConditions.elementToBeClickable(By.id("suspend")));
                String cookie =
                        manager.browser.manage().getCookieNamed("SESSION").getValue();
                assertThat(signInRedirect(b, null)).as("B without a session").isTrue();
                assertThat(signInRedirect(b, cookie))
                        .as("B knows the session A signed in")
                        .isFalse();

                manager.browser.findElement(By.id("suspend")).click();
                manager.visible(By.cssSelector("#suspend-reason textarea")).sendKeys("cluster test");
                manager.wait
                        .until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector("vaadin-button[slot='confirm-button']")))
                        .click();
                manager.wait.until(ExpectedConditions.textToBe(By.id("agreement-status"), "SUSPENDED"));
            }

            ApiLoad.Answer refused = load.readOnce(b, token, files.getFirst());
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("RR-2026-001");
            assertThat(load.readOnce(a, token, files.getFirst()).status()).isEqualTo(403);

            assertOneConsistentLog(received, b);
        }
    }

    /** Six clients (three per node) read for a few seconds while checkpoints are asked of both nodes in turn. */
    private ConcurrentLinkedQueue<ApiLoad.Received> bothNodesReadAndSign(
            AppNode a, AppNode b, String token, List<String> files) throws InterruptedException {
        ConcurrentLinkedQueue<ApiLoad.Received> received = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (AppNode node : List.of(a, b, a, b, a, b)) {
            threads.add(Thread.ofPlatform()
                    .start(() -> load.read(node, token, files, stop, answer -> {
                        if (answer.received() != null && answer.received().matches()) {
                            received.add(answer.received());
                        } else {
                            failures.add(answer.status());
                        }
                    })));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i++) {
                load.issueCheckpoint(i % 2 == 0 ? a : b);
                ApiLoad.pause(150);
            }
        }));
        Thread.sleep(6_000);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).as("statuses of failed reads").isEmpty();
        assertThat(received).hasSizeGreaterThan(50);
        return received;
    }

    /** Whether the node sends this browser to sign in, for a page only a signed-in person sees. */
    private boolean signInRedirect(AppNode node, String sessionCookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + "/agreements"));
        if (sessionCookie != null) {
            request.header("Cookie", "SESSION=" + sessionCookie);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").endsWith("/login");
    }

    /** B indexed the shared repositories itself when it joined: its own index answers a search. */
    private void assertSearchServedBy(PackagedApp b, String token) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long hits = 0;
        while (hits == 0 && Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = load.get(b, "/api/v1/search?q=KSTATUS", "Bearer " + token);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            hits = json.readTree(answer.body()).get("totalFiles").asLong();
            if (hits == 0) {
                Thread.sleep(500);
            }
        }
        assertThat(hits).as("files B's search finds").isPositive();
        assertThat(b.log().resolveSibling("search-index")).isDirectory();
    }

    private void assertOneConsistentLog(ConcurrentLinkedQueue<ApiLoad.Received> received, PackagedApp b)
            throws Exception {
        ApiLoad.Ledger ledger = ApiLoad.Ledger.read(SCHEMA);
        assertThat(ledger.gapFree())
                .as("one gap-free sequence across both nodes")
                .isTrue();
        for (ApiLoad.Received answer : received) {
            assertThat(ledger.fileViews()).as(answer.key()).containsKey(answer.key());
        }
        assertThat(ledger.fileViewCount()).isGreaterThanOrEqualTo(received.size());
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(load.verifierKey(b));
        assertThat(ledger.checkpoints()).hasSizeGreaterThan(2);
        for (String note : ledger.checkpoints()) {
            Checkpoint checkpoint = Checkpoint.parse(verifier.open(note));
            assertThat(HexFormat.of().formatHex(ledger.root(checkpoint.size())))
                    .as("checkpoint of size " + checkpoint.size())
                    .isEqualTo(HexFormat.of().formatHex(checkpoint.rootHash()));
        }
        try (Connection db = ApiLoad.connect(SCHEMA);
                Statement query = db.createStatement();
                ResultSet denied = query.executeQuery("select count(*) from audit_event where action = 'ACCESS_DENIED'"
                        + " and actor like '%nato.reviewer%'")) {
            denied.next();
            assertThat(denied.getLong(1)).as("the refusals are recorded").isGreaterThanOrEqualTo(2);
        }
    }
}
