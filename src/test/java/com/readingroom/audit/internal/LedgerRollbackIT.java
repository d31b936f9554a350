package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.audit.BundleVerifier;
import com.readingroom.support.PackagedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An older database backup is restored under the running installation. The app notices at its next start that the
 * log no longer extends the newest checkpoint it issued (kept in the data directory), halts disclosure and signing
 * with a clear message, and alerts auditors; an agency holding that checkpoint detects the same with the offline
 * verifier. A corrupt checkpoint file halts it too. Moving the file aside is the operator's explicit acceptance.
 */
class LedgerRollbackIT {

    private final ApiLoad load = new ApiLoad();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRestoredOlderBackupIsDetectedByTheAppAndByTheOfflineVerifier() throws Exception {
        String schema = "rollback_" + Long.toHexString(System.nanoTime());
        Path data = Path.of("target", "fault-tests", schema);
        Path backup = data.resolve("backup.dump");
        PackagedApp app = PackagedApp.onPostgres(schema, data, ApiLoad.freePort());
        String token;
        String held;
        String verifierKey;
        try (app) {
            token = load.start(app, schema);
            List<String> files = load.filesToRead(app, token);
            readSome(app, token, files);
            assertThat(load.issueCheckpoint(app)).isPresent();
            pg("pg_dump", "-n", schema, "-Fc", "-f", backup.toAbsolutePath().toString());
            readSome(app, token, files);
            held = load.issueCheckpoint(app).orElseThrow(); // the newest checkpoint an agency keeps
            verifierKey = load.verifierKey(app);
        }
        try (Connection db = ApiLoad.connect("public");
                Statement statement = db.createStatement()) {
            statement.execute("drop schema " + schema + " cascade");
        }
        pg("pg_restore", "-d", "rr", backup.toAbsolutePath().toString());

        try (app) {
            app.start(Duration.ofMinutes(3));
            HttpResponse<String> refused = file(app, token);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body())
                    .contains("audit log is halted", "older backup")
                    .doesNotContain("Exception");
            HttpResponse<String> noCheckpoint = post(app, "/api/v1/audit/checkpoint");
            assertThat(noCheckpoint.statusCode()).isEqualTo(503);
            assertThat(lastVerificationProblem(schema)).contains("older backup");

            // The agency's own check, offline: the log served now does not extend the checkpoint it holds.
            String served = get(app, "/api/v1/audit/checkpoint").body();
            BundleVerifier.Result offline = BundleVerifier.verifyConsistency(verifierKey, held, served, "");
            assertThat(offline.ok()).isFalse();
            assertThat(offline.message()).contains("does NOT extend");
        }

        Path remembered = data.resolve("ledger").resolve("latest-checkpoint");
        Files.writeString(remembered, "not a checkpoint\n");
        try (app) {
            app.start(Duration.ofMinutes(3));
            HttpResponse<String> refused = file(app, token);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("is corrupt");
        }

        // The operator accepts the restored log by moving the file aside: the app serves again.
        Files.move(remembered, remembered.resolveSibling("latest-checkpoint.rejected"));
        try (app) {
            app.start(Duration.ofMinutes(3));
            assertThat(file(app, token).statusCode()).isEqualTo(200);
            assertThat(post(app, "/api/v1/audit/checkpoint").statusCode()).isEqualTo(200);
        }
    }

    private void readSome(PackagedApp app, String token, List<String> files) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<ApiLoad.Received> received = new ArrayList<>();
        Thread reader = Thread.ofPlatform()
                .start(() -> load.read(app, token, files, stop, answer -> {
                    if (answer.received() != null) {
                        received.add(answer.received());
                        if (received.size() >= 20) {
                            stop.set(true);
                        }
                    }
                }));
        reader.join();
    }

    private HttpResponse<String> file(PackagedApp app, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                app.base() + "/api/v1/repos/windows-kernel/file/" + ApiLoad.MAIN + "/README.md"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(PackagedApp app, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(app.base() + path))
                        .header("Authorization", auditor())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(PackagedApp app, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(app.base() + path))
                        .header("Authorization", auditor())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String auditor() {
        return "Basic " + Base64.getEncoder().encodeToString("auditor:readingroom".getBytes(StandardCharsets.UTF_8));
    }

    private static String lastVerificationProblem(String schema) throws Exception {
        try (Connection db = ApiLoad.connect(schema);
                Statement query = db.createStatement();
                ResultSet row = query.executeQuery(
                        "select intact, problem from ledger_verification order by id desc limit 1")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean("intact")).isFalse();
            return row.getString("problem");
        }
    }

    /** Runs a PostgreSQL client tool against the test server as the application's role. */
    private static void pg(String tool, String... arguments) throws Exception {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.sorted()
                    .reduce((first, second) -> second)
                    .orElseThrow()
                    .resolve("bin");
        }
        List<String> command = new ArrayList<>(
                List.of(bin.resolve(tool).toString(), "-h", "127.0.0.1", "-p", port(), "-U", "rr", "--no-password"));
        if (tool.equals("pg_dump")) {
            command.addAll(List.of("-d", "rr"));
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "rr");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(tool + ": " + output).isZero();
    }

    private static String port() {
        String url = System.getProperty("readingroom.test.pg-url", "jdbc:postgresql://127.0.0.1:55432/rr");
        return url.replaceAll(".*:(\\d+)/.*", "$1");
    }
}
