package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.audit.BundleVerifier;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.audit.internal.merkle.Proofs;
import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit API over HTTP, as a SIEM or an agency's monitor uses it, and checked with nothing but its answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditApiIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void checkpointsProofsAndEventsVerifyWithNothingButTheApisAnswers() throws Exception {
        String key = send("GET", "/api/v1/audit/log.pub", "auditor").body().strip();
        String first = send("POST", "/api/v1/audit/checkpoint", "auditor").body();
        Checkpoint older = Checkpoint.parse(NoteVerifier.fromVerifierKey(key).open(first));
        // A reviewer's refused call is itself audited, so the log grows.
        assertThat(send("GET", "/api/v1/audit/log.pub", "nato.reviewer").statusCode())
                .isEqualTo(403);
        HttpResponse<String> latest = send("POST", "/api/v1/audit/checkpoint", "auditor");
        assertThat(latest.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        Checkpoint newer = Checkpoint.parse(NoteVerifier.fromVerifierKey(key).open(latest.body()));
        assertThat(newer.size()).isGreaterThan(older.size());
        assertThat(send("GET", "/api/v1/audit/checkpoint?size=" + older.size(), "auditor")
                        .body())
                .isEqualTo(first);

        String event = send("GET", "/api/v1/audit/events?from=0&to=1", "auditor")
                .body()
                .strip();
        assertThat(event).startsWith("{\"seq\":0,");
        List<byte[]> inclusion = proof("/api/v1/audit/proof/inclusion?index=0&size=" + newer.size());
        assertThat(Proofs.verifyInclusion(
                        0,
                        newer.size(),
                        Hashes.leaf(event.getBytes(StandardCharsets.UTF_8)),
                        inclusion,
                        newer.rootHash()))
                .isTrue();
        List<byte[]> consistency =
                proof("/api/v1/audit/proof/consistency?from=" + older.size() + "&to=" + newer.size());
        assertThat(Proofs.verifyConsistency(
                        older.size(), newer.size(), older.rootHash(), newer.rootHash(), consistency))
                .isTrue();

        // The shipped offline check, fed the API's answers as they come.
        String proofJson = send(
                        "GET",
                        "/api/v1/audit/proof/consistency?from=" + older.size() + "&to=" + newer.size(),
                        "auditor")
                .body();
        assertThat(BundleVerifier.verifyConsistency(key, first, latest.body(), proofJson)
                        .ok())
                .isTrue();
        assertThat(BundleVerifier.verifyConsistency(key, latest.body(), first, proofJson)
                        .ok())
                .isFalse();
    }

    @Test
    void aBundleDownloadedOverTheApiVerifiesOffline(@TempDir Path folder) throws Exception {
        HttpResponse<byte[]> response = http.send(
                request("GET", "/api/v1/audit/bundle?action=LOGIN_FAILED", "auditor"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Path bundle = folder.resolve("bundle.zip");
        Files.write(bundle, response.body());

        BundleVerifier.Result result = BundleVerifier.verify(bundle);
        assertThat(result.ok()).as(result.message()).isTrue();
    }

    /**
     * Interop: the Go reference implementation of signed notes and tlog proofs (golang.org/x/mod, from Debian's
     * golang-golang-x-mod-dev) verifies our checkpoint signature, every inclusion proof of a bundle, and a
     * consistency proof, unchanged; and refuses a tampered proof and a reversed pair of checkpoints.
     */
    @Test
    void theGoReferenceImplementationVerifiesOurCheckpointsAndProofs(@TempDir Path folder) throws Exception {
        String key = send("GET", "/api/v1/audit/log.pub", "auditor").body();
        String first = send("POST", "/api/v1/audit/checkpoint", "auditor").body();
        assertThat(send("GET", "/api/v1/audit/log.pub", "nato.reviewer").statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> zip =
                http.send(request("GET", "/api/v1/audit/bundle", "auditor"), HttpResponse.BodyHandlers.ofByteArray());
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        try (var entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Files.write(bundle.resolve(entry.getName()), entries.readAllBytes());
            }
        }
        String latest = Files.readString(bundle.resolve("checkpoint"));
        Checkpoint newer =
                Checkpoint.parse(NoteVerifier.fromVerifierKey(key.strip()).open(latest));
        Checkpoint older =
                Checkpoint.parse(NoteVerifier.fromVerifierKey(key.strip()).open(first));
        Path pub = Files.writeString(folder.resolve("log.pub"), key);
        Path old = Files.writeString(folder.resolve("old"), first);
        Path now = Files.writeString(folder.resolve("new"), latest);
        Path proof = Files.writeString(
                folder.resolve("proof.json"),
                send("GET", "/api/v1/audit/proof/consistency?from=" + older.size() + "&to=" + newer.size(), "auditor")
                        .body());

        assertThat(ReferenceTooling.tlogcheck("bundle", bundle.toString()))
                .startsWith("ok: verified with golang.org/x/mod")
                .contains(newer.size() + " inclusion proofs");
        assertThat(ReferenceTooling.tlogcheck(
                        "consistency", pub.toString(), old.toString(), now.toString(), proof.toString()))
                .startsWith("ok: verified with golang.org/x/mod");
        assertThat(ReferenceTooling.tlogcheck(
                        "consistency", pub.toString(), now.toString(), old.toString(), proof.toString()))
                .startsWith("failed:");

        Path proofs = bundle.resolve("proofs.jsonl");
        List<String> lines = Files.readAllLines(proofs);
        String line = lines.get(1);
        int at = line.indexOf("\"proof\":[\"") + "\"proof\":[\"".length();
        String tampered = line.substring(0, at) + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1);
        lines.set(1, tampered);
        Files.write(proofs, lines);
        assertThat(ReferenceTooling.tlogcheck("bundle", bundle.toString()))
                .startsWith("failed:")
                .contains("(line 2) is not in the log");
    }

    @Test
    void onlyAuditorsMayReadTheLedgerAndBadParametersAreExplained() throws Exception {
        assertThat(send("GET", "/api/v1/audit/log.pub", "nato.reviewer").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/audit/log.pub", "pm").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = send("GET", "/api/v1/audit/proof/inclusion?index=0&size=999999999", "auditor");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("a tree size must be").doesNotContain("Exception");
        HttpResponse<String> since = send("GET", "/api/v1/audit/bundle?since=yesterday", "auditor");
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(since.body()).contains("is not an ISO-8601 instant");
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        HttpResponse<String> description = send("GET", "/api/v1/openapi.json", "auditor");
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("/api/v1/audit/checkpoint", "/api/v1/audit/proof/inclusion");
    }

    private List<byte[]> proof(String path) throws Exception {
        JsonNode body = json.readTree(send("GET", path, "auditor").body());
        return body.get("proof")
                .valueStream()
                .map(node -> Base64.getDecoder().decode(node.asString()))
                .toList();
    }

    private HttpResponse<String> send(String method, String path, String username) throws Exception {
        return http.send(request(method, path, username), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String username) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((username + ":readingroom").getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
    }
}
