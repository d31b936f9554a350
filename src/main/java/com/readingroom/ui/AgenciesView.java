package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.AgencyStatus;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.stream.Collectors;

/** The agencies and their people; a program manager adds agencies and activates or deactivates them. */
@Route("agencies")
@PageTitle("Agencies · Reading Room")
@Menu(order = 12, title = "Agencies", icon = "vaadin:institution")
@RolesAllowed(Role.PROGRAM_MANAGER_NAME)
public class AgenciesView extends VerticalLayout {

    private final Agencies agencies;
    private final Grid<Agency> grid = new Grid<>(Agency.class, false);

    public AgenciesView(Agencies agencies, People people) {
        this.agencies = agencies;
        setSizeFull();
        grid.setId("agencies");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Agency::name).setHeader("Agency").setAutoWidth(true);
        grid.addColumn(Agency::country).setHeader("Country").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Agency::contact).setHeader("Contact").setAutoWidth(true);
        grid.addColumn(Agency::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(agency -> people.membersOf(agency.id()).stream()
                        .map(Person::username)
                        .collect(Collectors.joining(", ")))
                .setHeader("People");
        grid.addComponentColumn(this::statusButton)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> agencies.list(query.getOffset(), query.getLimit()).stream(), query -> agencies.count());

        Button create = new Button("New agency", event -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-agency");
        HorizontalLayout header = new HorizontalLayout(new H2("Agencies"), create);
        header.setAlignItems(Alignment.BASELINE);
        add(header, grid);
    }

    private Button statusButton(Agency agency) {
        boolean active = agency.status() == AgencyStatus.ACTIVE;
        Button button = new Button(active ? "Deactivate" : "Activate", event -> {
            AgencyStatus target = active ? AgencyStatus.INACTIVE : AgencyStatus.ACTIVE;
            ConfirmDialog confirm = new ConfirmDialog(
                    (active ? "Deactivate " : "Activate ") + agency.name(),
                    active
                            ? "Its people lose all access on their next click, whatever their agreements say."
                            : "Its people read again what their agreements grant.",
                    active ? "Deactivate" : "Activate",
                    confirmed -> {
                        if (Notices.attempt(() -> agencies.setStatus(agency.id(), target))) {
                            Notices.success(
                                    agency.name() + " is now " + target.name().toLowerCase(Locale.ROOT) + ".");
                            grid.getDataProvider().refreshAll();
                        }
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New agency");
        TextField name = new TextField("Name");
        name.setId("agency-name");
        TextField country = new TextField("Country (ISO code, e.g. BE)");
        country.setId("agency-country");
        country.setMaxLength(2);
        EmailField contact = new EmailField("Contact e-mail");
        dialog.add(new FormLayout(name, country, contact));
        Button save = new Button("Create", event -> {
            String code = country.getValue().isBlank()
                    ? null
                    : country.getValue().strip().toUpperCase(Locale.ROOT);
            if (Notices.attempt(() -> agencies.create(name.getValue(), code, contact.getValue()))) {
                dialog.close();
                Notices.success("Agency " + name.getValue().strip() + " created.");
                grid.getDataProvider().refreshAll();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("agency-save");
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }
}
