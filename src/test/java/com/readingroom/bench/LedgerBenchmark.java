package com.readingroom.bench;

import com.readingroom.ReadingRoomApplication;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.internal.LedgerAccess;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.audit.internal.merkle.InMemoryNodes;
import com.readingroom.audit.internal.merkle.MerkleTree;
import com.readingroom.audit.internal.merkle.Nodes;
import com.readingroom.audit.internal.merkle.Proofs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the audit ledger and prints its figures (see BENCHMARKS.md; run with src/test/bench/ledger-benchmark.sh):
 * durable appends per second with concurrent writers on the real database, inclusion-proof latency from the stored
 * nodes, and the offline verifier's cost per event (leaf hashing, tree rebuild, proof checks) on a million events.
 *
 * <p>Arguments: {@code h2|postgres} {@code seconds} {@code writers}; for postgres, {@code DB_URL}, {@code DB_USER} and
 * {@code DB_PASSWORD} from the environment.
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {}

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        offlineVerification(1_000_000);
        Path dataDir = Files.createTempDirectory("readingroom-bench");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--readingroom.data-dir=" + dataDir,
                "--readingroom.demo.enabled=false",
                "--readingroom.ledger.checkpoint-interval=3600s",
                "--readingroom.ledger.verification-interval=3600s",
                "--logging.level.root=warn"));
        if (database.equals("postgres")) {
            arguments.add("--spring.profiles.active=postgres");
        }
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(ReadingRoomApplication.class).run(arguments.toArray(String[]::new))) {
            appends(app.getBean(AuditLog.class), database, seconds, writers);
            proofs(app.getBean(JdbcTemplate.class), LedgerAccess.reader(app));
        }
    }

    private static void appends(AuditLog log, String database, int seconds, int writers) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[writers][];
        int[] counts = new int[writers];
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            long start = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                latencies[w] = new long[2_000_000];
                pool.submit(() -> {
                    while (running.get()) {
                        long before = System.nanoTime();
                        log.append(new AuditRecord(
                                AuditAction.FILE_VIEW,
                                (long) writer,
                                "RR-BENCH",
                                1L,
                                "windows-kernel@refs/tags/release/1.0:src/mm/pool.c",
                                "sha256="
                                        + Long.toHexString(
                                                ThreadLocalRandom.current().nextLong()) + " lines=412"));
                        if (counts[writer] < latencies[writer].length) {
                            latencies[writer][counts[writer]] = System.nanoTime() - before;
                        }
                        counts[writer]++;
                    }
                    return null;
                });
            }
            Thread.sleep(seconds * 1000L);
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long total = Arrays.stream(counts).asLongStream().sum();
            long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
            int k = 0;
            for (int w = 0; w < writers; w++) {
                int n = Math.min(counts[w], latencies[w].length);
                System.arraycopy(latencies[w], 0, all, k, n);
                k += n;
            }
            long[] sorted = Arrays.copyOf(all, k);
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "appends  %-8s %2d writers %3ds: %,d events, %,.0f events/s durable, latency p50 %.2f ms, p99 %.2f ms%n",
                    database,
                    writers,
                    seconds,
                    total,
                    total / elapsed,
                    sorted[k / 2] / 1e6,
                    sorted[(int) (k * 0.99)] / 1e6);
        }
    }

    private static void proofs(JdbcTemplate jdbc, LedgerAccess.ProofSource reader) {
        long size = jdbc.queryForObject("select size from ledger_head where id = 1", Long.class);
        Nodes stored = (level, index) -> HexFormat.of()
                .parseHex(jdbc.queryForObject(
                        "select hash from ledger_node where level = ? and idx = ?", String.class, level, index));
        MerkleTree tree = new MerkleTree(stored);
        int rounds = 2_000;
        for (int i = 0; i < 200; i++) {
            tree.inclusionProof(ThreadLocalRandom.current().nextLong(size), size);
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            tree.inclusionProof(ThreadLocalRandom.current().nextLong(size), size);
        }
        double oneQueryPerNode = (System.nanoTime() - start) / 1e6 / rounds;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            reader.inclusionProof(ThreadLocalRandom.current().nextLong(size), size);
        }
        System.out.printf(
                Locale.ROOT,
                "proofs   inclusion proof from stored nodes in a %,d-event log: %.3f ms each with one query (mean of %,d);"
                        + " %.3f ms with one query per node%n",
                size,
                (System.nanoTime() - start) / 1e6 / rounds,
                rounds,
                oneQueryPerNode);
    }

    private static void offlineVerification(int events) {
        List<byte[]> leaves = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            leaves.add(("{\"seq\":" + i + ",\"time\":\"2026-11-28T10:00:00.000001Z\",\"actor\":\"nato.reviewer\","
                            + "\"action\":\"FILE_VIEW\",\"agency\":1,\"agreement\":\"RR-2026-001\",\"scope\":1,"
                            + "\"target\":\"windows-kernel@refs/tags/release/1.0:src/mm/pool.c\",\"detail\":\"lines=412\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        InMemoryNodes nodes = new InMemoryNodes();
        leaves.forEach(nodes::append);
        byte[] root = nodes.tree().root(events);
        double rebuild = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int checked = 0;
        for (int i = 0; i < events; i += 1) {
            List<byte[]> proof = nodes.tree().inclusionProof(i, events);
            if (Proofs.verifyInclusion(i, events, Hashes.leaf(leaves.get(i)), proof, root)) {
                checked++;
            }
        }
        double proofs = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "offline  %,d events: leaf hashing + tree rebuild %.2f s; %,d inclusion proofs made and checked %.2f s%n",
                events,
                rebuild,
                checked,
                proofs);
    }
}
