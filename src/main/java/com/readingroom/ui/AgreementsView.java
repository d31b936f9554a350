package com.readingroom.ui;

import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Scope;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.stream.Collectors;

/** Who can read what: every agreement, its status as of now, its window and what it grants. */
@Route("agreements")
@PageTitle("Agreements · Reading Room")
@Menu(order = 10, title = "Agreements", icon = "vaadin:file-text-o")
@RolesAllowed({Role.PROGRAM_MANAGER_NAME, Role.AUDITOR_NAME})
public class AgreementsView extends VerticalLayout {

    public AgreementsView(Agreements agreements, Clock clock) {
        setSizeFull();
        Grid<Agreement> grid = new Grid<>(Agreement.class, false);
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
        add(new H2("Agreements"), grid);
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
