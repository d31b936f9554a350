package com.readingroom.ui;

import com.readingroom.access.Agreement;
import com.readingroom.access.AgreementEdit;
import com.readingroom.access.AgreementEvent;
import com.readingroom.access.AgreementStatus;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.Scope;
import com.readingroom.identity.Role;
import com.readingroom.source.RepositoryInspector;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One agreement: its terms and window, its life cycle (activate, suspend, resume, terminate, renew), its scopes with
 * a live preview, and its timeline. Auditors see it read-only: the controls are hidden, and the services refuse them.
 */
@Route("agreement")
@PageTitle("Agreement · Reading Room")
@RolesAllowed({Role.PROGRAM_MANAGER_NAME, Role.AUDITOR_NAME})
public class AgreementView extends VerticalLayout implements HasUrlParameter<Long> {

    private final Agreements agreements;
    private final Catalog catalog;
    private final RepositoryInspector inspector;
    private final Clock clock;
    private final boolean manager;
    private long agreementId;

    public AgreementView(
            Agreements agreements,
            Catalog catalog,
            RepositoryInspector inspector,
            Clock clock,
            AuthenticationContext authentication) {
        this.agreements = agreements;
        this.catalog = catalog;
        this.inspector = inspector;
        this.clock = clock;
        this.manager = authentication.hasRole(Role.PROGRAM_MANAGER_NAME);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        agreementId = id;
        render();
    }

    private void render() {
        removeAll();
        Agreement agreement = agreements.find(agreementId).orElse(null);
        if (agreement == null) {
            add(new H2("No such agreement"), new Paragraph("There is no agreement with id " + agreementId + "."));
            return;
        }
        Instant now = clock.instant();
        AgreementStatus status = agreement.statusAt(now);
        Span badge = new Span(status.name());
        badge.getElement().getThemeList().add("badge " + badgeTheme(status));
        badge.setId("agreement-status");
        H2 title = new H2(agreement.reference() + " · " + agreement.agencyName());
        add(new HorizontalLayout(title, badge));
        String why = agreement.whyNotInForceAt(now);
        Paragraph state =
                new Paragraph(why == null ? "In force until " + Formats.dateTime(agreement.validUntil()) + "." : why);
        state.setId("agreement-state");
        add(state);
        add(details(agreement));
        if (manager) {
            add(lifecycle(agreement, status));
        }
        add(scopes(agreement, status));
        add(timeline());
    }

    private Component details(Agreement agreement) {
        TextField title = new TextField("Title");
        title.setValue(agreement.title());
        TextArea terms = new TextArea("Terms");
        terms.setValue(agreement.terms() == null ? "" : agreement.terms());
        DatePicker from = Formats.datePicker("Valid from (UTC)", Formats.day(agreement.validFrom()));
        DatePicker until = Formats.datePicker("Valid until (UTC)", Formats.day(agreement.validUntil()));
        boolean draft = agreement.storedStatus() == AgreementStatus.DRAFT;
        from.setReadOnly(!manager || !draft);
        until.setReadOnly(!manager || !draft);
        title.setReadOnly(!manager);
        terms.setReadOnly(!manager);
        FormLayout form = new FormLayout(title, from, until, terms);
        form.setColspan(terms, 3);
        VerticalLayout section = new VerticalLayout(form, machineAccess(agreement));
        section.setPadding(false);
        if (manager) {
            Button save = new Button("Save details", event -> {
                // A window edited after the draft stage keeps its exact instants; only a draft's days are re-read.
                Instant validFrom = draft ? Formats.startOf(from.getValue()) : agreement.validFrom();
                Instant validUntil = draft ? Formats.startOf(until.getValue()) : agreement.validUntil();
                if (Notices.attempt(() -> agreements.edit(
                        agreementId, new AgreementEdit(title.getValue(), terms.getValue(), validFrom, validUntil)))) {
                    Notices.success("Saved.");
                    render();
                }
            });
            save.setId("save-details");
            section.add(save);
        }
        return section;
    }

    /** Applied at once (and audited): withdrawing it refuses the agency's tokens from their next call. */
    private Component machineAccess(Agreement agreement) {
        Checkbox machine = new Checkbox("Machine access: approved tools may read through personal access tokens");
        machine.setId("machine-access");
        machine.setValue(agreement.machineAccess());
        machine.setReadOnly(!manager || agreement.storedStatus() == AgreementStatus.TERMINATED);
        // Listened to only after its value is set: render() makes a new box, so no change loops back here.
        machine.addValueChangeListener(change -> {
            if (Notices.attempt(() -> agreements.allowMachineAccess(agreementId, change.getValue()))) {
                Notices.success(change.getValue() ? "Machine access allowed." : "Machine access withdrawn.");
            }
            render();
        });
        return machine;
    }

