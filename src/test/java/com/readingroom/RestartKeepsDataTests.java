package com.readingroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.identity.People;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application twice on the embedded defaults (an H2 file database under a data directory), as a person
 * running the README's command twice would, and checks that the second start keeps everything and adds nothing.
 */
class RestartKeepsDataTests {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheDataAndDuplicatesNothing() throws IOException {
        Snapshot first = startAndLook();
        Snapshot second = startAndLook();

        assertThat(Files.isRegularFile(dataDir.resolve("db/readingroom.mv.db"))).isTrue();
        assertThat(first.repositories()).hasSize(4);
        assertThat(second).isEqualTo(first);
    }

    private Snapshot startAndLook() throws IOException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReadingRoomApplication.class)
                .run(
                        "--server.port=0",
                        "--readingroom.data-dir=" + dataDir,
                        "--vaadin.launch-browser=false",
                        "--logging.level.com.vaadin=warn")) {
            Catalog catalog = app.getBean(Catalog.class);
            List<String> repositories = catalog.products().stream()
                    .flatMap(product -> product.repositories().stream())
                    .map(HostedRepository::name)
                    .toList();
            People people = app.getBean(People.class);
            List<String> demoPeople = Stream.of("pm", "auditor", "nato.reviewer", "cyber.reviewer", "expired.reviewer")
                    .filter(people::exists)
                    .toList();
            return new Snapshot(repositories, demoPeople, gitFolders());
        }
    }

    private List<String> gitFolders() throws IOException {
        try (Stream<Path> children = Files.list(dataDir.resolve("repositories"))) {
            return children.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    record Snapshot(List<String> repositories, List<String> people, List<String> gitFolders) {}
}
