package com.readingroom.ui;

import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.PathGlob;
import com.readingroom.access.Product;
import com.readingroom.access.Scope;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who can read what, per product: one row per agreement scope on the product, one column per repository, each cell
 * saying what of that repository the scope grants.
 */
@Route("access-matrix")
@PageTitle("Access matrix · Reading Room")
@Menu(order = 11, title = "Access matrix", icon = "vaadin:table")
@RolesAllowed({Role.PROGRAM_MANAGER_NAME, Role.AUDITOR_NAME})
public class AccessMatrixView extends VerticalLayout {

    /** One scope of one agreement on the chosen product. */
    record Row(Agreement agreement, Scope scope) {}

    private final Agreements agreements;
    private final Clock clock;
    private final Grid<Row> grid = new Grid<>(Row.class, false);

    public AccessMatrixView(Catalog catalog, Agreements agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
        setSizeFull();
        Select<Product> product = new Select<>();
        product.setLabel("Product");
        product.setId("matrix-product");
        List<Product> products = catalog.products();
        product.setItems(products);
        product.setItemLabelGenerator(Product::name);
        grid.setId("matrix");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        product.addValueChangeListener(event -> show(event.getValue()));
        Paragraph legend = new Paragraph(
                "Each cell: what the scope grants in that repository. Excludes always win; " + "status is as of now.");
        legend.addClassName("rr-muted");
        add(new H2("Who can read what"), product, legend, grid);
        if (!products.isEmpty()) {
            product.setValue(products.getFirst());
        }
    }

    private void show(Product product) {
        grid.removeAllColumns();
        if (product == null) {
            grid.setItems(List.of());
            return;
        }
        grid.addColumn(row -> row.agreement().agencyName()).setHeader("Agency").setAutoWidth(true);
        grid.addColumn(row -> row.agreement().reference())
                .setHeader("Agreement")
                .setAutoWidth(true);
        grid.addColumn(row -> row.agreement().statusAt(clock.instant()))
                .setHeader("Status")
                .setAutoWidth(true);
        for (HostedRepository repository : product.repositories()) {
            grid.addColumn(row -> cell(row.scope(), repository.name())).setHeader(repository.name());
        }
        grid.addColumn(row -> row.scope().refPatterns().isEmpty()
                        ? "all"
                        : String.join(", ", row.scope().refPatterns()))
                .setHeader("Refs");
        grid.addColumn(row -> String.join(", ", row.scope().excludePaths())).setHeader("Never");
        grid.addColumn(row -> Formats.date(row.agreement().validUntil()))
                .setHeader("Until")
                .setAutoWidth(true);
        List<Row> rows = new ArrayList<>();
        int page = 100;
        for (int offset = 0; offset < agreements.count(); offset += page) {
            for (Agreement agreement : agreements.list(offset, page)) {
                agreement.scopes().stream()
                        .filter(scope -> scope.productId() == product.id())
                        .forEach(scope -> rows.add(new Row(agreement, scope)));
            }
        }
        grid.setItems(rows);
    }

    static String cell(Scope scope, String repository) {
        if (scope.includePaths().isEmpty()) {
            return "all";
        }
        List<String> reaching = scope.includePaths().stream()
                .filter(glob -> PathGlob.compile(glob).mayMatchWithin(repository))
                .collect(Collectors.toList());
        return reaching.isEmpty() ? "—" : String.join(", ", reaching);
    }
}
