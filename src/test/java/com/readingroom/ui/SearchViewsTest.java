package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.readingroom.search.IndexStatus;
import com.readingroom.search.SearchIndex;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search page and the index status page, browserless, on the demo data. Shares the default context of the
 * browserless UI tests: a context started between two of theirs would install its own Vaadin security-context
 * strategy, which is process-wide, under the others.
 */
class SearchViewsTest extends KaribuViewTest {

    @Autowired
    SearchIndex index;

    @BeforeEach
    void indexed() {
        assertThat(index.awaitIdle(Duration.ofMinutes(2))).isTrue();
    }

    private static void search(String query, String... more) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        parameters.put("q", List.of(query));
        for (int i = 0; i + 1 < more.length; i += 2) {
            parameters.put(more[i], List.of(more[i + 1]));
        }
        UI.getCurrent().navigate(SearchView.class, new QueryParameters(parameters));
    }

    @Test
    void aReviewerSeesFilesWithHighlightedLinesThatOpenTheFileThereUnderTheWatermark() {
        signInAs("nato.reviewer");
        search("KeWaitForSingleObject");

        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText())
                .contains("files found");
        List<Span> marks = _find(Span.class, spec -> spec.withClasses("rr-mark"));
        assertThat(marks).isNotEmpty().allMatch(mark -> mark.getText().equals("KeWaitForSingleObject"));
        List<Anchor> lineLinks = _find(Anchor.class).stream()
                .filter(anchor ->
                        anchor.getHref().startsWith("file/") && anchor.getHref().contains("#L"))
                .toList();
        assertThat(lineLinks).isNotEmpty();
        assertThat(lineLinks.getFirst().getHref()).containsPattern("lines=\\d+#L\\d+");
        assertThat(_get(Div.class, spec -> spec.withId("watermark"))
                        .getElement()
                        .getAttribute("data-text"))
                .contains("nato.reviewer");
    }

    @Test
    void aFacetNarrowsTheSearchToOneRepository() {
        signInAs("nato.reviewer");
        search("main");
        Div facet = _get(Div.class, spec -> spec.withId("facet-repo"));
        Button kernel = _find(facet, Button.class).stream()
                .filter(button -> button.getText().startsWith("windows-kernel"))
                .findFirst()
                .orElseThrow();
        ButtonKt._click(kernel);
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText())
                .contains("in windows-kernel");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("rr-hit-file")))
                .isNotEmpty()
                .allMatch(anchor -> anchor.getText().startsWith("windows-kernel / "));
    }

    @Test
    void aMalformedQueryIsExplainedOnThePage() {
        signInAs("nato.reviewer");
        search("(KeBugCheck OR");
        assertThat(_get(Div.class, spec -> spec.withId("search-error"))
                        .getElement()
                        .getTextRecursively())
                .contains("needs something after it");
        search("Ke(Bug", "mode", "regex");
        assertThat(_get(Div.class, spec -> spec.withId("search-error"))
                        .getElement()
                        .getTextRecursively())
                .contains("The regular expression is not valid at column");
    }

    @Test
    void aWordOfAProductNotGrantedShowsNothing() {
        signInAs("cyber.reviewer");
        search("KeBugCheck");
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-summary")).getText())
                .isEqualTo("Nothing found.");
        assertThat(_find(Span.class, spec -> spec.withClasses("rr-mark"))).isEmpty();
    }

    @Test
    void programManagersSeeTheIndexOfEveryRepositoryAndMayUpdateItAuditorsOnlySeeIt() {
        signInAs("pm");
        UI.getCurrent().navigate(SearchIndexView.class);
        @SuppressWarnings("unchecked")
        Grid<IndexStatus> grid = _get(Grid.class, spec -> spec.withId("index-status"));
        assertThat(GridKt._findAll(grid)).extracting(IndexStatus::repository).contains("windows-kernel", "office-word");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("index-update")));
        assertThat(index.awaitIdle(Duration.ofMinutes(1))).isTrue();

        signInAs("auditor");
        UI.getCurrent().navigate(SearchIndexView.class);
        assertThat(_find(Button.class, spec -> spec.withId("index-update"))).isEmpty();
        assertThat(_find(Grid.class, spec -> spec.withId("index-status"))).hasSize(1);
    }
}
