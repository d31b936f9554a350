package com.readingroom.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server that {@code src/test/services/test-services.sh} starts before the integration tests (its URL
 * comes from Failsafe's {@code readingroom.test.pg-url}), with the demo installation loaded on it.
 */
public final class TestPostgres {

    private TestPostgres() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> System.getProperty("readingroom.test.pg-url", "jdbc:postgresql://127.0.0.1:55432/rr"));
        registry.add("spring.datasource.username", () -> "rr");
        registry.add("spring.datasource.password", () -> "rr");
        registry.add("readingroom.demo.enabled", () -> "true");
    }
}
