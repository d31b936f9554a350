package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.readingroom.access.AccessToken;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** A reviewer's tokens screen and the program manager's machine-access switch, driven as a person would. */
@TestPropertySource(properties = "readingroom.test.context=token-screens")
class AccessTokensViewTest extends KaribuViewTest {

    @Autowired
    Agreements agreements;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReviewerCreatesATokenSeesItsSecretOnceAndRevokesIt() {
        signInAs("nato.reviewer");
        UI.getCurrent().navigate(AccessTokensView.class);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-token")));
        _get(TextField.class, spec -> spec.withId("token-name")).setValue("static analyser");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-token")));

        String secret =
                _get(TextField.class, spec -> spec.withId("token-secret")).getValue();
        assertThat(secret).startsWith("rrpat_").hasSize(46);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("token-copied")));
        assertThat(_find(TextField.class, spec -> spec.withId("token-secret"))).isEmpty();

        @SuppressWarnings("unchecked")
        Grid<AccessToken> grid = _get(Grid.class, spec -> spec.withId("tokens"));
        AccessToken token = GridKt._get(grid, 0);
        assertThat(token.name()).isEqualTo("static analyser");
        assertThat(token.agreementReference()).isEqualTo("RR-2026-001");
        assertThat(secret).startsWith(token.hint());
        // The screen never holds the secret again, and neither does the database.
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_token where token_hash = ? or hint = ?",
                        Long.class,
                        secret,
                        secret))
                .isZero();

        ButtonKt._click((Button) GridKt._getCellComponent(grid, 0, "revoke"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._get(grid, 0).revokedAt()).isNotNull();
    }

    @Test
    void aReviewerWhoseAgreementDoesNotAllowMachineAccessIsToldSo() {
        signInAs("cyber.reviewer");
        UI.getCurrent().navigate(AccessTokensView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-machine-access"))
                        .getText())
                .contains("No agreement of your agency allows machine access");
        assertThat(_get(Button.class, spec -> spec.withId("new-token")).isEnabled())
                .isFalse();
    }

    @Test
    void aProgramManagerAllowsAndWithdrawsMachineAccessOnTheAgreement() {
        signInAs("pm");
        Agreement cyber = agreements.findByReference("RR-2026-014").orElseThrow();
        UI.getCurrent().navigate(AgreementView.class, cyber.id());

        Checkbox machine = _get(Checkbox.class, spec -> spec.withId("machine-access"));
        assertThat(machine.getValue()).isFalse();
        machineAccess(true);
        assertThat(agreements.find(cyber.id()).orElseThrow().machineAccess()).isTrue();
        machineAccess(false);
        assertThat(agreements.find(cyber.id()).orElseThrow().machineAccess()).isFalse();
        assertThat(agreements.timeline(cyber.id()).stream().map(event -> event.kind()))
                .containsSubsequence("MACHINE_ACCESS_ALLOWED", "MACHINE_ACCESS_WITHDRAWN");
    }

    private static void machineAccess(boolean allowed) {
        _get(Checkbox.class, spec -> spec.withId("machine-access")).setValue(allowed);
    }
}
