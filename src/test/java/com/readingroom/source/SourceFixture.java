package com.readingroom.source;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * People and agreements the source tests need besides the demo data: a lab whose agreement grants Windows only at
 * release tags and excludes Markdown, linker scripts, {@code tools/}, {@code tests/} and {@code src/mm/} of the kernel;
 * and an agency whose agreement is suspended.
 */
public final class SourceFixture {

    public static final String LAB = "lab.reviewer";
    public static final String PAUSED = "paused.reviewer";

    private SourceFixture() {}

    public static void install(Agencies agencies, Agreements agreements, Catalog catalog, People people) {
        asManager(() -> {
            if (people.exists(LAB)) {
                return null;
            }
            long windows = catalog.findProduct("Windows").orElseThrow().id();
            Instant now = Instant.now();
            Agency lab = agencies.create("Test Assurance Lab", "DE", null);
            people.create(
                    new NewPerson(LAB, "Lena Lab", "lab@example.test", lab.id(), Set.of(Role.REVIEWER), "readingroom"));
            Agreement labAgreement = agreements.createDraft(new NewAgreement(
                    "RR-TEST-LAB",
                    lab.id(),
                    "Release tags only",
                    "Tests.",
                    now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(30))));
            agreements.addScope(
                    labAgreement.id(),
                    new NewScope(
                            windows,
                            List.of(),
                            List.of(
                                    "**/*.md",
                                    "**/*.ld",
                                    "windows-kernel/tools/**",
                                    "windows-kernel/tests/**",
                                    "windows-kernel/src/mm/**"),
                            List.of("refs/tags/release/*"),
                            null,
                            null));
            agreements.activate(labAgreement.id());

            Agency paused = agencies.create("Paused Agency", "FR", null);
            people.create(new NewPerson(
                    PAUSED, "Paul Paused", "paused@example.test", paused.id(), Set.of(Role.REVIEWER), "readingroom"));
            Agreement pausedAgreement = agreements.createDraft(new NewAgreement(
                    "RR-TEST-PAUSED",
                    paused.id(),
                    "Suspended",
                    "Tests.",
                    now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(30))));
            agreements.addScope(pausedAgreement.id(), NewScope.wholeProduct(windows));
            agreements.activate(pausedAgreement.id());
            agreements.suspend(pausedAgreement.id(), "incident under review");
            return null;
        });
    }

    public static <T> T asManager(Supplier<T> call) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "pm", null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Signs the person in for the current thread, as the security filters would, and returns them. */
    public static Person signIn(People people, String username) {
        Person person = people.findByUsername(username).orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username,
                        null,
                        person.roles().stream()
                                .map(Role::authority)
                                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new)
                                .toList()));
        return person;
    }

    public static long events(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    public static long events(JdbcTemplate jdbc, String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action);
    }
}
