package com.readingroom.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Role;
import com.readingroom.source.RepositoryInspector;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The services enforce, whatever the user interface shows: a reviewer or an auditor calling a program manager's
 * method is refused, nothing changes, and the refusal is in the audit log. The changes a program manager makes are
 * audited too.
 */
@SpringBootTest(properties = "readingroom.test.context=service-authorization")
@ActiveProfiles("test")
class ServiceAuthorizationTests {

    @Autowired
    Agencies agencies;

    @Autowired
    Agreements agreements;

    @Autowired
    Catalog catalog;

    @Autowired
    People people;

    @Autowired
    AccessPolicy policy;

    @Autowired
    RepositoryInspector inspector;

    @Autowired
    JdbcTemplate jdbc;

    private long natoAgreementId;

    @BeforeEach
    void findTheNatoAgreement() {
        signInAs("auditor", "AUDITOR");
        natoAgreementId =
                agreements.findByReference("RR-2026-001").orElseThrow().id();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static Stream<Arguments> programManagerOnlyCalls() {
        Map<String, ThrowingConsumer<ServiceAuthorizationTests>> calls = Map.ofEntries(
                Map.entry("create an agency", t -> t.agencies.create("Rogue Agency", "XX", null)),
                Map.entry("deactivate an agency", t -> t.agencies.setStatus(1, AgencyStatus.INACTIVE)),
                Map.entry("register a product", t -> t.catalog.registerProduct("Rogue", null)),
                Map.entry(
                        "register a repository", t -> t.catalog.registerRepository(1, "rogue", null, Path.of("/tmp"))),
                Map.entry(
                        "draft an agreement",
                        t -> t.agreements.createDraft(new NewAgreement(
                                "RR-ROGUE", 1, "t", "", Instant.EPOCH, Instant.EPOCH.plusSeconds(60)))),
                Map.entry("add a scope", t -> t.agreements.addScope(t.nato(), NewScope.wholeProduct(1))),
                Map.entry("remove a scope", t -> t.agreements.removeScope(t.nato(), 1)),
                Map.entry(
                        "edit an agreement",
                        t -> t.agreements.edit(
                                t.nato(), new AgreementEdit("t", "", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)))),
                Map.entry("activate", t -> t.agreements.activate(t.nato())),
                Map.entry("suspend", t -> t.agreements.suspend(t.nato(), "because")),
                Map.entry("resume", t -> t.agreements.resume(t.nato())),
                Map.entry("terminate", t -> t.agreements.terminate(t.nato(), "because")),
                Map.entry("renew", t -> t.agreements.renew(t.nato(), Instant.parse("2099-01-01T00:00:00Z"))),
                Map.entry(
                        "create a person",
                        t -> t.people.create(new NewPerson(
                                "rogue", "Rogue", null, null, Set.of(Role.PROGRAM_MANAGER), "long-enough-password"))),
                Map.entry("invite a person", t -> t.people.invite("rogue2", "Rogue", null, null, Set.of(Role.ADMIN))),
                Map.entry("give oneself roles", t -> t.people.setRoles("nato.reviewer", Set.of(Role.PROGRAM_MANAGER))),
                Map.entry("disable a person", t -> t.people.setEnabled("pm", false)),
                Map.entry("reset a password", t -> t.people.resetPassword("pm")),
                Map.entry("list people", t -> t.people.list(0, 10)),
                Map.entry("list a repository's refs", t -> t.inspector.refs(Path.of("/tmp"))));
        return calls.entrySet().stream()
                .flatMap(call -> Stream.of(
                        Arguments.of(call.getKey(), "REVIEWER", call.getValue()),
                        Arguments.of(call.getKey(), "AUDITOR", call.getValue())));
    }

    @ParameterizedTest(name = "{1} may not {0}")
    @MethodSource("programManagerOnlyCalls")
    void refusesProgramManagerCallsToOtherRolesAndAuditsTheRefusal(
            String what, String role, ThrowingConsumer<ServiceAuthorizationTests> call) {
        long agreementsBefore = count("agreement");
        long peopleBefore = count("person");
        long denialsBefore = denials();
        signInAs(role.equals("REVIEWER") ? "nato.reviewer" : "auditor", role);

        assertThatThrownBy(() -> call.accept(this))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        assertThat(count("agreement")).isEqualTo(agreementsBefore);
        assertThat(count("person")).isEqualTo(peopleBefore);
        assertThat(denials()).isEqualTo(denialsBefore + 1);
    }

    @Test
    void overviewsAndExplanationsAreRefusedToReviewers() {
        signInAs("nato.reviewer", "REVIEWER");
        List<ThrowingConsumer<ServiceAuthorizationTests>> reads = List.of(
                t -> t.agreements.list(0, 10),
                t -> t.agreements.count(),
                t -> t.agreements.timeline(t.nato()),
                t -> t.agreements.find(t.nato()),
                t -> t.agencies.list(0, 10),
                t -> t.policy.explain(
                        t.people.findByUsername("cyber.reviewer").orElseThrow(),
                        "office-word",
                        "refs/heads/main",
                        "README.md",
                        Instant.now()));
        for (ThrowingConsumer<ServiceAuthorizationTests> read : reads) {
            assertThatThrownBy(() -> read.accept(this))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
    }

    @Test
    void aProgramManagersChangesAreAuditedWithActorAgencyAndAgreement() {
        signInAs("pm", "PROGRAM_MANAGER");

        agreements.suspend(nato(), "routine review");
        agreements.resume(nato());
        people.setEnabled("expired.reviewer", false);

        List<Map<String, Object>> events =
                jdbc.queryForList("select actor, action, agreement, agency_id, target, detail from audit_event"
                        + " where actor = 'pm' order by seq");
        assertThat(events)
                .extracting(event -> event.get("ACTION") + " " + event.get("AGREEMENT") + " " + event.get("TARGET"))
                .containsSubsequence(
                        "AGREEMENT_SUSPENDED RR-2026-001 agreement RR-2026-001",
                        "AGREEMENT_RESUMED RR-2026-001 agreement RR-2026-001",
                        "PERSON_CHANGED null person expired.reviewer");
        assertThat(events.getFirst().get("DETAIL")).isEqualTo("routine review");
        assertThat(events.getFirst().get("AGENCY_ID")).isNotNull();
    }

    @Test
    void theDemoDataWasAuditedAsTheSystemsProgramOffice() {
        assertThat(jdbc.queryForList(
                        "select distinct action from audit_event where actor = 'system:demo-data'", String.class))
                .contains(
                        "PRODUCT_REGISTERED",
                        "REPOSITORY_REGISTERED",
                        "AGENCY_CREATED",
                        "PERSON_CREATED",
                        "AGREEMENT_CREATED",
                        "GRANT_ADDED",
                        "AGREEMENT_ACTIVATED");
    }

    long nato() {
        return natoAgreementId;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long denials() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'ACCESS_DENIED'", Long.class);
    }

    private static void signInAs(String username, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }
}
