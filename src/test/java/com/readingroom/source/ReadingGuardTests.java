package com.readingroom.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.identity.Person;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bulk-reading guard with a low limit: past it views are slowed and auditors alerted; kept up, reading is held
 * until a program manager clears it; all of it in the audit log.
 */
@SpringBootTest(
        properties = {
            "readingroom.test.context=reading-guard",
            "readingroom.source.views-per-minute=3",
            "readingroom.source.slow-down=300ms",
            "readingroom.source.hold-after=1s"
        })
@ActiveProfiles("test")
class ReadingGuardTests extends SourceContextTest {

    @Autowired
    ReadingHolds holds;

    @Test
    void aFastReaderIsSlowedThenHeldUntilAProgramManagerClearsTheHold() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        RepoPath file = new RepoPath("windows-kernel", "refs/tags/release/2.0", "src/ke/sched.c");
        for (int i = 0; i < 3; i++) {
            reader.file(nato, file);
        }
        assertThat(SourceFixture.events(jdbc, "READING_SLOWED")).isZero();

        long started = System.nanoTime();
        reader.file(nato, file);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(SourceFixture.events(jdbc, "READING_SLOWED")).isEqualTo(1);

        AccessDeniedException held = null;
        for (int i = 0; i < 20 && held == null; i++) {
            try {
                reader.file(nato, file);
            } catch (AccessDeniedException refused) {
                held = refused;
            }
        }
        assertThat(held).as("reading is held after a second above the limit").isNotNull();
        assertThat(held.getMessage()).contains("paused", "program manager");
        assertThat(SourceFixture.events(jdbc, "READING_HELD")).isEqualTo(1);
        long denied = SourceFixture.events(jdbc, "ACCESS_DENIED");
        assertThatThrownBy(() -> reader.file(nato, file)).isInstanceOf(AccessDeniedException.class);
        assertThat(SourceFixture.events(jdbc, "ACCESS_DENIED")).isEqualTo(denied + 1);

        List<ReadingHold> active = SourceFixture.asManager(holds::active);
        assertThat(active).extracting(ReadingHold::username).containsExactly("nato.reviewer");
        SecurityContextHolder.clearContext();
        SourceFixture.asManager(() -> {
            holds.clear(active.getFirst().id(), "spoke to the reviewer: a script ran by mistake");
            return null;
        });
        assertThat(SourceFixture.events(jdbc, "READING_HOLD_CLEARED")).isEqualTo(1);

        SourceFixture.signIn(people, "nato.reviewer");
        assertThat(reader.file(nato, file).text()).contains("#include");
    }

    @Test
    void onlyProgramManagersClearHolds() {
        SourceFixture.signIn(people, "auditor");
        assertThatThrownBy(() -> holds.clear(1, "let me"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
