package com.readingroom.ui;

import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Product;
import com.readingroom.identity.Role;
import com.readingroom.source.RepositoryInspector;
import com.readingroom.source.RepositoryInspector.RefInfo;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Products and the git repositories they are made of. A repository is registered by its path on the server; only a
 * readable git repository is accepted. Selecting one shows its branches and tags (names only, never content).
 */
@Route("products-admin")
@PageTitle("Products · Reading Room")
@Menu(order = 14, title = "Products", icon = "vaadin:package")
@RolesAllowed(Role.PROGRAM_MANAGER_NAME)
public class ProductsView extends VerticalLayout {

    private final Catalog catalog;
    private final RepositoryInspector inspector;
    private final Grid<HostedRepository> repositories = new Grid<>(HostedRepository.class, false);
    private final Grid<RefInfo> refs = new Grid<>(RefInfo.class, false);
    private final H3 refsTitle = new H3("Branches and tags");

    public ProductsView(Catalog catalog, RepositoryInspector inspector) {
        this.catalog = catalog;
        this.inspector = inspector;
        setSizeFull();
        repositories.setId("repositories");
        repositories.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        repositories
                .addColumn(HostedRepository::productName)
                .setHeader("Product")
                .setAutoWidth(true);
        repositories.addColumn(HostedRepository::name).setHeader("Repository").setAutoWidth(true);
        repositories.addColumn(HostedRepository::description).setHeader("Description");
        repositories
                .addColumn(repository -> repository.storagePath().toString())
                .setHeader("Path on the server");
        repositories.asSingleSelect().addValueChangeListener(event -> showRefs(event.getValue()));

        refs.setId("refs");
        refs.addColumn(RefInfo::name).setHeader("Ref").setAutoWidth(true);
        refs.addColumn(ref -> ref.isTag() ? "tag" : "branch").setHeader("Kind").setAutoWidth(true);
        refs.addColumn(RefInfo::commit).setHeader("Commit").setAutoWidth(true);

        Button product = new Button("Register product", event -> openProductDialog());
        product.setId("register-product");
        Button repository = new Button("Register repository", event -> openRepositoryDialog());
        repository.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        repository.setId("register-repository");
        HorizontalLayout header = new HorizontalLayout(new H2("Products"), product, repository);
        header.setAlignItems(Alignment.BASELINE);
        add(header, repositories, refsTitle, refs);
        refresh();
    }

    private void refresh() {
        repositories.setItems(catalog.products().stream()
                .flatMap(product -> product.repositories().stream())
                .toList());
        refs.setItems(List.of());
    }

    private void showRefs(HostedRepository repository) {
        if (repository == null) {
            refs.setItems(List.of());
            refsTitle.setText("Branches and tags");
            return;
        }
        refsTitle.setText("Branches and tags of " + repository.name());
        try {
            refs.setItems(inspector.refs(repository.storagePath()));
        } catch (RepositoryInspector.InvalidRepositoryException e) {
            refs.setItems(List.of());
            Notices.error(e.getMessage());
        }
    }

    private void openProductDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Register a product");
        TextField name = new TextField("Name");
        TextField description = new TextField("Description");
        description.setWidthFull();
        dialog.add(new FormLayout(name, description));
        Button save = new Button("Register", event -> {
            if (Notices.attempt(() -> catalog.registerProduct(name.getValue(), description.getValue()))) {
                dialog.close();
                Notices.success("Product " + name.getValue().strip() + " registered: add its repositories.");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

    private void openRepositoryDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Register a repository");
        Select<Product> product = new Select<>();
        product.setLabel("Product");
        product.setItems(catalog.products());
        product.setItemLabelGenerator(Product::name);
        product.setId("repository-product");
        TextField name = new TextField("Repository name");
        name.setId("repository-name");
        TextField description = new TextField("Description");
        TextField path = new TextField("Path of the git repository on the server");
        path.setId("repository-path");
        path.setWidthFull();
        FormLayout form = new FormLayout(product, name, description, path);
        form.setColspan(path, 2);
        dialog.add(form, new Paragraph("The path must be a git repository (bare or not) readable by the server."));
        Button save = new Button("Register", event -> {
            if (product.getValue() == null) {
                product.setErrorMessage("Choose the product.");
                product.setInvalid(true);
                return;
            }
            Path location;
            try {
                location = Path.of(path.getValue().strip());
                inspector.refs(location);
            } catch (InvalidPathException | RepositoryInspector.InvalidRepositoryException e) {
                path.setErrorMessage(e.getMessage());
                path.setInvalid(true);
                return;
            }
            if (Notices.attempt(() -> catalog.registerRepository(
                    product.getValue().id(), name.getValue().strip(), description.getValue(), location))) {
                dialog.close();
                Notices.success("Repository " + name.getValue().strip() + " registered.");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("repository-save");
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }
}
