package com.readingroom.bench;

import static com.readingroom.bench.BenchSupport.asManager;
import static com.readingroom.bench.BenchSupport.ms;
import static com.readingroom.bench.BenchSupport.percentile;
import static com.readingroom.bench.BenchSupport.signIn;

import com.readingroom.ReadingRoomApplication;
import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.access.Product;
import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.search.CodeSearch;
import com.readingroom.search.IndexStatus;
import com.readingroom.search.SearchIndex;
import com.readingroom.search.SearchRequest;
import com.readingroom.search.SearchResults;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Measures code search on the Linux kernel through the application's own indexer and its choke point
 * ({@link CodeSearch}: grant filter inside the query, snippets, durable audit record), and prints the figures of
 * BENCHMARKS.md. Run it with src/test/bench/search-benchmark.sh, which prepares the corpus.
 *
 * <ul>
 *   <li>{@code three-releases}: indexes a repository holding three releases of the kernel; writes its figures for
 *       the next mode to compare;
 *   <li>{@code kernel [runs]}: indexes the kernel (wall time, peak heap, size), re-indexes after a commit touching
 *       10 files, then runs a fixed set of queries with a grant admitting half of the tree: p50/p99 per query,
 *       beside ripgrep's time for the closest search over a checkout.
 * </ul>
 */
public final class SearchBenchmark {

    private record BenchQuery(String label, SearchRequest request, String ripgrep) {}

