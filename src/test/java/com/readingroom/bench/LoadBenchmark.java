package com.readingroom.bench;

import static com.readingroom.bench.BenchSupport.asManager;
import static com.readingroom.bench.BenchSupport.ms;
import static com.readingroom.bench.BenchSupport.percentile;
import static com.readingroom.bench.BenchSupport.signIn;

import com.readingroom.ReadingRoomApplication;
import com.readingroom.access.AccessTokens;
import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.access.Product;
import com.readingroom.audit.AuditTrail;
import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.search.SearchIndex;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The soak of the machine API (see BENCHMARKS.md; run it with src/test/bench/load-benchmark.sh): N approved-tool
 * clients, each with its own reviewer and personal access token, read random files of the Linux kernel over HTTP
 * (and one call in ten is a code search) for S seconds, with no pause between calls. Prints file-read and search
 * latencies, errors, the heap after each garbage collection per minute (stable or growing), and checks at the end that
 * every file read is audited and the whole log verifies.
 *
 * <p>Arguments: {@code corpus-dir} {@code seconds} {@code clients} {@code h2|postgres} {@code search-every} (one call in
 * this many is a search, 10; 0 for none) {@code pace} (calls per second per client at most; 0, the default, for one
 * after the other). Latency is timed from each call's start, so a paced client that falls behind shows it.
 */
public final class LoadBenchmark {

