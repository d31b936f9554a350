package com.readingroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.source.SourceFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the search tests share: one application context on the demo data plus {@link SourceFixture}'s lab (release
 * tags only, {@code src/mm/} and more excluded) and suspended agency, indexed before each test.
 */
@SpringBootTest(properties = "readingroom.test.context=search")
@ActiveProfiles("test")
abstract class SearchContextTest {

    @Autowired
    CodeSearch search;

    @Autowired
    SearchIndex index;

    @Autowired
    People people;

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

    SearchResults searchAs(String username, SearchRequest request) {
        Person person = SourceFixture.signIn(people, username);
        return search.search(person, request);
    }
}
