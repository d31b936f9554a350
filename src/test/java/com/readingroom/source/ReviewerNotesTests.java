package com.readingroom.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.identity.NewPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** Notes stay with the agency that wrote them, on files its reviewers may read; the log says where, not what. */
@SpringBootTest(properties = "readingroom.test.context=reviewer-notes")
@ActiveProfiles("test")
class ReviewerNotesTests extends SourceContextTest {

    static final String COMMIT = SourceReaderSecurityTests.KE_COMMIT;

    @Autowired
    ReviewerNotes notes;

    @Test
    void aNoteIsSharedWithinTheAgencyOnlyAndItsTextStaysOutOfTheAuditLog() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        ReviewerNote note = notes.add(
                nato,
                new RepoPath("windows-kernel", COMMIT, "src/ke/sched.c"),
                10,
                12,
                "Quantum decay looks off by one");
        assertThat(note.commitId()).isEqualTo(COMMIT);
        Map<String, Object> event =
                jdbc.queryForMap("select * from audit_event where seq = (select max(seq) from audit_event)");
        assertThat(event.get("action")).isEqualTo("NOTE_ADDED");
        assertThat(event.get("agreement")).isEqualTo("RR-2026-001");
        assertThat((String) event.get("leaf")).doesNotContain("Quantum decay");

        SecurityContextHolder.clearContext();
        SourceFixture.asManager(() -> {
            if (!people.exists("nato.second")) {
                people.create(new NewPerson(
                        "nato.second", "Second Reviewer", null, nato.agencyId(), Set.of(Role.REVIEWER), "readingroom"));
            }
            return null;
        });
        Person colleague = SourceFixture.signIn(people, "nato.second");
        assertThat(notes.on(colleague, "windows-kernel", "src/ke/sched.c"))
                .extracting(ReviewerNote::body)
                .contains("Quantum decay looks off by one");
        assertThat(notes.in(colleague, "windows-kernel")).isNotEmpty();

        Person cyber = SourceFixture.signIn(people, "cyber.reviewer");
        assertThat(notes.on(cyber, "windows-kernel", "src/ke/sched.c")).isEmpty();
        Person auditor = SourceFixture.signIn(people, "auditor");
        assertThat(notes.in(auditor, "windows-kernel")).isEmpty();
    }

    @Test
    void aNoteOnAFileOutsideTheGrantIsRefusedAndTheRefusalAudited() {
        Person nato = SourceFixture.signIn(people, "nato.reviewer");
        long denied = SourceFixture.events(jdbc, "ACCESS_DENIED");
        assertThatThrownBy(() -> notes.add(
                        nato, new RepoPath("office-word", "refs/heads/main", "docs/architecture.md"), 1, 1, "peek"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SourceFixture.events(jdbc, "ACCESS_DENIED")).isEqualTo(denied + 1);
        assertThatThrownBy(() -> notes.add(nato, new RepoPath("windows-kernel", COMMIT, "src/ke/sched.c"), 5, 2, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notes.add(nato, new RepoPath("windows-kernel", COMMIT, "src/ke/sched.c"), 1, 1, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
