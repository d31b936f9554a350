package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.Scope;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** Who can read what: every agreement, its status as of now, its window and what it grants. */
@Route("agreements")
@PageTitle("Agreements · Reading Room")
@Menu(order = 10, title = "Agreements", icon = "vaadin:file-text-o")
@RolesAllowed({Role.PROGRAM_MANAGER_NAME, Role.AUDITOR_NAME})
public class AgreementsView extends VerticalLayout {

    private final Agreements agreements;
    private final Agencies agencies;
    private final Grid<Agreement> grid = new Grid<>(Agreement.class, false);

    public AgreementsView(Agreements agreements, Agencies agencies, Clock clock, AuthenticationContext authentication) {
        this.agreements = agreements;
        this.agencies = agencies;
        setSizeFull();
        grid.setId("agreements");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Agreement::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Agreement::agencyName).setHeader("Agency").setAutoWidth(true);
        grid.addColumn(Agreement::title).setHeader("Title");
        grid.addColumn(agreement -> agreement.statusAt(clock.instant()))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(agreement -> Formats.date(agreement.validFrom()))
                .setHeader("Valid from")
                .setAutoWidth(true);
        grid.addColumn(agreement -> Formats.date(agreement.validUntil()))
                .setHeader("Valid until")
                .setAutoWidth(true);
        grid.addColumn(AgreementsView::grants).setHeader("Grants");
        grid.setItems(
                query -> agreements.list(query.getOffset(), query.getLimit()).stream(), query -> agreements.count());
        grid.addItemClickListener(click -> getUI().ifPresent(
                        ui -> ui.navigate(AgreementView.class, click.getItem().id())));

        HorizontalLayout header = new HorizontalLayout(new H2("Agreements"));
        header.setAlignItems(Alignment.BASELINE);
        if (authentication.hasRole(Role.PROGRAM_MANAGER_NAME)) {
            Button draft = new Button("New draft", event -> openDraftDialog());
            draft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            draft.setId("new-draft");
            header.add(draft);
        }
        add(header, grid);
    }

    private void openDraftDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New agreement (draft)");
        TextField reference = new TextField("Reference number");
        reference.setId("draft-reference");
        reference.setPlaceholder("RR-2026-020");
        ComboBox<Agency> agency = new ComboBox<>("Agency");
        agency.setId("draft-agency");
        agency.setItems(agencies.list(0, 500));
        agency.setItemLabelGenerator(Agency::name);
        TextField title = new TextField("Title");
        title.setId("draft-title");
        TextArea terms = new TextArea("Terms");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DatePicker from = Formats.datePicker("Valid from (UTC)", today);
        DatePicker until = Formats.datePicker("Valid until (UTC)", today.plusYears(1));
        FormLayout form = new FormLayout(reference, agency, title, from, until, terms);
        form.setColspan(terms, 2);
        dialog.add(form);
        AtomicReference<Agreement> created = new AtomicReference<>();
        Button save = new Button("Create draft", event -> {
            if (agency.getValue() == null) {
                agency.setErrorMessage("Choose the agency this agreement is with.");
                agency.setInvalid(true);
                return;
            }
            if (Notices.attempt(() -> created.set(agreements.createDraft(new NewAgreement(
                    reference.getValue(),
                    agency.getValue().id(),
                    title.getValue(),
                    terms.getValue(),
                    Formats.startOf(from.getValue()),
                    Formats.startOf(until.getValue())))))) {
                dialog.close();
                Notices.success("Draft " + created.get().reference() + " created: add its scopes, then activate it.");
                getUI().ifPresent(ui ->
                        ui.navigate(AgreementView.class, created.get().id()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("draft-save");
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

    static String grants(Agreement agreement) {
        return agreement.scopes().stream().map(AgreementsView::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Scope scope) {
        if (scope.includePaths().isEmpty()) {
            return scope.productName() + " (all)";
        }
        return scope.productName() + ": " + String.join(", ", scope.includePaths());
    }
}
