package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import com.readingroom.support.PackagedApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger survives {@code kill -9}. The packaged app runs on PostgreSQL; 20 clients read files through the machine
 * API and keep the content hash of every answer they receive, while checkpoints are issued; the app is killed at a
 * random moment, started again, and then: every answer a client received has its FILE_VIEW event with that content
 * hash, the sequence has no gap, every checkpoint issued before the kill verifies (signature, and the root rebuilt
 * from the stored events), and the app serves again. Rounds, clients and the longest load before a kill are set by
 * {@code readingroom.crash.rounds} (5), {@code .clients} (20) and {@code .max-load} (seconds, 6); the long form is
 * {@code src/test/crash/crash-test.sh}.
 */
class CrashRecoveryIT {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);
    private static final int ROUNDS = Integer.getInteger("readingroom.crash.rounds", 5);
    private static final int CLIENTS = Integer.getInteger("readingroom.crash.clients", 20);
    private static final double MAX_LOAD = Double.parseDouble(System.getProperty("readingroom.crash.max-load", "6"));

    private final ApiLoad load = new ApiLoad();
    private final Random random = new Random();

    @Test
    void everyAnswerAClientReceivedIsInTheLedgerAfterAKill9() throws Exception {
        String schema = "crash_" + Long.toHexString(System.nanoTime());
        try (PackagedApp app = ApiLoad.unthrottled(schema)) {
            String token = load.start(app, schema);
            List<String> files = load.filesToRead(app, token);
            NoteVerifier verifier = NoteVerifier.fromVerifierKey(load.verifierKey(app));
            List<ApiLoad.Received> everReceived = new ArrayList<>();
            List<String> everIssued = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                ConcurrentLinkedQueue<ApiLoad.Received> received = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<String> checkpoints = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    clients.add(Thread.ofPlatform()
                            .name("crash-client-" + client)
                            .start(() -> load.read(app, token, files, stop, answer -> {
                                if (answer.received() != null) {
                                    received.add(answer.received());
                                }
                            })));
                }
                clients.add(Thread.ofPlatform().name("crash-checkpoints").start(() -> {
                    while (!stop.get()) {
                        load.issueCheckpoint(app).ifPresent(checkpoints::add);
                        ApiLoad.pause(300);
                    }
                }));
                // The random moment counts from the round's first answer: a freshly restarted JVM may take longer
                // than the shortest load to answer at all, and a round that received nothing would prove nothing.
                long firstAnswerBy = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (received.isEmpty() && System.nanoTime() < firstAnswerBy) {
                    Thread.sleep(20);
                }
                long loadMillis = 500 + (long) (random.nextDouble() * (MAX_LOAD * 1000 - 500));
                Thread.sleep(loadMillis);
                app.kill();
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }
                app.start(Duration.ofMinutes(3));
                load.awaitServing(app, token, Duration.ofMinutes(2));

                everReceived.addAll(received);
                everIssued.addAll(checkpoints);
                ApiLoad.Ledger ledger = ApiLoad.Ledger.read(schema);
                assertThat(received).as("round %d: answers received", round).isNotEmpty();
                assertThat(everReceived)
                        .as("every body matches its X-Content-SHA256")
                        .allMatch(ApiLoad.Received::matches);
                assertThat(ledger.gapFree()).as("the sequence has no gap").isTrue();
                for (ApiLoad.Received answer : everReceived) {
                    assertThat(ledger.fileViews())
                            .as("the FILE_VIEW of %s", answer)
                            .containsKey(answer.key());
                }
                List<String> notes = new ArrayList<>(everIssued);
                notes.addAll(ledger.checkpoints());
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
}
