package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/** The reviewer's source pages, browserless, on the demo data. */
@TestPropertySource(properties = "readingroom.test.context=source-views")
class SourceViewsTest extends KaribuViewTest {

    @Autowired
    Agreements agreements;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theHomePageLinksEachRepositoryAtItsGrantedRefs() {
        signInAs("nato.reviewer");
        Div refs = _get(Div.class, spec -> spec.withClasses("rr-refs").withAttribute("data-repository", "office-word"));
        assertThat(_find(refs, RouterLink.class))
                .extracting(RouterLink::getText)
                .contains("main", "release/1.0", "release/2.0");
    }

    @Test
    void aFolderShowsOnlyGrantedEntriesUnderTheWatermark() {
        signInAs("nato.reviewer");
        open(TreeView.class, "office-word", "rev", "refs/tags/release/2.0");

        Grid<?> entries = _get(Grid.class, spec -> spec.withId("tree-entries"));
        assertThat(entries.getGenericDataView().getItems().count()).isEqualTo(1);
        Div watermark = _get(Div.class, spec -> spec.withId("watermark"));
        assertThat(watermark.getElement().getAttribute("data-text"))
                .contains("Anna Verbeek", "nato.reviewer", "NATO NCI Agency", "UTC");
        assertThat(watermark.getStyle().get("background-image")).startsWith("url(\"data:image/svg+xml,");
    }

    @Test
    void aFileIsShownAsTextWithItsLanguageAndAPermalinkToTheCommit() {
        signInAs("nato.reviewer");
        open(FileView.class, "windows-kernel", "rev", "refs/tags/release/2.0", "path", "src/ke/sched.c");

        CodeBlock code = _get(CodeBlock.class);
        assertThat(code.getText()).contains("#include");
        assertThat(code.getElement().getAttribute("data-language")).isEqualTo("c");
        String permalink = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("permalink"))
                .getHref();
        assertThat(permalink)
                .startsWith("file/windows-kernel?")
                .containsPattern("rev=[0-9a-f]{40}")
                .contains("path=src%2Fke%2Fsched.c");
    }

    @Test
    void aPathOutsideTheGrantIsRefusedWithTheReasonAndNoContent() {
        signInAs("nato.reviewer");
        open(FileView.class, "office-word", "rev", "refs/heads/main", "path", "docs/README.md");

        Div refusal = _get(Div.class, spec -> spec.withId("source-refused"));
        assertThat(refusal.getElement().getTextRecursively())
                .contains("outside what your agreements grant")
                .contains("recorded");
        assertThat(_find(CodeBlock.class)).isEmpty();
    }

    @Test
    void aSuspendedAgreementRefusesTheNextViewOfTheSameSession() {
        signInAs("cyber.reviewer");
        open(FileView.class, "office-excel", "rev", "refs/heads/main", "path", "README.md");
        assertThat(_find(CodeBlock.class)).hasSize(1);

        Agreement cyber =
                asManager(() -> agreements.findByReference("RR-2026-014").orElseThrow());
        asManager(() -> agreements.suspend(cyber.id(), "audit of the agency"));
        try {
            open(HistoryView.class, "office-excel", "rev", "refs/heads/main", "path", "README.md");
            assertThat(_get(Div.class, spec -> spec.withId("source-refused"))
                            .getElement()
                            .getTextRecursively())
                    .contains("suspended", "audit of the agency");
            assertThat(_find(Grid.class, spec -> spec.withId("history"))).isEmpty();
        } finally {
            asManager(() -> agreements.resume(cyber.id()));
        }
    }

    @Test
    void whenTheAuditLogCannotRecordTheFileIsNotShownAndThePersonIsTold() {
        signInAs("nato.reviewer");
        jdbc.execute("alter table audit_event rename to audit_event_unavailable");
        try {
            open(FileView.class, "windows-kernel", "rev", "refs/tags/release/2.0", "path", "src/ke/sched.c");
        } finally {
            jdbc.execute("alter table audit_event_unavailable rename to audit_event");
        }
        assertThat(_get(Div.class, spec -> spec.withId("source-unavailable"))
                        .getElement()
                        .getTextRecursively())
                .contains("The audit log cannot record this right now", "nothing was shown");
        assertThat(_find(CodeBlock.class)).isEmpty();
    }

    @Test
    void aProgramManagerClearsAReadingHoldWithAReasonAndTheReviewerReadsAgain() {
        long nato = jdbc.queryForObject("select id from person where username = 'nato.reviewer'", Long.class);
        jdbc.update(
                "insert into reading_hold (person_id, username, held_at, reason) values (?, ?, ?, ?)",
                nato,
                "nato.reviewer",
                java.sql.Timestamp.from(java.time.Instant.now()),
                "500 files opened in the last minute");
        try {
            signInAs("nato.reviewer");
            open(FileView.class, "windows-kernel", "rev", "refs/tags/release/2.0", "path", "src/ke/sched.c");
            assertThat(_get(Div.class, spec -> spec.withId("source-refused"))
                            .getElement()
                            .getTextRecursively())
                    .contains("Your reading is paused");

            signInAs("pm");
            UI.getCurrent().navigate(ReadingHoldsView.class);
            @SuppressWarnings("unchecked")
            Grid<Object> holds = _get(Grid.class, spec -> spec.withId("reading-holds"));
            assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(holds)).isEqualTo(1);
            com.github.mvysny.kaributesting.v10.ButtonKt._click((com.vaadin.flow.component.button.Button)
                    com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(holds, 0, "clear"));
            _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("clear-note"))
                    .setValue("talked to the agency: a mistaken script");
            com.github.mvysny.kaributesting.v10.ButtonKt._click(
                    _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("confirm-clear")));
            assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(holds)).isZero();
        } finally {
            jdbc.update(
                    "update reading_hold set cleared_at = ? where cleared_at is null",
                    java.sql.Timestamp.from(java.time.Instant.now()));
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'READING_HOLD_CLEARED'", Long.class))
                .isEqualTo(1);

        signInAs("nato.reviewer");
        open(FileView.class, "windows-kernel", "rev", "refs/tags/release/2.0", "path", "src/ke/sched.c");
        assertThat(_find(CodeBlock.class)).hasSize(1);
    }

    @Test
    void anUnknownRefSaysSoWithoutAStackTrace() {
        signInAs("nato.reviewer");
        open(TreeView.class, "windows-kernel", "rev", "refs/tags/release/7.0");
        assertThat(_get(Div.class, spec -> spec.withId("source-not-found"))
                        .getElement()
                        .getTextRecursively())
                .contains("There is no branch or tag 'release/7.0'");
    }

    private static void open(Class<? extends SourceView> view, String repository, String... query) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < query.length; i += 2) {
            parameters.put(query[i], List.of(query[i + 1]));
        }
        UI.getCurrent().navigate(view, new RouteParameters("repository", repository), new QueryParameters(parameters));
    }

    private static <T> T asManager(java.util.function.Supplier<T> call) {
        Authentication reviewer = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "pm", null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(reviewer);
        }
    }
}
