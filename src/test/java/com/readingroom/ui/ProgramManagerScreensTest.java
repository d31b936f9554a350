package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.readingroom.access.AgreementEvent;
import com.readingroom.access.AgreementStatus;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.access.Product;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.RepositoryInspector;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/** The program manager's screens, driven as a person would, on a database of their own. */
@TestPropertySource(properties = "readingroom.test.context=pm-screens")
class ProgramManagerScreensTest extends KaribuViewTest {

    @Autowired
    Agreements agreements;

    @Autowired
    Agencies agencies;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void suspendsAndResumesAnAgreementWithAReasonAndATimeline() {
        signInAs("pm");
        Agreement cyber = agreements.findByReference("RR-2026-014").orElseThrow();
        UI.getCurrent().navigate(AgreementView.class, cyber.id());

        ButtonKt._click(_get(Button.class, spec -> spec.withId("suspend")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        _get(TextArea.class, spec -> spec.withId("suspend-reason")).setValue("premises under review");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(_get(Span.class, spec -> spec.withId("agreement-status")).getText())
                .isEqualTo("SUSPENDED");
        assertThat(stored("RR-2026-014").storedStatus()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(stored("RR-2026-014").statusReason()).isEqualTo("premises under review");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("resume")));
        assertThat(stored("RR-2026-014").storedStatus()).isEqualTo(AgreementStatus.ACTIVE);
        @SuppressWarnings("unchecked")
        Grid<AgreementEvent> timeline = _get(Grid.class, spec -> spec.withId("timeline"));
        List<String> kinds =
                GridKt._findAll(timeline).stream().map(AgreementEvent::kind).toList();
        assertThat(kinds).containsSubsequence("CREATED", "SCOPE_ADDED", "ACTIVATED", "SUSPENDED", "RESUMED");
    }

    @Test
    void renewsAndThenTerminatesAnAgreementAfterConfirmation() {
        signInAs("pm");
        Agreement draft = asManager(() -> agreements.createDraft(new NewAgreement(
                "RR-2026-077",
                agencies.findByName("NATO NCI Agency").orElseThrow().id(),
                "Short evaluation",
                "",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"))));
        asManager(() -> agreements.addScope(
                draft.id(),
                NewScope.wholeProduct(
                        catalog.findProduct("Office").orElseThrow().id())));
        asManager(() -> agreements.activate(draft.id()));
        UI.getCurrent().navigate(AgreementView.class, draft.id());

        ButtonKt._click(_get(Button.class, spec -> spec.withId("renew")));
        _get(DatePicker.class, spec -> spec.withId("renew-until")).setValue(LocalDate.of(2027, 6, 30));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("renew-save")));
        assertThat(stored("RR-2026-077").validUntil()).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));

        ButtonKt._click(_get(Button.class, spec -> spec.withId("terminate")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Terminate agreement");
        _get(TextArea.class, spec -> spec.withId("terminate-reason")).setValue("evaluation finished");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(stored("RR-2026-077").storedStatus()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(_find(Button.class, spec -> spec.withId("add-scope"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("terminate"))).isEmpty();
    }

    @Test
    void registersARepositoryByPathAndShowsItsBranchesAndTags() {
        signInAs("pm");
        UI.getCurrent().navigate(ProductsView.class);
        Path kernel = catalog.findRepository("windows-kernel").orElseThrow().storagePath();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("register-repository")));
        @SuppressWarnings("unchecked")
        Select<Product> product = _get(Select.class, spec -> spec.withId("repository-product"));
        product.setValue(catalog.findProduct("Windows").orElseThrow());
        _get(TextField.class, spec -> spec.withId("repository-name")).setValue("windows-kernel-mirror");
        _get(TextField.class, spec -> spec.withId("repository-path")).setValue("/no/such/folder");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("repository-save")));
        TextField path = _get(TextField.class, spec -> spec.withId("repository-path"));
        assertThat(path.isInvalid()).isTrue();
        assertThat(path.getErrorMessage()).contains("There is no folder at /no/such/folder");

        path.setValue(kernel.toString());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("repository-save")));
        assertThat(catalog.findRepository("windows-kernel-mirror")).isPresent();

        @SuppressWarnings("unchecked")
        Grid<HostedRepository> repositories = _get(Grid.class, spec -> spec.withId("repositories"));
        repositories.select(catalog.findRepository("windows-kernel-mirror").orElseThrow());
        @SuppressWarnings("unchecked")
        Grid<RepositoryInspector.RefInfo> refs = _get(Grid.class, spec -> spec.withId("refs"));
        assertThat(GridKt._findAll(refs).stream().map(RepositoryInspector.RefInfo::name))
                .contains(
                        "refs/heads/main", "refs/heads/release/1.x", "refs/tags/release/1.0", "refs/tags/release/2.0");
    }

    @Test
    void whenTheAuditLogCannotRecordTheChangeNothingChangesAndThePersonIsTold() {
        signInAs("pm");
        Agreement nato = agreements.findByReference("RR-2026-001").orElseThrow();
        UI.getCurrent().navigate(AgreementView.class, nato.id());
        NotificationsKt.clearNotifications();
        jdbc.execute("alter table audit_event rename to audit_event_unavailable");
        try {
            ButtonKt._click(_get(Button.class, spec -> spec.withId("suspend")));
            _get(TextArea.class, spec -> spec.withId("suspend-reason")).setValue("while the log is down");
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        } finally {
            jdbc.execute("alter table audit_event_unavailable rename to audit_event");
        }

        assertThat(NotificationsKt.getNotifications())
                .extracting(ProgramManagerScreensTest::text)
                .anyMatch(message -> message.contains("The audit log cannot record this right now"));
        assertThat(stored("RR-2026-001").storedStatus()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(asManager(() -> agreements.timeline(nato.id())).stream().map(AgreementEvent::kind))
                .doesNotContain("SUSPENDED");
    }

    @Test
    void aSuspensionWithoutAReasonIsRefusedWithAClearMessage() {
        signInAs("pm");
        Agreement nato = agreements.findByReference("RR-2026-001").orElseThrow();
        UI.getCurrent().navigate(AgreementView.class, nato.id());
        NotificationsKt.clearNotifications();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("suspend")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(NotificationsKt.getNotifications())
                .extracting(ProgramManagerScreensTest::text)
                .anyMatch(message -> message.contains("Give a reason for the suspension"));
        assertThat(stored("RR-2026-001").storedStatus()).isEqualTo(AgreementStatus.ACTIVE);
    }

    @Test
    void draftsAnAgreementAddsAScopeWithALivePreviewAndActivatesIt() {
        signInAs("pm");
        UI.getCurrent().navigate(AgreementsView.class);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-draft")));
        _get(TextField.class, spec -> spec.withId("draft-reference")).setValue("RR-2026-099");
        @SuppressWarnings("unchecked")
        ComboBox<Agency> agency = _get(ComboBox.class, spec -> spec.withId("draft-agency"));
        agency.setValue(agencies.findByName("Cyber Assurance Directorate").orElseThrow());
        _get(TextField.class, spec -> spec.withId("draft-title")).setValue("Word source, release tags only");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("draft-save")));

        _get(AgreementView.class);
        assertThat(_get(Span.class, spec -> spec.withId("agreement-status")).getText())
                .isEqualTo("DRAFT");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("add-scope")));
        @SuppressWarnings("unchecked")
        Select<Product> product = _get(Select.class, spec -> spec.withId("scope-product"));
        product.setValue(catalog.findProduct("Office").orElseThrow());
        _get(TextArea.class, spec -> spec.withId("scope-includes")).setValue("office-word/src/**");
        _get(TextArea.class, spec -> spec.withId("scope-refs")).setValue("refs/tags/release/*\nrefs/heads/main");
        String preview = _get(Span.class, spec -> spec.withId("scope-preview")).getText();
        assertThat(preview)
                .matches("This scope grants \\d+ of \\d+ files in repository office-\\w+ at refs/heads/main\\.");

        _get(TextArea.class, spec -> spec.withId("scope-excludes")).setValue("office-word/../secrets/**");
        assertThat(_get(TextArea.class, spec -> spec.withId("scope-excludes")).isInvalid())
                .isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("scope-preview")).getText())
                .startsWith("Fix the patterns");
        _get(TextArea.class, spec -> spec.withId("scope-excludes")).setValue("**/*.pfx");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("scope-save")));

        ButtonKt._click(_get(Button.class, spec -> spec.withId("activate")));
        Agreement created = stored("RR-2026-099");
        assertThat(created.storedStatus()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(created.scopes()).singleElement().satisfies(scope -> {
            assertThat(scope.includePaths()).containsExactly("office-word/src/**");
            assertThat(scope.excludePaths()).containsExactly("**/*.pfx");
            assertThat(scope.refPatterns()).containsExactly("refs/tags/release/*", "refs/heads/main");
        });
    }

    @Test
    void thePreviewCountsWhatTheScopeGrantsAndShrinksWithAnExclude() {
        signInAs("pm");
        Agreement nato = agreements.findByReference("RR-2026-001").orElseThrow();
        UI.getCurrent().navigate(AgreementView.class, nato.id());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("add-scope")));
        @SuppressWarnings("unchecked")
        Select<Product> product = _get(Select.class, spec -> spec.withId("scope-product"));
        product.setValue(catalog.findProduct("Windows").orElseThrow());
        String all = _get(Span.class, spec -> spec.withId("scope-preview")).getText();
        _get(TextArea.class, spec -> spec.withId("scope-excludes")).setValue("windows-kernel/src/**");
        String fewer = _get(Span.class, spec -> spec.withId("scope-preview")).getText();

        int total = Integer.parseInt(all.replaceAll(".* of (\\d+) files.*", "$1"));
        assertThat(all)
                .startsWith("This scope grants " + total + " of " + total + " files in repository windows-kernel");
        int remaining = Integer.parseInt(fewer.replaceAll("This scope grants (\\d+) of .*", "$1"));
        assertThat(remaining).isPositive().isLessThan(total);
    }

    @Test
    void createsAnAgencyAndInvitesAPersonWhosePasswordIsShownOnce() {
        signInAs("pm");
        UI.getCurrent().navigate(AgenciesView.class);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-agency")));
        _get(TextField.class, spec -> spec.withId("agency-name")).setValue("Baltic Code Review Office");
        _get(TextField.class, spec -> spec.withId("agency-country")).setValue("ee");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("agency-save")));
        Agency baltic = agencies.findByName("Baltic Code Review Office").orElseThrow();
        assertThat(baltic.country()).isEqualTo("EE");

        UI.getCurrent().navigate(PeopleView.class);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("invite-person")));
        _get(TextField.class, spec -> spec.withId("person-username")).setValue("baltic.reviewer");
        _get(TextField.class, spec -> spec.withId("person-name")).setValue("Kaja Tamm");
        @SuppressWarnings("unchecked")
        ComboBox<Agency> agency = _get(ComboBox.class, spec -> spec.withId("person-agency"));
        agency.setValue(agency.getListDataView()
                .getItems()
                .filter(item -> item.name().equals("Baltic Code Review Office"))
                .findFirst()
                .orElseThrow());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("person-save")));

        String password =
                _get(Span.class, spec -> spec.withId("one-time-password")).getText();
        assertThat(password).hasSize(16);
        Person invited = people.findByUsername("baltic.reviewer").orElseThrow();
        assertThat(invited.agencyId()).isEqualTo(baltic.id());
        assertThat(invited.roles()).containsExactly(Role.REVIEWER);
    }

    @Test
    void aBadCountryCodeIsExplained() {
        signInAs("pm");
        UI.getCurrent().navigate(AgenciesView.class);
        NotificationsKt.clearNotifications();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-agency")));
        _get(TextField.class, spec -> spec.withId("agency-name")).setValue("Somewhere Agency");
        _get(TextField.class, spec -> spec.withId("agency-country")).setValue("1x");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("agency-save")));

        assertThat(NotificationsKt.getNotifications())
                .extracting(ProgramManagerScreensTest::text)
                .anyMatch(message -> message.contains("is not a two-letter ISO 3166 code"));
        assertThat(agencies.findByName("Somewhere Agency")).isEmpty();
    }

    @Test
    void theMatrixShowsWhoCanReadWhatPerRepository() {
        signInAs("auditor");
        UI.getCurrent().navigate(AccessMatrixView.class);
        @SuppressWarnings("unchecked")
        Select<Product> product = _get(Select.class, spec -> spec.withId("matrix-product"));
        product.setValue(catalog.findProduct("Office").orElseThrow());
        @SuppressWarnings("unchecked")
        Grid<AccessMatrixView.Row> matrix = _get(Grid.class, spec -> spec.withId("matrix"));

        List<String> nato = GridKt._findAll(matrix).stream()
                .filter(row -> row.agreement().reference().equals("RR-2026-001"))
                .map(row -> AccessMatrixView.cell(row.scope(), "office-word") + " | "
                        + AccessMatrixView.cell(row.scope(), "office-excel"))
                .toList();
        assertThat(nato).containsExactly("office-word/src/** | —");
    }

    @Test
    void anAuditorSeesAnAgreementButNoControls() {
        signInAs("auditor");
        Agreement nato = agreements.findByReference("RR-2026-001").orElseThrow();
        UI.getCurrent().navigate(AgreementView.class, nato.id());

        assertThat(_find(Button.class, spec -> spec.withId("suspend"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("add-scope"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("save-details"))).isEmpty();
        assertThat(_get(Grid.class, spec -> spec.withId("scopes"))).isNotNull();
    }

    private <T> T asManager(Supplier<T> call) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "test", null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private Agreement stored(String reference) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "test", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
        try {
            return agreements.findByReference(reference).orElseThrow();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static String text(Notification notification) {
        return notification.getElement().getProperty("text", "")
                + notification.getElement().getTextRecursively();
    }
}