    private static final List<BenchQuery> QUERIES = List.of(
            new BenchQuery("common identifier", SearchRequest.text("mutex_lock"), "rg -l -w -i mutex_lock"),
            new BenchQuery(
                    "rare identifier", SearchRequest.text("xhci_ring_expansion"), "rg -l -w -i xhci_ring_expansion"),
            new BenchQuery("phrase", SearchRequest.text("\"return -EINVAL\""), "rg -l -F -i 'return -EINVAL'"),
            new BenchQuery("definition", SearchRequest.text("def:kmalloc"), "rg -l -w kmalloc"),
            new BenchQuery(
                    "path and term", SearchRequest.text("path:drivers/net ring"), "rg -l -w -i ring drivers/net"),
            new BenchQuery("wildcard", SearchRequest.text("kmem_cache_*"), "rg -l -w -i 'kmem_cache_\\w*'"),
            new BenchQuery(
                    "boolean",
                    SearchRequest.text("copy_from_user AND copy_to_user"),
                    "rg -l -w -i copy_from_user | xargs -d '\\n' rg -l -w -i copy_to_user"),
            new BenchQuery(
                    "symbol exact", SearchRequest.text("sym:EXPORT_SYMBOL_GPL"), "rg -l -w -s EXPORT_SYMBOL_GPL"),
            new BenchQuery(
                    "language and term",
                    SearchRequest.text("lang:c irq_domain_add_linear"),
                    "rg -l -w -i -t c irq_domain_add_linear"),
            new BenchQuery("camel-case part", SearchRequest.text("irqsave"), "rg -l -i 'irqsave'"),
            new BenchQuery(
                    "OR",
                    SearchRequest.text("spin_lock_bh OR spin_unlock_bh"),
                    "rg -l -w -i -e spin_lock_bh -e spin_unlock_bh"),
            new BenchQuery(
                    "regex",
                    SearchRequest.regex("spin_lock(_irq|_bh|_irqsave)?\\("),
                    "rg -l 'spin_lock(_irq|_bh|_irqsave)?\\('"),
            new BenchQuery(
                    "regex, rare",
                    SearchRequest.regex("xhci_ring_expansion\\(\\w+"),
                    "rg -l 'xhci_ring_expansion\\(\\w+'"));

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "kernel";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path dataDir = Files.createTempDirectory("readingroom-search-bench");
        // "queries" keeps its index between runs (only the 10-file commit is indexed again), to measure queries alone.
        Path indexDir =
                mode.equals("queries") ? corpus.resolve("search-index-queries") : dataDir.resolve("search-index");
        String[] arguments = {
            "--server.port=0",
            "--readingroom.data-dir=" + dataDir,
            "--readingroom.search.index-dir=" + indexDir,
            "--readingroom.demo.enabled=false",
            "--readingroom.search.index-on-startup=false",
            "--readingroom.ledger.checkpoint-interval=3600s",
            "--readingroom.ledger.verification-interval=3600s",
            "--logging.level.root=warn"
        };
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(ReadingRoomApplication.class).run(arguments)) {
            System.out.printf(
                    Locale.ROOT,
                    "max heap: %d MB, processors: %d%n",
                    Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            if (mode.equals("three-releases")) {
                Figures three = index(app, indexDir, corpus.resolve("linux-3releases.git"), "linux3");
                Properties saved = new Properties();
                saved.setProperty("seconds", String.valueOf(three.seconds()));
                saved.setProperty("bytes", String.valueOf(three.bytes()));
                saved.setProperty("files", String.valueOf(three.files()));
                try (var out = Files.newBufferedWriter(Path.of("target/search-bench-3releases.properties"))) {
                    saved.store(out, "three releases of the kernel");
                }
                return;
            }
            Figures one = index(app, indexDir, corpus.resolve("linux-work.git"), "linux");
            if (mode.equals("kernel")) {
                compareWithThreeReleases(one);
                reindexAfterCommit(app, corpus);
            }
            queries(app, corpus, runs);
        }
    }

    private record Figures(double seconds, long bytes, long files, long peakHeap) {}

    private static Figures index(ConfigurableApplicationContext app, Path indexDir, Path repository, String name)
            throws Exception {
        Catalog catalog = app.getBean(Catalog.class);
        SearchIndex index = app.getBean(SearchIndex.class);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        asManager(() -> {
            Product product = catalog.findProduct("Linux")
                    .orElseGet(() -> catalog.registerProduct("Linux", "The Linux kernel, Debian's linux-source-6.1"));
            return catalog.registerRepository(product.id(), name, "kernel source", repository);
        });
        if (!index.awaitIdle(Duration.ofMinutes(30))) {
            throw new IllegalStateException("indexing did not finish in 30 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        IndexStatus status = asManager(index::status).stream()
                .filter(s -> s.repository().equals(name))
                .findFirst()
                .orElseThrow();
        long bytes = size(indexDir);
        System.out.printf(
                Locale.ROOT,
                "index %s (refs %s): %.1f s wall in a %d MB heap (at most %d MB used, garbage included), index %d MB"
                        + " on disk, %d file documents, %d commits, state %s%n",
                name,
                status.refs(),
                seconds,
                Runtime.getRuntime().maxMemory() >> 20,
                peak.get() >> 20,
                bytes >> 20,
                status.files(),
                status.commits(),
                status.state());
        if (status.state() != IndexStatus.State.UP_TO_DATE) {
            throw new IllegalStateException("index state " + status.state() + ": " + status.message());
        }
        return new Figures(seconds, bytes, status.files(), peak.get());
    }

    private static void compareWithThreeReleases(Figures one) throws IOException {
        Path saved = Path.of("target/search-bench-3releases.properties");
        if (!Files.exists(saved)) {
            return;
        }
        Properties three = new Properties();
        try (var in = Files.newBufferedReader(saved)) {
            three.load(in);
        }
        double seconds = Double.parseDouble(three.getProperty("seconds"));
        long bytes = Long.parseLong(three.getProperty("bytes"));
        long files = Long.parseLong(three.getProperty("files"));
        System.out.printf(
                Locale.ROOT,
                "three releases vs one: index size %.2fx (%d vs %d MB), documents %.2fx (%d vs %d), wall %.2fx (%.1f vs"
                        + " %.1f s)%n",
                (double) bytes / one.bytes(),
                bytes >> 20,
                one.bytes() >> 20,
                (double) files / one.files(),
                files,
                one.files(),
                seconds / one.seconds(),
                seconds,
                one.seconds());
    }

    private static void reindexAfterCommit(ConfigurableApplicationContext app, Path corpus) throws Exception {
        Process touch = new ProcessBuilder(
                        "src/test/bench/touch-files.sh",
                        corpus.resolve("linux-work.git").toString(),
                        "10",
                        "7")
                .inheritIO()
                .start();
        if (touch.waitFor() != 0) {
            throw new IllegalStateException("touch-files.sh failed");
        }
        SearchIndex index = app.getBean(SearchIndex.class);
        long start = System.nanoTime();
        asManager(() -> {
            index.requestUpdate();
            return null;
        });
        index.awaitIdle(Duration.ofMinutes(5));
        System.out.printf(
                Locale.ROOT, "re-index after a commit touching 10 files: %.2f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void queries(ConfigurableApplicationContext app, Path corpus, int runs) throws Exception {
        Person reviewer = halfTreeReviewer(app);
        CodeSearch search = app.getBean(CodeSearch.class);
        signIn(reviewer);
        auditAppends(app);
        System.out.println("grant: linux/{drivers,fs,net,sound,kernel,lib,mm}/** minus drivers/staging and *.pem"
                + " (about half of the 78,635 files)");
        System.out.printf(
                Locale.ROOT,
                "%-20s %-44s %8s %8s %8s %8s  %-10s%n",
                "query",
                "",
                "files",
                "p50 ms",
                "p99 ms",
                "max ms",
                "ripgrep s (files)");
        // A warm process: every query runs ten times before any is timed (the JIT compiles the search's paths on
        // the same two cores), then the timed rounds run the queries in turn, as a reviewer's searches would come.
        SearchResults[] first = new SearchResults[QUERIES.size()];
        for (int round = 0; round < 10; round++) {
            for (int q = 0; q < QUERIES.size(); q++) {
                first[q] = search.search(reviewer, QUERIES.get(q).request());
            }
        }
        long[][] nanos = new long[QUERIES.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int q = 0; q < QUERIES.size(); q++) {
                long start = System.nanoTime();
                SearchResults results = search.search(reviewer, QUERIES.get(q).request());
                nanos[q][i] = System.nanoTime() - start;
                if (results.files().isEmpty() && first[q].totalFiles() > 0) {
                    throw new IllegalStateException(
                            "no results for " + QUERIES.get(q).label());
                }
            }
        }
        for (int q = 0; q < QUERIES.size(); q++) {
            BenchQuery query = QUERIES.get(q);
            long[] times = nanos[q];
            Arrays.sort(times);
            String ripgrep = ripgrep(corpus.resolve("linux-src"), query.ripgrep());
            System.out.printf(
                    Locale.ROOT,
                    "%-20s %-44s %8s %8.1f %8.1f %8.1f  %s%n",
                    query.label(),
                    (query.request().mode() == SearchRequest.Mode.REGEX ? "regex " : "")
                            + query.request().query(),
                    (first[q].exact() ? "" : ">=") + first[q].totalFiles(),
                    ms(percentile(times, 0.50)),
                    ms(percentile(times, 0.99)),
                    ms(times[times.length - 1]),
                    ripgrep);
        }
        SecurityContextHolder.clearContext();
    }

    /** What a SEARCH record costs alone: one durable append with 25 files named, as a search makes. */
    private static void auditAppends(ConfigurableApplicationContext app) {
        com.readingroom.audit.AuditLog log = app.getBean(com.readingroom.audit.AuditLog.class);
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            hits.add("linux:drivers/net/ethernet/intel/e1000e/file" + i + ".c@release/6.1");
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            log.append(new com.readingroom.audit.AuditRecord(
                    com.readingroom.audit.AuditAction.SEARCH,
                    null,
                    "RR-BENCH-SEARCH",
                    null,
                    "search",
                    "query mutex_lock, page 1: 4764 files matched, 25 shown",
                    new com.readingroom.audit.Disclosure(null, null, null, null, null, "0".repeat(64), 150, hits)));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "a SEARCH audit record alone (durable append, 25 files named): p50 %.2f ms, p99 %.2f ms%n",
                ms(percentile(nanos, 0.50)),
                ms(percentile(nanos, 0.99)));
    }

    /** ripgrep over the checkout (the whole tree, no grant), median of three runs, and how many files it listed. */
    private static String ripgrep(Path checkout, String command) throws Exception {
        double[] seconds = new double[3];
        long files = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process rg = new ProcessBuilder("bash", "-c", command + " | wc -l")
                    .directory(checkout.toFile())
                    // Without a terminal ripgrep would search its standard input rather than the folder.
                    .redirectInput(new java.io.File("/dev/null"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(rg.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            rg.waitFor();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            files = Long.parseLong(out.isEmpty() ? "0" : out);
        }
        Arrays.sort(seconds);
        return String.format(Locale.ROOT, "%.2f (%d)", seconds[1], files);
    }

    private static Person halfTreeReviewer(ConfigurableApplicationContext app) {
        Catalog catalog = app.getBean(Catalog.class);
        Agencies agencies = app.getBean(Agencies.class);
        Agreements agreements = app.getBean(Agreements.class);
        People people = app.getBean(People.class);
        return asManager(() -> {
            Product linux = catalog.findProduct("Linux").orElseThrow();
            Agency agency = agencies.create("Search Benchmark Agency", "NL", null);
            Agreement agreement = agreements.createDraft(new NewAgreement(
                    "RR-BENCH-SEARCH",
                    agency.id(),
                    "Half of the kernel",
                    "Benchmark.",
                    Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(30))));
            List<String> includes = new ArrayList<>();
            for (String dir : List.of("drivers", "fs", "net", "sound", "kernel", "lib", "mm")) {
                includes.add("linux/" + dir + "/**");
            }
            agreements.addScope(
                    agreement.id(),
                    new NewScope(
                            linux.id(),
                            includes,
                            List.of("linux/drivers/staging/**", "**/*.pem"),
                            List.of(),
                            null,
                            null));
            agreements.activate(agreement.id());
            return people.create(new NewPerson(
                    "search-bench", "Search Bench", null, agency.id(), Set.of(Role.REVIEWER), "benchmark"));
        });
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
