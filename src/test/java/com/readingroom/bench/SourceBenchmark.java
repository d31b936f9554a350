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
import com.readingroom.source.FileContent;
import com.readingroom.source.HistoryPage;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceReader;
import com.readingroom.source.TreeListing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Measures source browsing through the whole choke point ({@link SourceReader}: access decision, durable audit
 * record, JGit read) on real repositories, and prints its figures (see BENCHMARKS.md; run it with
 * src/test/bench/source-benchmark.sh, which first builds the corpus with kernel-corpus.sh):
 *
 * <ul>
 *   <li>a 2,000-line file of the Linux kernel opened by N concurrent reviewers for S seconds: p50, p99, views/s;
 *   <li>the tree listing of a 5,000-entry folder, and of the kernel's largest real folder;
 *   <li>the first and a deep history page of a path with 10,000 commits.
 * </ul>
 *
 * <p>Arguments: {@code corpus-dir} {@code h2|postgres} {@code seconds} {@code readers}; for postgres, {@code DB_URL},
 * {@code DB_USER} and {@code DB_PASSWORD} from the environment.
 */
public final class SourceBenchmark {

    private static final String FILE = "kernel/irq/irqdomain.c";

    private SourceBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/var/tmp/readingroom-bench");
        String database = args.length > 1 ? args[1] : "h2";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int readers = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path dataDir = Files.createTempDirectory("readingroom-source-bench");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--readingroom.data-dir=" + dataDir,
                "--readingroom.demo.enabled=false",
                // Machine-speed readers would trip the bulk-reading guard meant for people.
                "--readingroom.source.views-per-minute=100000000",
                "--readingroom.ledger.checkpoint-interval=3600s",
                "--readingroom.ledger.verification-interval=3600s",
                "--logging.level.root=warn"));
        if (database.equals("postgres")) {
            arguments.add("--spring.profiles.active=postgres");
        }
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(ReadingRoomApplication.class).run(arguments.toArray(String[]::new))) {
            List<Person> people = install(app, corpus, readers);
            SourceReader reader = app.getBean(SourceReader.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            System.out.printf(Locale.ROOT, "database: %s, readers: %d, seconds: %d%n", database, readers, seconds);
            breakdown(app, corpus, people.getFirst());
            fileViews(reader, jdbc, people, seconds);
            listings(reader, people.getFirst());
        }
    }

    static List<Person> install(ConfigurableApplicationContext app, Path corpus, int readers) {
        Catalog catalog = app.getBean(Catalog.class);
        Agencies agencies = app.getBean(Agencies.class);
        Agreements agreements = app.getBean(Agreements.class);
        People people = app.getBean(People.class);
        return asManager(() -> {
            Product linux = catalog.registerProduct("Linux", "The Linux kernel, Debian's linux-source-6.1");
            catalog.registerRepository(linux.id(), "linux", "kernel source", corpus.resolve("linux.git"));
            catalog.registerRepository(linux.id(), "synthetic", "10,000 commits", corpus.resolve("synthetic.git"));
            Agency agency = agencies.create("Benchmark Agency", "NL", null);
            Agreement agreement = agreements.createDraft(new NewAgreement(
                    "RR-BENCH-1",
                    agency.id(),
                    "Benchmark",
                    "Benchmark.",
                    Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(30))));
            // A grant with patterns to evaluate: the whole product minus staging drivers and key material.
            agreements.addScope(
                    agreement.id(),
                    new NewScope(
                            linux.id(),
                            List.of(),
                            List.of("linux/drivers/staging/**", "**/*.pem"),
                            List.of(),
                            null,
                            null));
            agreements.activate(agreement.id());
            List<Person> created = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                created.add(people.create(new NewPerson(
                        "bench" + i, "Bench Reader " + i, null, agency.id(), Set.of(Role.REVIEWER), "benchmark")));
            }
            return created;
        });
    }

    private static void fileViews(SourceReader reader, JdbcTemplate jdbc, List<Person> people, int seconds)
            throws Exception {
        RepoPath file = new RepoPath("linux", "refs/tags/release/6.1", FILE);
        signIn(people.getFirst());
        FileContent sample = reader.file(people.getFirst(), file);
        System.out.printf(Locale.ROOT, "file: %s, %d lines, %d bytes%n", FILE, sample.lines(), sample.size());
        // Warm up the JIT, the pack files and the database.
        long warmUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < warmUntil) {
            reader.file(people.getFirst(), file);
        }
        SecurityContextHolder.clearContext();
        long eventsBefore = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(people.size())) {
            for (Person person : people) {
                results.add(pool.submit(() -> {
                    signIn(person);
                    long[] latencies = new long[4_000_000];
                    int n = 0;
                    while (System.nanoTime() < end && n < latencies.length) {
                        long before = System.nanoTime();
                        reader.file(person, file);
                        latencies[n++] = System.nanoTime() - before;
                    }
                    SecurityContextHolder.clearContext();
                    return Arrays.copyOf(latencies, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> result : results) {
                long[] part = result.get();
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            Arrays.sort(all);
            long eventsAfter = jdbc.queryForObject("select count(*) from audit_event", Long.class);
            System.out.printf(
                    Locale.ROOT,
                    "file views: %d in %d s by %d readers = %.0f/s; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms;"
                            + " audit events written: %d%n",
                    all.length,
                    seconds,
                    people.size(),
                    all.length / (double) seconds,
                    ms(percentile(all, 0.50)),
                    ms(percentile(all, 0.90)),
                    ms(percentile(all, 0.99)),
                    ms(all[all.length - 1]),
                    eventsAfter - eventsBefore);
        }
    }

    /** Where one file view's time goes, each part alone, single-threaded. */
    private static void breakdown(ConfigurableApplicationContext app, Path corpus, Person person) throws Exception {
        signIn(person);
        com.readingroom.access.AccessPolicy policy = app.getBean(com.readingroom.access.AccessPolicy.class);
        com.readingroom.audit.AuditLog log = app.getBean(com.readingroom.audit.AuditLog.class);
        Catalog catalog = app.getBean(Catalog.class);
        SourceReader reader = app.getBean(SourceReader.class);
        RepoPath file = new RepoPath("linux", "refs/tags/release/6.1", FILE);
        time("  part: whole reader.file", 2000, () -> reader.file(person, file).blobId());
        time(
                "  part: policy.decide",
                2000,
                () -> policy.decide(person, "linux", "refs/tags/release/6.1", FILE, Instant.now())
                        .reason());
        time(
                "  part: catalog.findRepository",
                2000,
                () -> catalog.findRepository("linux").orElseThrow().name());
        time(
                "  part: auditLog.append (durable)",
                2000,
                () -> String.valueOf(log.append(new com.readingroom.audit.AuditRecord(
                        com.readingroom.audit.AuditAction.FILE_VIEW,
                        person.agencyId(),
                        "RR-BENCH-1",
                        1L,
                        "file linux:" + FILE,
                        "2006 lines shown",
                        new com.readingroom.audit.Disclosure(
                                "linux",
                                "refs/tags/release/6.1",
                                "0".repeat(40),
                                FILE,
                                "0".repeat(40),
                                "0".repeat(64),
                                2006,
                                List.of())))));
        try (org.eclipse.jgit.lib.Repository git = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(corpus.resolve("linux.git").toFile())
                .build()) {
            time("  part: JGit ref, commit, tree walk and blob", 2000, () -> {
                try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git);
                        org.eclipse.jgit.lib.ObjectReader objects = git.newObjectReader()) {
                    var commit = walk.parseCommit(
                            git.exactRef("refs/tags/release/6.1").getObjectId());
                    try (var tree = org.eclipse.jgit.treewalk.TreeWalk.forPath(objects, FILE, commit.getTree())) {
                        return String.valueOf(objects.open(tree.getObjectId(0)).getCachedBytes().length);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        SecurityContextHolder.clearContext();
    }

    private static void listings(SourceReader reader, Person person) {
        signIn(person);
        RepoPath wide = new RepoPath("synthetic", "refs/heads/main", "wide");
        time("tree of a 5,000-entry folder (synthetic wide/)", 30, () -> {
            TreeListing listing = reader.tree(person, wide);
            return listing.entries().size() + " entries";
        });
        time("tree of the kernel's largest folder (arch/arm/boot/dts)", 30, () -> {
            TreeListing listing =
                    reader.tree(person, new RepoPath("linux", "refs/tags/release/6.1", "arch/arm/boot/dts"));
            return listing.entries().size() + " entries";
        });
        time("tree of the kernel's root", 30, () -> {
            TreeListing listing = reader.tree(person, RepoPath.root("linux", "refs/tags/release/6.1"));
            return listing.entries().size() + " entries";
        });
        RepoPath log = new RepoPath("synthetic", "refs/heads/main", "history/log.c");
        time("history, first page of 50, path with 10,000 commits", 30, () -> {
            HistoryPage page = reader.history(person, log, 0, 50);
            return page.commits().size() + " commits";
        });
        time("history, page at offset 5,000 of the same path", 10, () -> {
            HistoryPage page = reader.history(person, log, 5_000, 50);
            return page.commits().size() + " commits";
        });
        time("history of the folder history/, first page of 50", 30, () -> {
            HistoryPage page = reader.history(person, new RepoPath("synthetic", "refs/heads/main", "history"), 0, 50);
            return page.commits().size() + " commits";
        });
        SecurityContextHolder.clearContext();
    }

    private static void time(String what, int runs, Supplier<String> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        long[] latencies = new long[runs];
        String result = "";
        for (int i = 0; i < runs; i++) {
            long before = System.nanoTime();
            result = call.get();
            latencies[i] = System.nanoTime() - before;
        }
        Arrays.sort(latencies);
        System.out.printf(
                Locale.ROOT,
                "%s: %s; p50 %.1f ms, max %.1f ms over %d runs%n",
                what,
                result,
                ms(percentile(latencies, 0.5)),
                ms(latencies[runs - 1]),
                runs);
    }
}
