package com.readingroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.AccessPolicy;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Product;
import com.readingroom.access.ReadingGrant;
import com.readingroom.identity.Person;
import com.readingroom.source.IndexFeed;
import com.readingroom.source.SourceFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search cannot leak what the grant does not give. {@code Fibonacci} and {@code MiAllocateLarge} occur only in
 * {@code windows-kernel/src/mm/}, which the lab's agreement excludes (it also grants release tags only): for the lab,
 * counts, facets, snippets, suggestions and regular expressions behave exactly as for a word that exists nowhere.
 * And the grant inside the index means what the access policy means, path by path and ref by ref.
 */
class SearchLeakTests extends SearchContextTest {

    @Autowired
    AccessPolicy policy;

    @Autowired
    IndexFeed feed;

    /** Everything in a response except the request itself. */
    private static List<Object> disclosed(SearchResults results) {
        return List.of(
                results.totalFiles(),
                results.exact(),
                results.files(),
                results.commits(),
                results.repositories(),
                results.languages(),
                results.suggestions());
    }

    @Test
    void theWordIsThereForAReviewerWhoMayReadIt() {
        SearchResults nato = searchAs("nato.reviewer", SearchRequest.text("Fibonacci"));
        assertThat(nato.files()).extracting(SearchResults.FileHit::path).contains("src/mm/pooltag.c");
        assertThat(searchAs("nato.reviewer", SearchRequest.text("MiAllocateL")).suggestions())
                .contains("miallocatelarge");
    }

    @Test
    void anExcludedFilesWordAnswersExactlyLikeAWordThatExistsNowhere() {
        SearchResults nowhere = searchAs(SourceFixture.LAB, SearchRequest.text("Qzxqvbnwq"));
        for (String query :
                List.of("Fibonacci", "fibonacci", "Fibo*", "sym:Fibonacci", "\"Fibonacci\"", "path:src/mm Fibonacci")) {
            SearchResults lab = searchAs(SourceFixture.LAB, SearchRequest.text(query));
            assertThat(disclosed(lab)).as(query).isEqualTo(disclosed(nowhere));
        }
        SearchResults suggestions = searchAs(SourceFixture.LAB, SearchRequest.text("MiAllocateL"));
        assertThat(suggestions.suggestions()).isEmpty();
        assertThat(disclosed(suggestions))
                .isEqualTo(disclosed(searchAs(SourceFixture.LAB, SearchRequest.text("Qzxqvbnwz"))));
        SearchResults regex = searchAs(SourceFixture.LAB, SearchRequest.regex("Fibon+acci"));
        assertThat(disclosed(regex))
                .isEqualTo(disclosed(searchAs(SourceFixture.LAB, SearchRequest.regex("Qzxq+vbnwq"))));
    }

    @Test
    void countsAndFacetsOfACommonWordCountOnlyReadableFiles() {
        SearchResults lab = searchAs(SourceFixture.LAB, SearchRequest.text("KIRQL"));
        SearchResults nato = searchAs("nato.reviewer", SearchRequest.text("KIRQL repo:windows-kernel"));
        assertThat(lab.totalFiles()).isPositive().isLessThan(nato.totalFiles());
        assertThat(lab.repositories()).allMatch(facet -> facet.value().startsWith("windows-"));
        long facetTotal = lab.repositories().stream()
                .mapToLong(SearchResults.Facet::count)
                .sum();
        assertThat(facetTotal).isEqualTo(lab.totalFiles());
        List<SearchResults.FileHit> all = new ArrayList<>();
        for (int page = 0; page * CodeSearch.PAGE_SIZE < lab.totalFiles(); page++) {
            all.addAll(searchAs(SourceFixture.LAB, SearchRequest.text("KIRQL").page(page))
                    .files());
        }
        assertThat(all).hasSize((int) lab.totalFiles());
        assertThat(all)
                .noneMatch(hit -> hit.path().startsWith("src/mm/")
                        || hit.path().startsWith("tools/")
                        || hit.path().startsWith("tests/")
                        || hit.path().endsWith(".md"));
    }

