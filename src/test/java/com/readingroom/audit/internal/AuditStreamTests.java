package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.sun.net.httpserver.HttpServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit stream to a SIEM, against a webhook and a syslog receiver run by this test: every event arrives, in order,
 * byte for byte as the tree hashes it, with its sequence number, and so does every checkpoint; a receiver that refuses
 * at first gets the same events again until it takes them (at least once), and each batch carries its signature.
 */
@SpringBootTest(properties = "readingroom.test.context=audit-stream")
@ActiveProfiles("test")
class AuditStreamTests {

    private static final String SECRET = "siem-shared-secret";
    private static final ConcurrentLinkedQueue<String> webhookBodies = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> signatures = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> syslogMessages = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger refusalsLeft = new AtomicInteger(2);
    private static final AtomicInteger attempts = new AtomicInteger();
    private static HttpServer webhook;
    private static ServerSocket syslog;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/siem", exchange -> {
            attempts.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (refusalsLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                webhookBodies.add(body);
                signatures.add(exchange.getRequestHeaders().getFirst("X-ReadingRoom-Signature") + " " + body);
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        webhook.start();
        syslog = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(AuditStreamTests::receiveSyslog);
        registry.add(
                "readingroom.audit.stream.webhook",
                () -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/siem");
        registry.add("readingroom.audit.stream.webhook-secret", () -> SECRET);
        registry.add("readingroom.audit.stream.syslog-host", () -> "127.0.0.1");
        registry.add("readingroom.audit.stream.syslog-port", () -> syslog.getLocalPort());
        registry.add("readingroom.audit.stream.interval", () -> "200ms");
        registry.add("readingroom.audit.stream.max-backoff", () -> "1s");
    }

    /** Octet-counted frames: {@code <length> <message>}. */
    private static void receiveSyslog() {
        while (!syslog.isClosed()) {
            try (Socket connection = syslog.accept();
                    DataInputStream in = new DataInputStream(connection.getInputStream())) {
                while (true) {
                    StringBuilder length = new StringBuilder();
                    int c;
                    while ((c = in.read()) != ' ') {
                        if (c < 0) {
                            throw new java.io.EOFException();
                        }
                        length.append((char) c);
                    }
                    byte[] message = new byte[Integer.parseInt(length.toString())];
                    in.readFully(message);
                    syslogMessages.add(new String(message, StandardCharsets.UTF_8));
                }
            } catch (IOException endOfConnection) {
                // the sender closes after each batch; the next batch opens a new connection
            }
        }
    }

    @AfterAll
    static void stopReceivers() throws IOException {
        webhook.stop(0);
        syslog.close();
    }

    @Test
    void everyEventAndCheckpointReachesBothTargetsInOrderAtLeastOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            auditLog.append(AuditRecord.of(AuditAction.EXPORT, "stream", "event " + i));
        }
        auditLog.append(AuditRecord.of(AuditAction.ACCESS_DENIED, "view /agreements", "stream refusal"));
        String checkpoint = checkpointer.issue();
        long size = jdbc.queryForObject("select size from ledger_head where id = 1", Long.class);

        JsonMapper json = JsonMapper.builder().build();
        Map<Long, String> received = new TreeMap<>();
        List<String> checkpoints = new java.util.ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while ((received.size() < size || !checkpoints.contains(checkpoint))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            for (String body : webhookBodies) {
                for (String line : body.lines().toList()) {
                    JsonNode item = json.readTree(line);
                    if (item.get("type").asString().equals("event")) {
                        received.put(item.get("seq").asLong(), line);
                    } else if (!checkpoints.contains(item.get("note").asString())) {
                        checkpoints.add(item.get("note").asString());
                    }
                }
            }
        }

        assertThat(received.keySet()).as("every event, by sequence number").hasSize((int) size);
        assertThat(received.keySet().stream().mapToLong(Long::longValue).max().orElseThrow())
                .isEqualTo(size - 1);
        String leaf = jdbc.queryForObject("select leaf from audit_event where seq = ?", String.class, size - 1);
        assertThat(received.get(size - 1))
                .isEqualTo("{\"type\":\"event\",\"seq\":" + (size - 1) + ",\"event\":" + leaf + "}");
        assertThat(checkpoints).contains(checkpoint);
        assertThat(attempts.get()).as("refused twice, then offered again").isGreaterThan(2);
        for (String signed : signatures) {
            String signature = signed.substring(0, signed.indexOf(' '));
            String body = signed.substring(signed.indexOf(' ') + 1);
            assertThat(signature).isEqualTo("sha256=" + hmac(body));
        }

        Instant syslogDeadline = Instant.now().plus(Duration.ofSeconds(30));
        Pattern seq = Pattern.compile(
                "^<(\\d+)>1 \\S+ \\S+ reading-room - (AUDIT|CHECKPOINT) \\[readingroom@32473 seq=\"(\\d+)\"] ");
        java.util.Set<Long> syslogged = new java.util.TreeSet<>();
        int deniedPriority = -1;
        while (syslogged.size() < size && Instant.now().isBefore(syslogDeadline)) {
            Thread.sleep(200);
            for (String message : syslogMessages) {
                Matcher frame = seq.matcher(message);
                assertThat(frame.find()).as(message).isTrue();
                if (frame.group(2).equals("AUDIT")) {
                    syslogged.add(Long.parseLong(frame.group(3)));
                    if (message.contains("\"action\":\"ACCESS_DENIED\"")) {
                        deniedPriority = Integer.parseInt(frame.group(1));
                    }
                }
            }
        }
        assertThat(syslogged).hasSize((int) size);
        assertThat(deniedPriority).as("log audit, warning").isEqualTo(13 * 8 + 4);
    }

    @Test
    void aWebhookMustBeHttpsUnlessItIsOnThisMachine() {
        assertThatThrownBy(() -> new WebhookTarget(URI.create("http://siem.example/in?token=s3cret"), null, "o"))
                .isInstanceOf(AuditStreamMisconfiguredException.class)
                .hasMessageContaining("https://")
                .hasMessageNotContaining("s3cret");
        assertThat(new WebhookTarget(URI.create("https://user:pw@siem.example/in?token=s3cret"), null, "o").name())
                .isEqualTo("webhook https://siem.example/in");
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
