package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.readingroom.access.Product;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditEntry;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLogViewTest extends KaribuViewTest {

    @Test
    void anAuditorFiltersTheLogAndReadsAnEventsExactRecord() {
        signInAs("auditor");
        UI.getCurrent().navigate(AuditLogView.class);

        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-events"));
        assertThat(GridKt._size(grid)).isPositive();
        @SuppressWarnings("unchecked")
        Select<Product> product = _get(Select.class, spec -> spec.withId("filter-product"));
        Product first = product.getListDataView().getItems().findFirst().orElseThrow();
        product.setValue(first);
        List<String> repositories = first.repositories().stream()
                .map(repository -> "\"repository\":\"" + repository.name() + "\"")
                .toList();
        assertThat(GridKt._findAll(grid))
                .as("only events about the product's repositories")
                .allMatch(entry -> repositories.stream().anyMatch(entry.leaf()::contains));
        product.clear();
        @SuppressWarnings("unchecked")
        Select<AuditAction> action = _get(Select.class, spec -> spec.withId("filter-action"));
        action.setValue(AuditAction.AGREEMENT_ACTIVATED);

        List<AuditEntry> activations = GridKt._findAll(grid);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("time"), SortDirection.ASCENDING)));
        List<AuditEntry> oldestFirst = GridKt._findAll(grid);
        assertThat(oldestFirst.getFirst().seq())
                .isLessThan(oldestFirst.getLast().seq());
        assertThat(activations.getFirst().seq())
                .isGreaterThan(activations.getLast().seq());
        grid.sort(List.of());
        assertThat(activations).hasSizeGreaterThanOrEqualTo(3).allMatch(entry -> entry.action() == action.getValue());
        grid.select(activations.getFirst());
        assertThat(_get(Pre.class, spec -> spec.withId("event-leaf")).getText())
                .startsWith("{\"seq\":" + activations.getFirst().seq() + ",")
                .contains("\"action\":\"AGREEMENT_ACTIVATED\"");
        assertThat(_get(Paragraph.class, spec -> spec.withId("verifier-key")).getText())
                .matches("Log verifier key: readingroom\\.example/audit-log\\+[0-9a-f]{8}\\+\\S+");
        assertThat(_get(Anchor.class, spec -> spec.withId("export-bundle")).getHref())
                .isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId("export-csv")).getHref())
                .isNotBlank();
    }

    @Test
    void anAuditorVerifiesTheWholeLogWithProgress() throws InterruptedException {
        signInAs("auditor");
        UI.getCurrent().navigate(AuditLogView.class);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("verify-log")));
        Span result = _get(Span.class, spec -> spec.withId("verification-result"));
        for (int i = 0;
                i < 100
                        && !result.getText().startsWith("Intact")
                        && !result.getText().startsWith("NOT");
                i++) {
            Thread.sleep(100);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(result.getText()).startsWith("Intact:");
    }
}
