package com.readingroom.ui;

import com.readingroom.access.AccessToken;
import com.readingroom.access.AccessTokens;
import com.readingroom.access.Agreement;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A reviewer's personal access tokens for approved tools: create one for an agreement that allows machine access
 * (its secret is shown once), see when each was last used, revoke it. What a token reads is decided by the access
 * policy at each call, through its agreement only.
 */
@Route("access-tokens")
@PageTitle("Access tokens · Reading Room")
@Menu(order = 3, title = "Access tokens", icon = "vaadin:key")
@RolesAllowed(Role.REVIEWER_NAME)
public class AccessTokensView extends VerticalLayout {

    private final AccessTokens tokens;
    private final Clock clock;
    private final Grid<AccessToken> grid = new Grid<>();

    public AccessTokensView(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        add(new H2("Access tokens"));
        Paragraph intro = new Paragraph("An approved analysis tool reads source through the read API"
                + " (/api/v1, described at /api/v1/openapi.json) with a personal access token: it reads only what the"
                + " token's agreement grants, every call is recorded in the audit log as your view, and the agreement"
                + " must allow machine access. A token lasts at most " + AccessTokens.MAX_DAYS + " days.");
        intro.addClassName("rr-muted");
        add(intro);
        List<Agreement> allowing = tokens.machineAgreements();
        Button create = new Button("New token…", click -> openCreate(allowing));
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (allowing.isEmpty()) {
            create.setEnabled(false);
            Paragraph none = new Paragraph(
                    "No agreement of your agency allows machine access now; a program manager can allow it.");
            none.setId("no-machine-access");
            add(none);
        }
        add(create);
        grid.setId("tokens");
        grid.setAllRowsVisible(true);
        grid.addColumn(AccessToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(token -> token.hint() + "…").setHeader("Begins with").setAutoWidth(true);
        grid.addColumn(AccessToken::agreementReference).setHeader("Agreement").setAutoWidth(true);
        grid.addColumn(token -> Formats.dateTime(token.createdAt()))
                .setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(token -> Formats.dateTime(token.expiresAt()))
                .setHeader("Expires")
                .setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt() == null ? "never" : Formats.dateTime(token.lastUsedAt()))
                .setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(token -> token.stateAt(clock.instant()).name())
                .setKey("state")
                .setHeader("State")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setKey("revoke").setAutoWidth(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }

    private void openCreate(List<Agreement> allowing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New access token");
        TextField name = new TextField("Name (e.g. the tool)");
        name.setId("token-name");
        name.setMaxLength(100);
        name.setWidthFull();
        Select<Agreement> agreement = new Select<>();
        agreement.setId("token-agreement");
        agreement.setLabel("Agreement");
        agreement.setItems(allowing);
        agreement.setItemLabelGenerator(candidate -> candidate.reference() + " · " + candidate.title());
        agreement.setValue(allowing.getFirst());
        IntegerField days = new IntegerField("Expires after (days)");
        days.setId("token-days");
        days.setMin(1);
        days.setMax(AccessTokens.MAX_DAYS);
        days.setStepButtonsVisible(true);
        days.setValue(AccessTokens.MAX_DAYS);
        dialog.add(new VerticalLayout(name, agreement, days));
        Button confirm = new Button("Create", event -> {
            AtomicReference<AccessTokens.IssuedToken> issued = new AtomicReference<>();
            boolean made = Notices.attempt(() -> issued.set(tokens.issue(
                    agreement.getValue().id(), name.getValue(), days.getValue() == null ? 0 : days.getValue())));
            if (made) {
                dialog.close();
                refresh();
                showOnce(issued.get());
            }
        });
        confirm.setId("create-token");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", cancel -> dialog.close()), confirm);
        dialog.open();
    }

    /** The secret exists only in this dialog: it is kept as a hash, so it can never be shown again. */
    private void showOnce(AccessTokens.IssuedToken issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token '" + issued.token().name() + "' created");
        TextField secret = new TextField("Your token");
        secret.setId("token-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidth("34em");
        Span note = new Span("Copy it now: it is shown only once. Send it as 'Authorization: Bearer <token>'. It"
                + " expires on " + Formats.dateTime(issued.token().expiresAt()) + ".");
        note.addClassName("rr-muted");
        dialog.add(new VerticalLayout(secret, note));
        Button done = new Button("I have copied it", close -> dialog.close());
        done.setId("token-copied");
        dialog.getFooter().add(done);
        dialog.open();
    }

    private Button revokeButton(AccessToken token) {
        Button revoke = new Button("Revoke", click -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader("Revoke '" + token.name() + "'?");
            confirm.setText("Tools using it are refused from their next call.");
            confirm.setCancelable(true);
            confirm.setConfirmText("Revoke");
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(confirmed -> {
                if (Notices.attempt(() -> tokens.revoke(token.id()))) {
                    Notices.success("Token '" + token.name() + "' revoked.");
                    refresh();
                }
            });
            confirm.open();
        });
        revoke.setId("revoke-token-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(token.stateAt(clock.instant()) == AccessToken.State.ACTIVE);
        return revoke;
    }
}
