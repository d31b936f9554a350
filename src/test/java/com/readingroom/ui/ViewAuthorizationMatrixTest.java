package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotFoundError;
import com.readingroom.access.Agreements;
import com.readingroom.identity.People;
import com.readingroom.source.SourceReader;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Every screen for every kind of person: the routes come from Vaadin's registry, so a new screen without a row here
 * fails the test. Each address is opened as each person, and what they get is compared with what they should get:
 * the screen, the screen with the source refused (their agreements do not grant it), a refusal of the screen itself,
 * or the sign-in page. Every refusal of a signed-in person must have left an ACCESS_DENIED record.
 */
@TestPropertySource(properties = "readingroom.test.context=view-matrix")
class ViewAuthorizationMatrixTest extends KaribuViewTest {

    /** What opening an address gave. */
    enum Outcome {
        /** The screen was shown. */
        SHOWN,
        /** The screen was shown, with the source refused by the person's agreements (and recorded). */
        SOURCE_REFUSED,
        /** The screen itself was refused by its role rules (and recorded). */
        REFUSED,
        /** The visitor was sent to the sign-in page. */
        SIGN_IN
    }

    private static final String KERNEL_FILE = "rev=refs/tags/release/2.0&path=src/ke/sched.c";

    /** Who is tried: roles, two agencies with overlapping (Office Word) and disjoint (Windows) grants, an expiry. */
    private static final List<String> PEOPLE =
            List.of("nobody", "nato.reviewer", "cyber.reviewer", "expired.reviewer", "pm", "auditor");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Agreements agreements;

    @Autowired
    SourceReader reader;

    @Autowired
    People directory;

    /**
     * Per route template: the address opened and the outcome per person, in the order of {@link #PEOPLE}. The
     * reviewers' source screens are opened on Windows (NATO only; the Nordic agreement for it has expired) and on
     * Office Word's sources (NATO and the Cyber Agency both).
     */
    private Map<String, Row> rows() {
        String kernelCommit = commitOf("windows-kernel", "refs/tags/release/2.0");
        Map<String, Row> rows = new LinkedHashMap<>();
        row(rows, "", "", "SIGN_IN SHOWN SHOWN SHOWN SHOWN SHOWN");
        row(rows, "login", "login", "SIGN_IN SIGN_IN SIGN_IN SIGN_IN SIGN_IN SIGN_IN");
        // Only a sign-in waiting for its second factor (SecondFactorTests, ReviewerSignInIT) reaches it.
        row(rows, "second-factor", "second-factor", "SIGN_IN REFUSED REFUSED REFUSED REFUSED REFUSED");
        row(rows, "no-area", "no-area", "SIGN_IN SHOWN SHOWN SHOWN SHOWN SHOWN");
        row(rows, "products", "products", "SIGN_IN SHOWN SHOWN SHOWN REFUSED REFUSED");
        row(rows, "search", "search?q=sched", "SIGN_IN SHOWN SHOWN SOURCE_REFUSED REFUSED REFUSED");
        row(rows, "access-tokens", "access-tokens", "SIGN_IN SHOWN SHOWN SHOWN REFUSED REFUSED");
        row(rows, "agreements", "agreements", "SIGN_IN REFUSED REFUSED REFUSED SHOWN SHOWN");
        row(
                rows,
                "agreement/:___url_parameter(^[+-]?[0-9]{1,19}$)",
                "agreement/" + natoAgreement(),
                "SIGN_IN REFUSED REFUSED REFUSED SHOWN SHOWN");
        row(rows, "access-matrix", "access-matrix", "SIGN_IN REFUSED REFUSED REFUSED SHOWN SHOWN");
        row(rows, "reading-holds", "reading-holds", "SIGN_IN REFUSED REFUSED REFUSED SHOWN SHOWN");
        row(rows, "search-index", "search-index", "SIGN_IN REFUSED REFUSED REFUSED SHOWN SHOWN");
        row(rows, "agencies", "agencies", "SIGN_IN REFUSED REFUSED REFUSED SHOWN REFUSED");
        row(rows, "people", "people", "SIGN_IN REFUSED REFUSED REFUSED SHOWN REFUSED");
        row(rows, "products-admin", "products-admin", "SIGN_IN REFUSED REFUSED REFUSED SHOWN REFUSED");
        row(rows, "audit", "audit", "SIGN_IN REFUSED REFUSED REFUSED REFUSED SHOWN");
        String disjoint = "SIGN_IN SHOWN SOURCE_REFUSED SOURCE_REFUSED REFUSED REFUSED";
        row(rows, "repo/:repository", "repo/windows-kernel?rev=refs/tags/release/2.0", disjoint);
        row(rows, "file/:repository", "file/windows-kernel?" + KERNEL_FILE, disjoint);
        row(rows, "history/:repository", "history/windows-kernel?" + KERNEL_FILE, disjoint);
        row(rows, "blame/:repository", "blame/windows-kernel?" + KERNEL_FILE, disjoint);
        row(
                rows,
                "compare/:repository",
                "compare/windows-kernel?from=refs/tags/release/1.0&to=refs/tags/release/2.0",
                disjoint);
        row(rows, "commit/:repository/:commit", "commit/windows-kernel/" + kernelCommit, disjoint);
        return rows;
    }

    /** The overlapping grant: both agencies read Office Word's sources, only the Cyber Agency its documents. */
    private static final Map<String, String> OVERLAP = Map.of(
            "repo/office-word?rev=refs/heads/main&path=src",
            "SIGN_IN SHOWN SHOWN SOURCE_REFUSED REFUSED REFUSED",
            "repo/office-word?rev=refs/heads/main&path=docs",
            "SIGN_IN SOURCE_REFUSED SHOWN SOURCE_REFUSED REFUSED REFUSED");

