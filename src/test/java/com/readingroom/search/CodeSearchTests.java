package com.readingroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.source.SourceFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Search over the demo repositories through the choke point: what programmers expect of identifiers, prefixes and
 * phrases; every search recorded with the files whose snippets were shown; malformed queries answered in words.
 */
@SpringBootTest(properties = "readingroom.test.context=search")
@ActiveProfiles("test")
class CodeSearchTests {

    @Autowired
    CodeSearch search;

    @Autowired
    SearchIndex index;

    @Autowired
    People people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Agencies agencies;

    @Autowired
    Agreements agreements;

    @Autowired
    Catalog catalog;

    @BeforeEach
    void indexed() {
        SourceFixture.install(agencies, agreements, catalog, people);
        assertThat(index.awaitIdle(Duration.ofMinutes(2))).isTrue();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private SearchResults searchAs(String username, SearchRequest request) {
        Person person = SourceFixture.signIn(people, username);
        return search.search(person, request);
    }

    private static List<String> paths(SearchResults results) {
        return results.files().stream()
                .map(hit -> hit.repository() + ":" + hit.path())
                .toList();
    }

    @Test
    void anIdentifierIsFoundWholeByItsPartsAndByItsCamelCase() {
        SearchResults whole = searchAs("nato.reviewer", SearchRequest.text("KeAcquireSpinLock"));
        assertThat(whole.totalFiles()).isPositive();
        assertThat(paths(whole)).contains("windows-kernel:src/ke/spinlock.c");
        SearchResults part = searchAs("nato.reviewer", SearchRequest.text("spin"));
        assertThat(paths(part)).contains("windows-kernel:src/ke/spinlock.c");
        SearchResults lower = searchAs("nato.reviewer", SearchRequest.text("keacquirespinlock"));
        assertThat(lower.totalFiles()).isEqualTo(whole.totalFiles());
        SearchResults.FileHit hit = whole.files().stream()
                .filter(file -> file.path().equals("src/ke/spinlock.c"))
                .findFirst()
                .orElseThrow();
        assertThat(hit.firstMatch()).isPositive();
        SearchResults.HitLine line = hit.lines().stream()
                .filter(SearchResults.HitLine::match)
                .findFirst()
                .orElseThrow();
        SearchResults.Range range = line.highlights().getFirst();
        assertThat(line.text().substring(range.start(), range.end())).isEqualTo("KeAcquireSpinLock");
    }
}