    private static final String REF = URLEncoder.encode("refs/heads/main", StandardCharsets.UTF_8);
    private static final List<String> QUERIES = List.of(
            "spin_lock_irqsave", "kmalloc GFP_KERNEL", "\"return -EINVAL\"", "def:schedule", "path:net/ipv4 tcp_ack");

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/var/tmp/readingroom-bench");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String database = args.length > 3 ? args[3] : "h2";
        // One call in this many is a search (0: none).
        int searchEvery = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        // Calls per second each client makes at most (0: one after the other, with no pause).
        double pace = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        Path dataDir = Files.createTempDirectory("readingroom-load-bench");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--readingroom.data-dir=" + dataDir,
                // The kernel's index of the search benchmark, kept between runs (built once, updated in place).
                "--readingroom.search.index-dir=" + corpus.resolve("search-index-queries"),
                "--readingroom.demo.enabled=false",
                // Machine-speed clients would trip the bulk-reading guard meant for people.
                "--readingroom.source.views-per-minute=100000000",
                "--server.tomcat.threads.max=" + Math.max(200, clients * 2),
                "--logging.level.root=warn"));
        // Clients paced within the product's rate limit (600 calls a minute per token) run with it, as in production;
        // clients without a pause would be refused by it, so for them it is lifted.
        boolean withinRateLimit = pace > 0 && pace * 60 <= 600;
        if (!withinRateLimit) {
            arguments.add("--readingroom.api.requests-per-minute=100000000");
        }
        if (database.equals("postgres")) {
            arguments.add("--spring.profiles.active=postgres");
        }
        List<Long> heapAfterGc = new ArrayList<>();
        List<Long> heapAt = new ArrayList<>();
        watchGarbageCollections(heapAfterGc, heapAt);
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(ReadingRoomApplication.class).run(arguments.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<String> tokens = install(app, corpus, clients);
            if (!app.getBean(SearchIndex.class).awaitIdle(Duration.ofMinutes(30))) {
                throw new IllegalStateException("indexing did not finish in 30 minutes");
            }
            List<String> files = kernelFiles(corpus.resolve("linux-src"));
            System.out.printf(
                    Locale.ROOT,
                    "database: %s, clients: %d, seconds: %d, pace: %s, rate limit: %s, files to pick from: %d,"
                            + " max heap: %d MB, processors: %d%n",
                    database,
                    clients,
                    seconds,
                    pace > 0 ? pace + " calls/s per client" : "none (closed loop)",
                    withinRateLimit ? "the product's, 600 calls a minute per token" : "lifted",
                    files.size(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(
                            8, Thread.ofPlatform().daemon().factory()))
                    .build();
            soak(http, port, tokens, files, 30, searchEvery, pace, "warm-up");
            long eventsBefore = count(jdbc, "FILE_VIEW");
            long startNanos = System.nanoTime();
            synchronized (heapAt) {
                heapAfterGc.clear();
                heapAt.clear();
            }
            Result result = soak(http, port, tokens, files, seconds, searchEvery, pace, "soak");
            long fileViews = count(jdbc, "FILE_VIEW") - eventsBefore;
            System.out.printf(
                    Locale.ROOT,
                    "audited: %d FILE_VIEW events for %d files read (%s)%n",
                    fileViews,
                    result.reads(),
                    fileViews == result.reads() ? "every read audited" : "MISMATCH");
            heapReport(heapAfterGc, heapAt, startNanos, seconds);
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "bench-auditor", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
            long verifyStart = System.nanoTime();
            AuditTrail.Verification verification = app.getBean(AuditTrail.class).verify(checked -> {});
            System.out.printf(
                    Locale.ROOT,
                    "log verification: %s, %d events, %d checkpoints, %.1f s%n",
                    verification.intact() ? "intact" : "NOT INTACT: " + verification.problem(),
                    verification.events(),
                    verification.checkpoints(),
                    (System.nanoTime() - verifyStart) / 1e9);
        }
    }

    private record Result(long reads, long searches, long errors) {}

    private static Result soak(
            HttpClient http,
            int port,
            List<String> tokens,
            List<String> files,
            int seconds,
            int searchEvery,
            double pace,
            String name)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long startNanos = System.nanoTime();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        // When the slow calls (over 100 ms) started, in seconds from the soak's start: a tail that comes in bursts
        // points at something periodic (a collection, a scheduled job), one spread evenly at the load itself.
        int[] slowBySecond = new int[seconds + 60];
        AtomicLong errorCount = new AtomicLong();
        List<Future<long[][]>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(tokens.size())) {
            for (String token : tokens) {
                results.add(pool.submit(() -> {
                    Random random = new Random();
                    // Grown as needed: 50 clients' worth of large arrays up front would be half of a small heap.
                    long[] reads = new long[1 << 12];
                    long[] searches = new long[1 << 10];
                    int r = 0;
                    int s = 0;
                    long interval = pace > 0 ? (long) (1e9 / pace) : 0;
                    long next = System.nanoTime() + (interval > 0 ? (long) (random.nextDouble() * interval) : 0);
                    while (System.nanoTime() < end) {
                        if (interval > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            next += interval;
                        }
                        boolean search = searchEvery > 0 && random.nextInt(searchEvery) == 0;
                        String path = search
                                ? "/api/v1/search?q="
                                        + URLEncoder.encode(
                                                QUERIES.get(random.nextInt(QUERIES.size())), StandardCharsets.UTF_8)
                                : "/api/v1/repos/linux/file/" + REF + "/" + files.get(random.nextInt(files.size()));
                        long before = System.nanoTime();
                        try {
                            HttpResponse<byte[]> answer = http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                            .header("Authorization", "Bearer " + token)
                                            .timeout(Duration.ofSeconds(30))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            long took = System.nanoTime() - before;
                            if (took > 100_000_000L) {
                                int second = (int) ((before - startNanos) / 1_000_000_000L);
                                synchronized (slowBySecond) {
                                    slowBySecond[Math.min(second, slowBySecond.length - 1)]++;
                                }
                            }
                            if (answer.statusCode() != 200) {
                                errorCount.incrementAndGet();
                                if (errors.size() < 5) {
                                    errors.add(answer.statusCode() + " " + path + ": "
                                            + new String(answer.body(), StandardCharsets.UTF_8));
                                }
                            } else if (search) {
                                if (s == searches.length) {
                                    searches = Arrays.copyOf(searches, s * 2);
                                }
                                searches[s++] = took;
                            } else {
                                if (r == reads.length) {
                                    reads = Arrays.copyOf(reads, r * 2);
                                }
                                reads[r++] = took;
                            }
                        } catch (java.io.IOException failed) {
                            errorCount.incrementAndGet();
                            if (errors.size() < 5) {
                                errors.add(path + ": " + failed);
                            }
                        }
                    }
                    return new long[][] {Arrays.copyOf(reads, r), Arrays.copyOf(searches, s)};
                }));
            }
            long[] reads = new long[0];
            long[] searches = new long[0];
            for (Future<long[][]> result : results) {
                long[][] part = result.get();
                reads = concat(reads, part[0]);
                searches = concat(searches, part[1]);
            }
            Arrays.sort(reads);
            Arrays.sort(searches);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d s, %d clients; file reads %d (%.0f/s) p50 %.1f ms, p99 %.1f ms, max %.0f ms; searches %d"
                            + " p50 %.1f ms, p99 %.1f ms; errors %d%n",
                    name,
                    seconds,
                    tokens.size(),
                    reads.length,
                    reads.length / (double) seconds,
                    ms(percentile(reads, 0.50)),
                    ms(percentile(reads, 0.99)),
                    ms(reads[reads.length - 1]),
                    searches.length,
                    searches.length == 0 ? 0 : ms(percentile(searches, 0.50)),
                    searches.length == 0 ? 0 : ms(percentile(searches, 0.99)),
                    errorCount.get());
            errors.forEach(error -> System.out.println("  error: " + error));
            StringBuilder slow = new StringBuilder("  calls over 100 ms by second of the " + name + " (second:count):");
            for (int second = 0; second < slowBySecond.length; second++) {
                if (slowBySecond[second] > 0) {
                    slow.append(' ').append(second).append(':').append(slowBySecond[second]);
                }
            }
            System.out.println(slow);
            return new Result(reads.length, searches.length, errorCount.get());
        }
    }

    /** The heap in use after every collection, by minute: a leak shows as a floor that keeps rising. */
    private static void watchGarbageCollections(List<Long> heapAfterGc, List<Long> heapAt) {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!notification
                                        .getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                                    return;
                                }
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                        .mapToLong(MemoryUsage::getUsed)
                                        .sum();
                                synchronized (heapAt) {
                                    heapAfterGc.add(used);
                                    heapAt.add(System.nanoTime());
                                }
                            },
                            null,
                            null);
        }
    }

    private static void heapReport(List<Long> heapAfterGc, List<Long> heapAt, long startNanos, int seconds) {
        int minutes = Math.max(1, seconds / 60);
        StringBuilder line = new StringBuilder("heap after GC, lowest per minute (MB):");
        long first = -1;
        long last = -1;
        synchronized (heapAt) {
            for (int minute = 0; minute < minutes; minute++) {
                long from = startNanos + Duration.ofMinutes(minute).toNanos();
                long to = from + Duration.ofMinutes(1).toNanos();
                long lowest = Long.MAX_VALUE;
                for (int i = 0; i < heapAt.size(); i++) {
                    if (heapAt.get(i) >= from && heapAt.get(i) < to) {
                        lowest = Math.min(lowest, heapAfterGc.get(i));
                    }
                }
                if (lowest != Long.MAX_VALUE) {
                    line.append(' ').append(lowest >> 20);
                    first = first < 0 ? lowest : first;
                    last = lowest;
                }
            }
            line.append(String.format(Locale.ROOT, " (%d collections)", heapAt.size()));
        }
        System.out.println(line);
        if (first > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "heap floor: first minute %d MB, last minute %d MB (%+.0f %%)%n",
                    first >> 20,
                    last >> 20,
                    100.0 * (last - first) / first);
        }
    }

    private static List<String> install(ConfigurableApplicationContext app, Path corpus, int clients) {
        Catalog catalog = app.getBean(Catalog.class);
        Agencies agencies = app.getBean(Agencies.class);
        Agreements agreements = app.getBean(Agreements.class);
        People people = app.getBean(People.class);
        AccessTokens tokens = app.getBean(AccessTokens.class);
        List<Person> created = asManager(() -> {
            Product linux = catalog.registerProduct("Linux", "The Linux kernel, Debian's linux-source-6.1");
            catalog.registerRepository(linux.id(), "linux", "kernel source", corpus.resolve("linux-work.git"));
            Agency agency = agencies.create("Load Agency", "NL", null);
            Agreement agreement = agreements.createDraft(new NewAgreement(
                    "RR-LOAD-1",
                    agency.id(),
                    "Load",
                    "Load benchmark.",
                    Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(30))));
            agreements.addScope(agreement.id(), NewScope.wholeProduct(linux.id()));
            agreements.activate(agreement.id());
            agreements.allowMachineAccess(agreement.id(), true);
            List<Person> persons = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                persons.add(people.create(
                        new NewPerson("tool" + i, "Tool " + i, null, agency.id(), Set.of(Role.REVIEWER), "benchmark")));
            }
            return persons;
        });
        List<String> secrets = new ArrayList<>();
        for (Person person : created) {
            signIn(person);
            long agreement = tokens.machineAgreements().getFirst().id();
            secrets.add(tokens.issue(agreement, "load tool", 30).secret());
            SecurityContextHolder.clearContext();
        }
        return secrets;
    }

    /** Regular files of the kernel under 256 KB, as URL paths. */
    private static List<String> kernelFiles(Path source) throws Exception {
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !Files.isSymbolicLink(path))
                    .filter(path -> {
                        try {
                            return Files.size(path) < 256 * 1024;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    })
                    .map(path -> source.relativize(path).toString())
                    .filter(path -> path.matches("[A-Za-z0-9_./+-]+"))
                    .sorted()
                    .toList();
        }
    }

    private static long count(JdbcTemplate jdbc, String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