    private Component lifecycle(Agreement agreement, AgreementStatus status) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("lifecycle");
        if (status == AgreementStatus.DRAFT) {
            bar.add(action("Activate", "activate", () -> agreements.activate(agreementId), "Activated."));
        }
        if (status == AgreementStatus.ACTIVE) {
            bar.add(withReason(
                    "Suspend",
                    "suspend",
                    "Suspend " + agreement.reference() + "? Its reviewers lose access on their next click.",
                    reason -> agreements.suspend(agreementId, reason)));
        }
        if (status == AgreementStatus.SUSPENDED) {
            bar.add(action("Resume", "resume", () -> agreements.resume(agreementId), "Resumed."));
        }
        if (status == AgreementStatus.ACTIVE
                || status == AgreementStatus.SUSPENDED
                || status == AgreementStatus.EXPIRED) {
            bar.add(renew(agreement));
        }
        if (status != AgreementStatus.TERMINATED) {
            Button terminate = withReason(
                    "Terminate",
                    "terminate",
                    "Terminate " + agreement.reference() + " for good? This cannot be undone.",
                    reason -> agreements.terminate(agreementId, reason));
            terminate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(terminate);
        }
        return bar;
    }

    private Button action(String label, String id, Runnable call, String done) {
        Button button = new Button(label, event -> {
            if (Notices.attempt(call)) {
                Notices.success(done);
                render();
            }
        });
        button.setId(id);
        return button;
    }

    /** A destructive action: confirmed in a dialog that also asks for the reason shown to the agency. */
    private Button withReason(String label, String id, String question, Consumer<String> call) {
        Button button = new Button(label, event -> {
            TextArea reason = new TextArea("Reason (shown to the agency)");
            reason.setId(id + "-reason");
            reason.setWidthFull();
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(label + " agreement");
            confirm.add(new Paragraph(question), reason);
            confirm.setCancelable(true);
            confirm.setConfirmText(label);
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCloseOnEsc(true);
            confirm.addConfirmListener(confirmed -> {
                if (Notices.attempt(() -> call.accept(reason.getValue()))) {
                    Notices.success(label + " done.");
                    render();
                }
            });
            confirm.open();
        });
        button.setId(id);
        return button;
    }

    private Button renew(Agreement agreement) {
        Button button = new Button("Renew", event -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Renew " + agreement.reference());
            DatePicker until = Formats.datePicker("New valid until (UTC)", null);
            until.setMin(Formats.day(agreement.validUntil()).plusDays(1));
            until.setId("renew-until");
            dialog.add(new Paragraph("Currently valid until " + Formats.dateTime(agreement.validUntil()) + "."), until);
            Button save = new Button("Renew", confirmed -> {
                if (Notices.attempt(() -> agreements.renew(agreementId, Formats.startOf(until.getValue())))) {
                    dialog.close();
                    Notices.success("Renewed.");
                    render();
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("renew-save");
            dialog.getFooter().add(new Button("Cancel", cancel -> dialog.close()), save);
            dialog.open();
        });
        button.setId("renew");
        return button;
    }

    private Component scopes(Agreement agreement, AgreementStatus status) {
        VerticalLayout section = new VerticalLayout(new H3("Scopes"));
        section.setPadding(false);
        boolean editable = manager && status != AgreementStatus.TERMINATED;
        Grid<Scope> grid = new Grid<>(Scope.class, false);
        grid.setId("scopes");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Scope::productName).setHeader("Product").setAutoWidth(true);
        grid.addColumn(scope -> scope.includePaths().isEmpty() ? "all" : String.join(", ", scope.includePaths()))
                .setHeader("Includes");
        grid.addColumn(scope -> String.join(", ", scope.excludePaths())).setHeader("Excludes");
        grid.addColumn(scope -> scope.refPatterns().isEmpty() ? "all refs" : String.join(", ", scope.refPatterns()))
                .setHeader("Refs");
        grid.addColumn(scope -> scope.validFrom() == null && scope.validUntil() == null
                        ? "agreement's window"
                        : Formats.date(scope.validFrom()) + " – " + Formats.date(scope.validUntil()))
                .setHeader("Window");
        if (editable) {
            grid.addComponentColumn(scope -> new HorizontalLayout(
                            new Button(
                                    "Edit",
                                    event -> new ScopeDialog(
                                                    catalog,
                                                    inspector,
                                                    scope,
                                                    changed -> save(() ->
                                                            agreements.changeScope(agreementId, scope.id(), changed)))
                                            .open()),
                            removeScope(scope)))
                    .setHeader("")
                    .setAutoWidth(true);
        }
        grid.setItems(agreement.scopes());
        section.add(grid);
        if (editable) {
            Button add = new Button(
                    "Add scope",
                    event -> new ScopeDialog(
                                    catalog,
                                    inspector,
                                    null,
                                    scope -> save(() -> agreements.addScope(agreementId, scope)))
                            .open());
            add.setId("add-scope");
            section.add(add);
        }
        return section;
    }

    private boolean save(Runnable call) {
        if (Notices.attempt(call)) {
            Notices.success("Scope saved.");
            render();
            return true;
        }
        return false;
    }

    private Button removeScope(Scope scope) {
        Button remove = new Button("Remove", event -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    "Remove scope",
                    "Remove the scope on " + scope.productName()
                            + "? Its reviewers lose this access on their next click.",
                    "Remove",
                    confirmed -> {
                        if (Notices.attempt(() -> agreements.removeScope(agreementId, scope.id()))) {
                            Notices.success("Scope removed.");
                            render();
                        }
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return remove;
    }

    private Component timeline() {
        VerticalLayout section = new VerticalLayout(new H3("Timeline"));
        section.setPadding(false);
        Grid<AgreementEvent> grid = new Grid<>(AgreementEvent.class, false);
        grid.setId("timeline");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(event -> Formats.dateTime(event.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AgreementEvent::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AgreementEvent::kind).setHeader("What").setAutoWidth(true);
        grid.addColumn(event -> event.toStatus() == null
                        ? ""
                        : (event.fromStatus() == null ? "" : event.fromStatus() + " ") + "→ " + event.toStatus())
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(AgreementEvent::detail).setHeader("Detail");
        grid.setItems(agreements.timeline(agreementId));
        section.add(grid);
        return section;
    }

    private static String badgeTheme(AgreementStatus status) {
        return switch (status) {
            case ACTIVE -> "success";
            case SUSPENDED, EXPIRED -> "warning";
            case TERMINATED -> "error";
            case DRAFT -> "contrast";
        };
    }
}
