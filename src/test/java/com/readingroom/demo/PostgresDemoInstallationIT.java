package com.readingroom.demo;

import com.readingroom.support.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same installation on a real PostgreSQL server, started by {@code src/test/services/test-services.sh} before
 * the integration tests: the same Flyway migrations, the same behaviour.
 */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
class PostgresDemoInstallationIT extends DemoInstallationContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