    @Test
    void theGrantInsideTheIndexDecidesLikeTheAccessPolicyForEveryFileAndRef() {
        List<Person> persons = new ArrayList<>();
        for (String username : List.of(SourceFixture.LAB, "nato.reviewer", "cyber.reviewer")) {
            Person person = people.findByUsername(username).orElseThrow();
            persons.add(person);
            // The same person as an approved tool's call through each agreement of the agency (machine access).
            SourceFixture.asManager(() -> agreements.ofAgency(person.agencyId()))
                    .forEach(agreement -> persons.add(person.throughAgreement(agreement.id())));
        }
        for (Person person : persons) {
            String username = person.username()
                    + (person.throughAgreementId() == null ? "" : " via " + person.throughAgreementId());
            SourceFixture.signIn(people, person.username());
            Instant now = Instant.now();
            ReadingGrant grant = policy.readingGrant(person, now);
            int compared = 0;
            for (Product product : catalog.products()) {
                for (HostedRepository repository : product.repositories()) {
                    for (IndexFeed.IndexedRef ref : feed.indexableRefs(repository)) {
                        List<String> paths = new ArrayList<>(List.of("../etc/passwd", "src//x.c", "SRC/MM/pool.c"));
                        feed.changedFiles(repository, null, ref.commitId(), file -> paths.add(file.path()));
                        for (String path : paths) {
                            boolean indexSays = grant.rule(repository.name(), ref.name())
                                    .map(rule -> rule.allows(path))
                                    .orElse(false);
                            boolean policySays = policy.decide(person, repository.name(), ref.name(), path, now)
                                    .allowed();
                            assertThat(indexSays)
                                    .as("%s %s %s %s", username, repository.name(), ref.name(), path)
                                    .isEqualTo(policySays);
                            compared++;
                        }
                    }
                }
            }
            assertThat(compared).isGreaterThan(100);
        }
    }

    @Test
    void aRegularExpressionFindsExactlyTheReadableFilesABruteForceScanFinds() {
        Person lab = SourceFixture.signIn(people, SourceFixture.LAB);
        ReadingGrant grant = policy.readingGrant(lab, Instant.now());
        for (String regex : List.of("Ke(Acquire|Release)SpinLock\\(", "STATUS_[A-Z]+_[A-Z]+", "(?i)irql")) {
            Pattern pattern = Pattern.compile(regex);
            Set<String> expected = new HashSet<>();
            for (Product product : catalog.products()) {
                for (HostedRepository repository : product.repositories()) {
                    try (IndexFeed.Blobs blobs = feed.blobs(repository)) {
                        for (IndexFeed.IndexedRef ref : feed.indexableRefs(repository)) {
                            var rule = grant.rule(repository.name(), ref.name());
                            if (rule.isEmpty()) {
                                continue;
                            }
                            List<IndexFeed.FileChange> files = new ArrayList<>();
                            feed.changedFiles(repository, null, ref.commitId(), files::add);
                            for (IndexFeed.FileChange file : files) {
                                if (!rule.get().allows(file.path())) {
                                    continue;
                                }
                                String text = blobs.read(file.newBlob(), 4 << 20)
                                        .map(IndexFeed.Blob::text)
                                        .orElse(null);
                                if (text != null
                                        && text.lines()
                                                .anyMatch(line ->
                                                        pattern.matcher(line).find())) {
                                    expected.add(repository.name() + ":" + file.path() + "@" + file.newBlob());
                                }
                            }
                        }
                    }
                }
            }
            Set<String> found = new HashSet<>();
            Set<String> foundPaths = new HashSet<>();
            SearchResults page;
            int number = 0;
            do {
                page = searchAs(SourceFixture.LAB, SearchRequest.regex(regex).page(number++));
                page.files().forEach(hit -> foundPaths.add(hit.repository() + ":" + hit.path()));
                found.addAll(page.files().stream()
                        .map(hit -> hit.repository() + ":" + hit.path())
                        .toList());
            } while (page.hasNextPage() && !page.files().isEmpty());
            Set<String> expectedPaths = new HashSet<>();
            expected.forEach(key -> expectedPaths.add(key.substring(0, key.lastIndexOf('@'))));
            assertThat(foundPaths).as(regex).isEqualTo(expectedPaths);
            assertThat(expected).as(regex).isNotEmpty();
        }
    }
}
