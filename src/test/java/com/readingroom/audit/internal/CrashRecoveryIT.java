package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.audit.internal.merkle.CompactRange;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import com.readingroom.support.PackagedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger survives {@code kill -9}. The packaged app runs on PostgreSQL; 20 clients read files through the machine
 * API and keep the content hash of every answer they receive, while checkpoints are issued; the app is killed at a
 * random moment, started again, and then: every answer a client received has its FILE_VIEW event with that content
 * hash, the sequence has no gap, every checkpoint issued before the kill verifies (signature, and the root rebuilt
 * from the stored events), and the app serves again. Rounds, clients and the longest load before a kill are set by
 * {@code readingroom.crash.rounds} (5), {@code .clients} (20) and {@code .max-load} (seconds, 6); the long form for the
 * benchmark is {@code src/test/crash/crash-test.sh}.
 */
class CrashRecoveryIT {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);
    private static final int ROUNDS = Integer.getInteger("readingroom.crash.rounds", 5);
    private static final int CLIENTS = Integer.getInteger("readingroom.crash.clients", 20);
    private static final double MAX_LOAD = Double.parseDouble(System.getProperty("readingroom.crash.max-load", "6"));
    private static final String MAIN = "refs%2Fheads%2Fmain";
    private static final List<String> REPOSITORIES = List.of("windows-kernel", "windows-shell");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random();

    /** What a client received: a file and the SHA-256 of the bytes that arrived. */
    record Received(String repository, String path, String sha256) {}

    @Test
    void everyAnswerAClientReceivedIsInTheLedgerAfterAKill9() throws Exception {
        String schema = "crash_" + Long.toHexString(System.nanoTime());
        Path data = Path.of("target", "crash-test", schema);
        int port = freePort();
        try (PackagedApp app = PackagedApp.onPostgres(
                schema,
                data,
                port,
                // The load is the point here, not the bulk-reading guard or the rate limit (tested elsewhere).
                "--readingroom.source.views-per-minute=100000000",
                "--readingroom.api.requests-per-minute=100000000")) {
            app.start(Duration.ofMinutes(3));
            String token = insertToken(schema);
            awaitServing(app, token);
            List<String> files = filesToRead(app, token);
            String verifierKey =
                    get(app, "/api/v1/audit/log.pub", null, auditor()).body().strip();
            NoteVerifier verifier = NoteVerifier.fromVerifierKey(verifierKey);
            List<Received> everReceived = new ArrayList<>();
            List<String> everIssued = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<String> checkpoints = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger wrongHashes = new AtomicInteger();
                List<Thread> clients = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    clients.add(Thread.ofPlatform()
                            .name("crash-client-" + client)
                            .start(() -> read(app, token, files, stop, received, wrongHashes)));
                }
                clients.add(Thread.ofPlatform().name("crash-checkpoints").start(() -> {
                    while (!stop.get()) {
                        issueCheckpoint(app).ifPresent(checkpoints::add);
                        pause(400);
                    }
                }));
                long loadMillis = 500 + (long) (random.nextDouble() * (MAX_LOAD * 1000 - 500));
                Thread.sleep(loadMillis);
                app.kill();
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }
                app.start(Duration.ofMinutes(3));
                awaitServing(app, token);

                everReceived.addAll(received);
                everIssued.addAll(checkpoints);
                Ledger ledger = Ledger.read(schema);
                assertThat(wrongHashes)
                        .as("answers whose body did not match X-Content-SHA256")
                        .hasValue(0);
                assertThat(received).as("round %d received answers", round).isNotEmpty();
                assertThat(ledger.gapFree()).as("the sequence has no gap").isTrue();
                for (Received answer : everReceived) {
                    assertThat(ledger.fileViews())
                            .as("the FILE_VIEW of %s", answer)
                            .contains(answer.repository() + ":" + answer.path() + " " + answer.sha256());
                }
                List<String> notes = new ArrayList<>(everIssued);
                notes.addAll(ledger.storedCheckpoints());
                for (String note : notes) {
                    Checkpoint checkpoint = Checkpoint.parse(verifier.open(note));
                    assertThat(HexFormat.of().formatHex(ledger.root(checkpoint.size())))
                            .as("the root of the stored log at checkpoint size %d", checkpoint.size())
                            .isEqualTo(HexFormat.of().formatHex(checkpoint.rootHash()));
                }
                log.info(
                        "Crash round {}: killed after {} ms of load by {} clients; {} answers received, {} checkpoints"
                                + " fetched; after restart {} events, all {} answers so far recorded, all {} checkpoints"
                                + " verify",
                        round,
                        loadMillis,
                        CLIENTS,
                        received.size(),
                        checkpoints.size(),
                        ledger.size(),
                        everReceived.size(),
                        notes.size());
            }
        }
    }

    private void read(
            PackagedApp app,
            String token,
            List<String> files,
            AtomicBoolean stop,
            ConcurrentLinkedQueue<Received> received,
            AtomicInteger wrongHashes) {
        Random own = new Random();
        while (!stop.get()) {
            String file = files.get(own.nextInt(files.size()));
            int slash = file.indexOf(':');
            String repository = file.substring(0, slash);
            String path = file.substring(slash + 1);
            try {
                HttpResponse<byte[]> answer = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        app.base() + "/api/v1/repos/" + repository + "/file/" + MAIN + "/" + path))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() == 200) {
                    String sha = sha256(answer.body());
                    if (!sha.equals(
                            answer.headers().firstValue("X-Content-SHA256").orElse(""))) {
                        wrongHashes.incrementAndGet();
                    }
                    received.add(new Received(repository, path, sha));
                }
            } catch (IOException killed) {
                // The app is gone: what was not received need not be recorded.
                pause(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private java.util.Optional<String> issueCheckpoint(PackagedApp app) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/audit/checkpoint"))
                            .header("Authorization", auditor())
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? java.util.Optional.of(answer.body()) : java.util.Optional.empty();
        } catch (IOException killed) {
            return java.util.Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** Every file of the repositories' main branches, as the API lists them. */
    private List<String> filesToRead(PackagedApp app, String token) throws Exception {
        List<String> files = new ArrayList<>();
        for (String repository : REPOSITORIES) {
            collect(app, token, repository, "", files);
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files;
    }

    private void collect(PackagedApp app, String token, String repository, String folder, List<String> files)
            throws Exception {
        HttpResponse<String> answer = get(
                app, "/api/v1/repos/" + repository + "/tree/" + MAIN + (folder.isEmpty() ? "" : "/" + folder), token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode entry : json.readTree(answer.body()).get("entries")) {
            String kind = entry.get("kind").asString();
            String path = entry.get("path").asString();
            if (kind.equals("DIRECTORY")) {
                collect(app, token, repository, path, files);
            } else if (kind.equals("FILE") || kind.equals("EXECUTABLE")) {
                files.add(repository + ":" + path);
            }
        }
    }

    private void awaitServing(PackagedApp app, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(app, "/api/v1/repos", token).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app does not serve the read API again; see " + app.log());
    }

    private HttpResponse<String> get(PackagedApp app, String path, String token) throws Exception {
        return get(app, path, token, null);
    }

    private HttpResponse<String> get(PackagedApp app, String path, String token, String authorization)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        } else if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auditor() {
        return "Basic " + Base64.getEncoder().encodeToString("auditor:readingroom".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A token for nato.reviewer under RR-2026-001, written as the tokens screen would (only its hash is stored):
     * this test drives the API, not the screen.
     */
    private static String insertToken(String schema) throws Exception {
        byte[] bytes = new byte[30];
        new SecureRandom().nextBytes(bytes);
        String secret = "rrpat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        try (Connection db = connect(schema)) {
            while (true) {
                try (PreparedStatement insert = db.prepareStatement(
                        "insert into access_token (person_id, agreement_id, name, token_hash, hint, created_at,"
                                + " expires_at) select p.id, a.id, 'crash test', ?, ?, ?, ? from person p, agreement a"
                                + " where p.username = 'nato.reviewer' and a.reference = 'RR-2026-001'")) {
                    insert.setString(1, sha256(secret.getBytes(StandardCharsets.UTF_8)));
                    insert.setString(2, secret.substring(0, 10));
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.setTimestamp(4, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
                    if (insert.executeUpdate() == 1) {
                        return secret;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("The demo data never appeared in schema " + schema);
                }
                Thread.sleep(250);
            }
        }
    }

    static Connection connect(String schema) throws SQLException {
        String url = System.getProperty("readingroom.test.pg-url", "jdbc:postgresql://127.0.0.1:55432/rr");
        Connection db = DriverManager.getConnection(url, "rr", "rr");
        try (Statement statement = db.createStatement()) {
            statement.execute("set search_path to " + schema);
        }
        return db;
    }

    /** The ledger as stored: every event's leaf, in sequence. */
    record Ledger(List<Long> seqs, List<byte[]> leafHashes, Set<String> fileViews, List<String> storedCheckpoints) {

        static Ledger read(String schema) throws Exception {
            JsonMapper json = JsonMapper.builder().build();
            List<Long> seqs = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            Set<String> views = new HashSet<>();
            try (Connection db = connect(schema);
                    Statement query = db.createStatement();
                    ResultSet rows = query.executeQuery("select seq, action, leaf from audit_event order by seq")) {
                while (rows.next()) {
                    seqs.add(rows.getLong("seq"));
                    String leaf = rows.getString("leaf");
                    hashes.add(Hashes.leaf(leaf.getBytes(StandardCharsets.UTF_8)));
                    if (rows.getString("action").equals("FILE_VIEW")) {
                        JsonNode event = json.readTree(leaf);
                        views.add(event.get("repository").asString() + ":"
                                + event.get("path").asString() + " "
                                + event.get("contentHash").asString());
                    }
                }
            }
            List<String> checkpoints = new ArrayList<>();
            try (Connection db = connect(schema);
                    Statement query = db.createStatement();
                    ResultSet rows = query.executeQuery("select note from ledger_checkpoint order by size")) {
                while (rows.next()) {
                    checkpoints.add(rows.getString("note"));
                }
            }
            return new Ledger(seqs, hashes, views, checkpoints);
        }

        boolean gapFree() {
            for (int i = 0; i < seqs.size(); i++) {
                if (seqs.get(i) != i) {
                    return false;
                }
            }
            return true;
        }

        long size() {
            return seqs.size();
        }

        byte[] root(long size) {
            CompactRange range = new CompactRange();
            for (int i = 0; i < size; i++) {
                range.append(leafHashes.get(i));
            }
            return range.root();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .toLowerCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
