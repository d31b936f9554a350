package com.readingroom.source;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.identity.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the source tests share: the services they use, the extra people of {@link SourceFixture}, signing out. */
abstract class SourceContextTest {

    @Autowired
    SourceReader reader;

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
    void installFixture() {
        SourceFixture.install(agencies, agreements, catalog, people);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
