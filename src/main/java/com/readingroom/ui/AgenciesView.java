package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** The agencies and their people. */
@Route("agencies")
@PageTitle("Agencies · Reading Room")
@Menu(order = 11, title = "Agencies", icon = "vaadin:institution")
@RolesAllowed(Role.PROGRAM_MANAGER_NAME)
public class AgenciesView extends VerticalLayout {

    public AgenciesView(Agencies agencies, People people) {
        setSizeFull();
        Grid<Agency> grid = new Grid<>(Agency.class, false);
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
        grid.setItems(query -> agencies.list(query.getOffset(), query.getLimit()).stream(), query -> agencies.count());
        add(new H2("Agencies"), grid);
    }
}
