package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.support.PackagedApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stops under load and comes back. While it is gone every file read fails closed with a 503 that says why
 * (nothing is shown unrecorded); once it is back the same process serves again without a restart, every answer
 * received is in the ledger, the sequence has no gap, and no read is recorded twice.
 */
class DatabaseOutageIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);
    private static final int CLIENTS = 10;

    private final ApiLoad load = new ApiLoad();

    @Test
    void readsFailClosedWhileTheDatabaseIsDownAndResumeWithoutARestart() throws Exception {
        String schema = "outage_" + Long.toHexString(System.nanoTime());
        try (PackagedApp app = ApiLoad.unthrottled(schema, "--spring.datasource.hikari.connection-timeout=2000")) {
            String token = load.start(app, schema);
            List<String> files = load.filesToRead(app, token);
            long pid = app.pid();

            ConcurrentLinkedQueue<ApiLoad.Received> received = new ConcurrentLinkedQueue<>();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicReference<String> refusal = new AtomicReference<>();
            AtomicReference<Instant> firstAnswerAfterResume = new AtomicReference<>();
            AtomicReference<Instant> resumed = new AtomicReference<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                clients.add(Thread.ofPlatform()
                        .name("outage-client-" + client)
                        .start(() -> load.read(app, token, files, stop, answer -> {
                            statuses.merge(answer.status(), 1, Integer::sum);
                            if (answer.received() != null) {
                                received.add(answer.received());
                                if (resumed.get() != null) {
                                    firstAnswerAfterResume.compareAndSet(null, Instant.now());
                                }
                            } else if (answer.status() == 503) {
                                refusal.set(answer.body());
                            }
                        })));
            }
            Thread.sleep(2000);
            int beforeOutage = received.size();
            services("pause");
            Thread.sleep(4000);
            int duringOutage = received.size();
            services("resume");
            resumed.set(Instant.now());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (firstAnswerAfterResume.get() == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }

            assertThat(firstAnswerAfterResume.get())
                    .as("a file is served again after the database returns")
                    .isNotNull();
            assertThat(app.pid()).as("the same process").isEqualTo(pid);
            assertThat(statuses.keySet())
                    .as("answers: only served or failed closed")
                    .containsOnly(200, 503);
            assertThat(refusal.get()).contains("cannot reach its database", "nothing was shown");
            assertThat(received).allMatch(ApiLoad.Received::matches);
            ApiLoad.Ledger ledger = ApiLoad.Ledger.read(schema);
            assertThat(ledger.gapFree()).isTrue();
            Map<String, Long> receivedTimes = new java.util.HashMap<>();
            received.forEach(answer -> receivedTimes.merge(answer.key(), 1L, Long::sum));
            receivedTimes.forEach(
                    (key, times) -> assertThat((long) ledger.fileViews().getOrDefault(key, 0))
                            .as("FILE_VIEW events of %s", key)
                            .isGreaterThanOrEqualTo(times));
            // At most one record per call: a call that failed closed may have been recorded just before it failed.
            assertThat(ledger.fileViewCount())
                    .isBetween((long) received.size(), (long) received.size() + statuses.get(503));
            log.info(
                    "Outage: {} files served before, {} while PostgreSQL was down ({} calls failed closed with 503),"
                            + " served again {} ms after it returned; {} FILE_VIEW events for {} files received",
                    beforeOutage,
                    duringOutage - beforeOutage,
                    statuses.get(503),
                    Duration.between(resumed.get(), firstAnswerAfterResume.get())
                            .toMillis(),
                    ledger.fileViewCount(),
                    received.size());
        }
    }

    private static void services(String action) throws Exception {
        Process script = new ProcessBuilder("bash", "src/test/services/test-services.sh", action)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(script.waitFor()).as("test-services.sh " + action).isZero();
    }
}
