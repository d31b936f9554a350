package com.readingroom.ui;

import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.NewScope;
import com.readingroom.access.PathGlob;
import com.readingroom.access.Product;
import com.readingroom.access.Scope;
import com.readingroom.access.ScopeRules;
import com.readingroom.source.RepositoryInspector;
import com.readingroom.source.RepositoryInspector.RefInfo;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Predicate;

/**
 * Adds or edits one scope, with a live preview of what it grants: "this scope grants N of M files in repository X at
 * ref Y", counted with the same rules the access policy decides with.
 */
class ScopeDialog extends Dialog {

    /** What the dialog hands back when the program manager saves. */
    interface Save {
        boolean save(NewScope scope);
    }

    private final RepositoryInspector inspector;
    private final Select<Product> product = new Select<>();
    private final TextArea includes = new TextArea("Include paths (one glob per line; empty = whole product)");
    private final TextArea excludes = new TextArea("Exclude paths (one glob per line; excludes always win)");
    private final TextArea refs = new TextArea("Refs (one pattern per line; empty = every branch and tag)");
    private final DatePicker validFrom = Formats.datePicker("Scope valid from (optional, UTC)", null);
    private final DatePicker validUntil = Formats.datePicker("Scope valid until (optional, UTC)", null);
    private final Select<HostedRepository> previewRepository = new Select<>();
    private final Select<String> previewRef = new Select<>();
    private final Span preview = new Span();

    ScopeDialog(Catalog catalog, RepositoryInspector inspector, Scope existing, Save onSave) {
        this.inspector = inspector;
        setHeaderTitle(existing == null ? "Add a scope" : "Edit scope " + existing.id());
        setWidth("46rem");

        List<Product> products = catalog.products();
        product.setLabel("Product");
        product.setItems(products);
        product.setItemLabelGenerator(Product::name);
        product.setId("scope-product");
        includes.setId("scope-includes");
        excludes.setId("scope-excludes");
        refs.setId("scope-refs");
        for (TextArea patterns : List.of(includes, excludes, refs)) {
            // Live preview: re-count shortly after typing stops, not only when the field loses focus.
            patterns.setValueChangeMode(ValueChangeMode.LAZY);
        }
        includes.setPlaceholder("office-word/src/**");
        excludes.setPlaceholder("**/*.pfx");
        refs.setPlaceholder("refs/tags/release/*");
        if (existing != null) {
            products.stream()
                    .filter(candidate -> candidate.id() == existing.productId())
                    .findFirst()
                    .ifPresent(product::setValue);
            includes.setValue(String.join("\n", existing.includePaths()));
            excludes.setValue(String.join("\n", existing.excludePaths()));
            refs.setValue(String.join("\n", existing.refPatterns()));
            validFrom.setValue(Formats.day(existing.validFrom()));
            validUntil.setValue(Formats.day(existing.validUntil()));
        }

        previewRepository.setLabel("Preview in repository");
        previewRepository.setItemLabelGenerator(HostedRepository::name);
        previewRef.setLabel("at ref");
        preview.setId("scope-preview");
        preview.addClassName("rr-muted");

        product.addValueChangeListener(event -> productChanged());
        previewRepository.addValueChangeListener(event -> repositoryChanged());
        previewRef.addValueChangeListener(event -> updatePreview());
        includes.addValueChangeListener(event -> updatePreview());
        excludes.addValueChangeListener(event -> updatePreview());
        refs.addValueChangeListener(event -> updatePreview());
        productChanged();

        FormLayout form = new FormLayout(product, includes, excludes, refs, validFrom, validUntil);
        form.setColspan(product, 2);
        form.setColspan(includes, 2);
        form.setColspan(excludes, 2);
        form.setColspan(refs, 2);
        add(form, new HorizontalLayout(previewRepository, previewRef), preview);

        Button save = new Button("Save scope", event -> {
            NewScope scope = toScope();
            if (scope != null && onSave.save(scope)) {
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("scope-save");
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    private void productChanged() {
        Product selected = product.getValue();
        previewRepository.setItems(selected == null ? List.of() : selected.repositories());
        if (selected != null && !selected.repositories().isEmpty()) {
            previewRepository.setValue(selected.repositories().getFirst());
        }
        updatePreview();
    }

    private void repositoryChanged() {
        HostedRepository repository = previewRepository.getValue();
        if (repository == null) {
            previewRef.setItems(List.of());
            return;
        }
        try {
            List<String> names = inspector.refs(repository.storagePath()).stream()
                    .map(RefInfo::name)
                    .toList();
            previewRef.setItems(names);
            previewRef.setValue(names.contains("refs/heads/main") ? "refs/heads/main" : names.getFirst());
        } catch (RepositoryInspector.InvalidRepositoryException e) {
            preview.setText(e.getMessage());
        }
        updatePreview();
    }

    private void updatePreview() {
        List<String> include = valid(includes);
        List<String> exclude = valid(excludes);
        List<String> refPatterns = valid(refs);
        HostedRepository repository = previewRepository.getValue();
        String ref = previewRef.getValue();
        if (include == null || exclude == null || refPatterns == null) {
            preview.setText("Fix the patterns marked above to see what this scope grants.");
            return;
        }
        if (repository == null || ref == null) {
            preview.setText("Choose a product to see what this scope grants.");
            return;
        }
        if (!ScopeRules.grantsRef(refPatterns, ref)) {
            preview.setText("This scope grants nothing at " + ref + ": the ref does not match its ref patterns.");
            return;
        }
        Predicate<String> granted = path -> ScopeRules.grantsFile(include, exclude, repository.name() + "/" + path);
        try {
            RepositoryInspector.FileCount count = inspector.countFiles(repository.storagePath(), ref, granted);
            preview.setText("This scope grants " + count.matching() + " of " + count.total() + " files in repository "
                    + repository.name() + " at " + ref + ".");
        } catch (RepositoryInspector.InvalidRepositoryException e) {
            preview.setText(e.getMessage());
        }
    }

    /** The patterns of a field, or {@code null} (with the field marked) when one does not compile. */
    private static List<String> valid(TextArea field) {
        List<String> patterns = Formats.lines(field.getValue());
        for (String pattern : patterns) {
            try {
                PathGlob.compile(pattern);
            } catch (IllegalArgumentException e) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
                return null;
            }
        }
        field.setInvalid(false);
        return patterns;
    }

    private NewScope toScope() {
        if (product.getValue() == null) {
            product.setErrorMessage("Choose the product this scope grants.");
            product.setInvalid(true);
            return null;
        }
        List<String> include = valid(includes);
        List<String> exclude = valid(excludes);
        List<String> refPatterns = valid(refs);
        if (include == null || exclude == null || refPatterns == null) {
            return null;
        }
        return new NewScope(
                product.getValue().id(),
                include,
                exclude,
                refPatterns,
                Formats.startOf(validFrom.getValue()),
                Formats.startOf(validUntil.getValue()));
    }
}