    @Test
    void everyRouteHasARowAndEveryPersonGetsWhatTheRowSays() {
        signInAs("pm");
        List<String> templates = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .sorted()
                .toList();
        Map<String, Row> rows = rows();
        assertThat(rows.keySet())
                .as("every route of the application has a row in this matrix")
                .containsExactlyInAnyOrderElementsOf(templates);

        Map<String, String> mismatches = new TreeMap<>();
        for (Map.Entry<String, Row> row : rows.entrySet()) {
            check(row.getValue().location(), row.getValue().expected(), mismatches);
        }
        OVERLAP.forEach((location, expected) -> check(location, parse(expected), mismatches));
        assertThat(mismatches)
                .as("opened as (location, person) -> got, expected")
                .isEmpty();
    }

    @Test
    void aSuspendedAgreementRefusesItsReviewersSourceButNotTheirOtherScreens() {
        signInAs("pm");
        long nato = natoAgreement();
        agreements.suspend(nato, "matrix test");
        try {
            Map<String, String> mismatches = new TreeMap<>();
            check("file/windows-kernel?" + KERNEL_FILE, Map.of("nato.reviewer", Outcome.SOURCE_REFUSED), mismatches);
            check(
                    "file/office-word?rev=refs/heads/main&path=src/undo/undo_stack.h",
                    Map.of("nato.reviewer", Outcome.SOURCE_REFUSED, "cyber.reviewer", Outcome.SHOWN),
                    mismatches);
            check("products", Map.of("nato.reviewer", Outcome.SHOWN), mismatches);
            assertThat(mismatches).isEmpty();
        } finally {
            signInAs("pm");
            agreements.resume(nato);
        }
    }

    private void check(String location, Map<String, Outcome> expected, Map<String, String> mismatches) {
        for (Map.Entry<String, Outcome> person : expected.entrySet()) {
            long denialsBefore = denials();
            Outcome got = open(person.getKey(), location);
            long recorded = denials() - denialsBefore;
            String key = "(" + location + ", " + person.getKey() + ")";
            if (got != person.getValue()) {
                mismatches.put(key, got + ", expected " + person.getValue());
            } else if ((got == Outcome.REFUSED || got == Outcome.SOURCE_REFUSED) && recorded < 1) {
                mismatches.put(key, got + " but no ACCESS_DENIED was recorded");
            } else if (got == Outcome.REFUSED && !lastDenial().equals("view /" + location.split("\\?")[0])) {
                mismatches.put(key, "REFUSED but the last ACCESS_DENIED names " + lastDenial());
            } else if (got == Outcome.SHOWN && recorded > 0) {
                mismatches.put(key, "SHOWN but " + recorded + " ACCESS_DENIED recorded");
            }
        }
    }

    /** Opens the address as the person, in a fresh UI, and tells what the person got. */
    private Outcome open(String person, String location) {
        tearDownVaadin();
        setUpVaadin();
        if (!person.equals("nobody")) {
            signInAs(person);
        }
        try {
            int query = location.indexOf('?');
            UI.getCurrent()
                    .navigate(
                            query < 0 ? location : location.substring(0, query),
                            query < 0
                                    ? QueryParameters.empty()
                                    : QueryParameters.fromString(location.substring(query + 1)));
        } catch (NotFoundError refused) {
            // A refused screen is shown as an unknown address, which Karibu throws instead of rendering.
            return Outcome.REFUSED;
        }
        if (!_find(LoginView.class).isEmpty()) {
            return Outcome.SIGN_IN;
        }
        if (!_find(ViewAccessDenied.class).isEmpty()) {
            return Outcome.REFUSED;
        }
        if (!_find(Div.class, spec -> spec.withId("source-refused")).isEmpty()
                || !_find(Div.class, spec -> spec.withId("search-refused")).isEmpty()) {
            return Outcome.SOURCE_REFUSED;
        }
        return Outcome.SHOWN;
    }

    private long denials() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'ACCESS_DENIED'", Long.class);
    }

    private String lastDenial() {
        return jdbc.queryForObject(
                "select target from audit_event where action = 'ACCESS_DENIED' order by seq desc limit 1",
                String.class);
    }

    private long natoAgreement() {
        return asProgramManager(
                () -> agreements.findByReference("RR-2026-001").orElseThrow().id());
    }

    private String commitOf(String repository, String ref) {
        signInAs("nato.reviewer");
        return reader.refs(directory.findByUsername("nato.reviewer").orElseThrow(), repository).stream()
                .filter(candidate -> candidate.name().equals(ref))
                .findFirst()
                .orElseThrow()
                .commitId();
    }

    private static <T> T asProgramManager(java.util.function.Supplier<T> call) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "pm", null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static void row(Map<String, Row> rows, String template, String location, String outcomes) {
        rows.put(template, new Row(location, parse(outcomes)));
    }

    private static Map<String, Outcome> parse(String outcomes) {
        String[] each = outcomes.split(" ");
        assertThat(each).hasSize(PEOPLE.size());
        Map<String, Outcome> expected = new LinkedHashMap<>();
        for (int i = 0; i < each.length; i++) {
            expected.put(PEOPLE.get(i), Outcome.valueOf(each[i]));
        }
        return expected;
    }

    record Row(String location, Map<String, Outcome> expected) {}
}
