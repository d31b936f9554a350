package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.audit.internal.merkle.CompactRange;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.support.AppNode;
import com.readingroom.support.PackagedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients of the machine API for the fault tests against the packaged app ({@link PackagedApp}), and the ledger as
 * PostgreSQL holds it afterwards.
 */
final class ApiLoad {

    static final String MAIN = "refs%2Fheads%2Fmain";
    private static final List<String> REPOSITORIES = List.of("windows-kernel", "windows-shell");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** One call's outcome: its status, and for a file received, what arrived. */
    record Answer(int status, Received received, String body) {}

    /** A file a client received and the SHA-256 of the bytes that arrived; {@code matches} its X-Content-SHA256. */
    record Received(String repository, String path, String sha256, boolean matches) {

        String key() {
            return repository + ":" + path + " " + sha256;
        }
    }

    /**
     * The packaged app of a fault test, with the bulk-reading guard and the rate limit out of the way: the load is the
     * point here (both are tested elsewhere).
     */
    static PackagedApp unthrottled(String schema, String... settings) throws IOException {
        List<String> all = new ArrayList<>(List.of(
                "--readingroom.source.views-per-minute=100000000", "--readingroom.api.requests-per-minute=100000000"));
        all.addAll(List.of(settings));
        return PackagedApp.onPostgres(
                schema, java.nio.file.Path.of("target", "fault-tests", schema), freePort(), all.toArray(String[]::new));
    }

    /** Starts the app for the first time, gives nato.reviewer a token, and waits until the read API serves it. */
    String start(PackagedApp app, String schema) throws Exception {
        app.start(Duration.ofMinutes(3));
        String token = insertToken(schema);
        awaitServing(app, token, Duration.ofMinutes(2));
        return token;
    }

    /** Reads random files until {@code stop}, handing each answer over; a call that gets no answer is dropped. */
    void read(AppNode app, String token, List<String> files, AtomicBoolean stop, Consumer<Answer> answers) {
        Random random = new Random();
        while (!stop.get()) {
            try {
                answers.accept(readOnce(app, token, files.get(random.nextInt(files.size()))));
            } catch (IOException gone) {
                // No answer arrived (the app was killed): nothing was received, nothing need be recorded.
                pause(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One read of a file ({@code repository:path}) through the API, with what arrived. */
    Answer readOnce(AppNode app, String token, String file) throws IOException, InterruptedException {
        int colon = file.indexOf(':');
        String repository = file.substring(0, colon);
        String path = file.substring(colon + 1);
        HttpResponse<byte[]> answer = http.send(
                HttpRequest.newBuilder(
                                URI.create(app.base() + "/api/v1/repos/" + repository + "/file/" + MAIN + "/" + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Received received = null;
        if (answer.statusCode() == 200) {
            String sha = sha256(answer.body());
            received = new Received(
                    repository,
                    path,
                    sha,
                    sha.equals(answer.headers().firstValue("X-Content-SHA256").orElse("")));
        }
        return new Answer(
                answer.statusCode(),
                received,
                received == null ? new String(answer.body(), StandardCharsets.UTF_8) : null);
    }

    /** An auditor's call for a checkpoint of the log as it stands. */
    Optional<String> issueCheckpoint(AppNode app) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/audit/checkpoint"))
                            .header("Authorization", auditor())
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? Optional.of(answer.body()) : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    String verifierKey(AppNode app) throws Exception {
        return get(app, "/api/v1/audit/log.pub", auditor()).body().strip();
    }

    /** Every file of the sample Windows repositories' main branches, as the API lists them. */
    List<String> filesToRead(AppNode app, String token) throws Exception {
        List<String> files = new ArrayList<>();
        for (String repository : REPOSITORIES) {
            collect(app, token, repository, "", files);
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files;
    }

    private void collect(AppNode app, String token, String repository, String folder, List<String> files)
            throws Exception {
        HttpResponse<String> answer = get(
                app,
                "/api/v1/repos/" + repository + "/tree/" + MAIN + (folder.isEmpty() ? "" : "/" + folder),
                "Bearer " + token);
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

    /** Waits until the read API answers 200 again. */
    void awaitServing(AppNode app, String token, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(app, "/api/v1/repos", "Bearer " + token).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app does not serve the read API; see " + app.whereToLook());
    }

    HttpResponse<String> get(AppNode app, String path, String authorization) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(app.base() + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", authorization)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String auditor() {
        return "Basic " + Base64.getEncoder().encodeToString("auditor:readingroom".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A token for nato.reviewer under RR-2026-001, stored as the tokens screen stores one (only its hash): these
     * tests drive the API, not the screen. Waits for the demo data of a first start.
     */
    static String insertToken(String schema) throws Exception {
        byte[] bytes = new byte[30];
        new SecureRandom().nextBytes(bytes);
        String secret = "rrpat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        try (Connection db = connect(schema)) {
            while (true) {
                try (PreparedStatement insert = db.prepareStatement(
                        "insert into access_token (person_id, agreement_id, name, token_hash, hint, created_at,"
                                + " expires_at) select p.id, a.id, 'fault test', ?, ?, ?, ? from person p, agreement a"
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
        Connection db = DriverManager.getConnection(
                System.getProperty("readingroom.test.pg-url", "jdbc:postgresql://127.0.0.1:55432/rr"), "rr", "rr");
        try (Statement statement = db.createStatement()) {
            statement.execute("set search_path to " + schema);
        }
        return db;
    }

    /**
     * The ledger as stored: every event's leaf hash in sequence, how many FILE_VIEW events name each received file
     * with its content hash, and the checkpoints kept.
     */
    record Ledger(List<Long> seqs, List<byte[]> leafHashes, Map<String, Integer> fileViews, List<String> checkpoints) {

        static Ledger read(String schema) throws Exception {
            JsonMapper json = JsonMapper.builder().build();
            List<Long> seqs = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            Map<String, Integer> views = new HashMap<>();
            List<String> checkpoints = new ArrayList<>();
            try (Connection db = connect(schema);
                    Statement query = db.createStatement()) {
                try (ResultSet rows = query.executeQuery("select seq, action, leaf from audit_event order by seq")) {
                    while (rows.next()) {
                        seqs.add(rows.getLong("seq"));
                        String leaf = rows.getString("leaf");
                        hashes.add(Hashes.leaf(leaf.getBytes(StandardCharsets.UTF_8)));
                        if (rows.getString("action").equals("FILE_VIEW")) {
                            JsonNode event = json.readTree(leaf);
                            views.merge(
                                    event.get("repository").asString() + ":"
                                            + event.get("path").asString() + " "
                                            + event.get("contentHash").asString(),
                                    1,
                                    Integer::sum);
                        }
                    }
                }
                try (ResultSet rows = query.executeQuery("select note from ledger_checkpoint order by size")) {
                    while (rows.next()) {
                        checkpoints.add(rows.getString("note"));
                    }
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

        long fileViewCount() {
            return fileViews.values().stream().mapToLong(Integer::longValue).sum();
        }

        byte[] root(long size) {
            CompactRange range = new CompactRange();
            for (int i = 0; i < size; i++) {
                range.append(leafHashes.get(i));
            }
            return range.root();
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
