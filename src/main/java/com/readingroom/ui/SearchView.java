package com.readingroom.ui;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.access.Agencies;
import com.readingroom.audit.AuditUnavailableException;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.search.CodeSearch;
import com.readingroom.search.SearchQueryException;
import com.readingroom.search.SearchRequest;
import com.readingroom.search.SearchResults;
import com.readingroom.search.SearchResults.FileHit;
import com.readingroom.search.SearchResults.HitLine;
import com.readingroom.source.SourceUnavailableException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Code search for reviewers: one box, a regular-expression switch, results grouped by file with their matching lines
 * highlighted, facets by repository and language, and each line a link that opens the file there through the
 * browsing choke point. The search lives in the address ({@code search?q=...}), so results can be bookmarked; each
 * visit searches again under the grant of that moment.
 */
@Route("search")
@PageTitle("Search · Reading Room")
@Menu(order = 2, title = "Search", icon = "vaadin:search")
@RolesAllowed(Role.REVIEWER_NAME)
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    private final CodeSearch search;
    private final CurrentPerson currentPerson;
    private final Agencies agencies;
    private final Clock clock;
    private final TextField box = new TextField();
    private final Checkbox regex = new Checkbox("Regular expression");
    private final Div results = new Div();

    public SearchView(CodeSearch search, CurrentPerson currentPerson, Agencies agencies, Clock clock) {
        this.search = search;
        this.currentPerson = currentPerson;
        this.agencies = agencies;
        this.clock = clock;
        setWidthFull();
        addClassName("rr-source-view");
        box.setId("search-box");
        box.setPlaceholder("mutex_lock, \"return -EINVAL\", def:kmalloc, path:drivers/net ring, kmem_cache_*");
        box.setWidthFull();
        box.setClearButtonVisible(true);
        box.addKeyPressListener(Key.ENTER, pressed -> go(request(0, null, null)));
        regex.setId("search-regex");
        results.setId("search-results");
        results.setWidthFull();
    }

    private SearchRequest request(int page, String repository, String language) {
        return new SearchRequest(
                box.getValue(),
                regex.getValue() ? SearchRequest.Mode.REGEX : SearchRequest.Mode.TEXT,
                repository,
                language,
                page);
    }

    private void go(SearchRequest request) {
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, parameters(request)));
    }

    static QueryParameters parameters(SearchRequest request) {
        return SourceLinks.query(
                "q",
                request.query(),
                "mode",
                request.mode() == SearchRequest.Mode.REGEX ? "regex" : null,
                "repo",
                request.repository(),
                "lang",
                request.language(),
                "page",
                request.page() > 0 ? String.valueOf(request.page() + 1) : null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Person person = currentPerson.require();
        add(Watermark.of(person, agencies, clock.instant()));
        add(new H2("Search"));
        Button searchButton = new Button("Search", click -> go(request(0, null, null)));
        searchButton.setId("search-button");
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(box, regex, searchButton);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setFlexGrow(1, box);
        add(bar);
        Paragraph help = new Paragraph("Words match identifiers and their parts (spin finds spin_lock_irqsave). Use"
                + " \"quotes\" for a phrase, AND / OR / NOT, * as a wildcard, and path:, file:, lang:, repo:,"
                + " product:, ref:, def: (definitions), sym: (exact identifier), hist: (commit messages). Every search"
                + " is recorded, with the files whose lines are shown.");
        help.addClassName("rr-muted");
        add(help);
        results.removeAll();
        add(results);
        QueryParameters query = event.getLocation().getQueryParameters();
        Optional<String> text = first(query, "q");
        if (text.isEmpty()) {
            return;
        }
        box.setValue(text.get());
        regex.setValue(first(query, "mode").filter("regex"::equals).isPresent());
        int page =
                first(query, "page").flatMap(SearchView::number).map(n -> n - 1).orElse(0);
        SearchRequest request = request(
                page, first(query, "repo").orElse(null), first(query, "lang").orElse(null));
        try {
            show(search.search(person, request));
        } catch (SearchQueryException malformed) {
            message("search-error", "The query cannot be run", malformed.getMessage());
        } catch (AccessDeniedException refused) {
            message("search-refused", "Not available", refused.getMessage() + " This refusal has been recorded.");
        } catch (AuditUnavailableException | SourceUnavailableException unavailable) {
            message("search-unavailable", "Not shown", unavailable.getMessage());
        }
    }

    private static Optional<String> first(QueryParameters query, String name) {
        return query.getSingleParameter(name).filter(value -> !value.isBlank());
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Math.max(1, Integer.parseInt(text)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private void message(String id, String title, String text) {
        Div box = new Div();
        box.setId(id);
        box.addClassName("rr-card");
        box.add(new H2(title), new Paragraph(text));
        results.add(box);
    }

    private void show(SearchResults found) {
        SearchRequest request = found.request();
        long count = found.totalFiles();
        boolean commits = !found.commits().isEmpty();
        String noun = commits ? "commit" : "file";
        Paragraph summary = new Paragraph(
                count == 0
                        ? "Nothing found."
                        : (found.exact()
                                        ? count + " " + noun + (count == 1 ? "" : "s")
                                        : "More than " + count + " " + noun + "s")
                                + " found"
                                + (request.repository() == null ? "" : " in " + request.repository())
                                + (request.language() == null ? "" : " in " + request.language())
                                + ".");
        summary.setId("search-summary");
        results.add(summary);
        if (!found.suggestions().isEmpty()) {
            Div suggestions = new Div(new Span("Definitions starting with that: "));
            suggestions.setId("search-suggestions");
            for (String name : found.suggestions()) {
                Button suggestion = new Button(name, click -> {
                    box.setValue("def:" + name);
                    go(request(0, null, null));
                });
                suggestion.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                suggestions.add(suggestion);
            }
            results.add(suggestions);
        }
        facets(found);
        for (FileHit hit : found.files()) {
            results.add(fileCard(hit));
        }
        for (SearchResults.CommitHit hit : found.commits()) {
            Div card = new Div();
            card.addClassName("rr-card");
            card.addClassName("rr-hit");
            Anchor link = new Anchor(
                    SourceLinks.commitHref(hit.repository(), hit.id()),
                    hit.repository() + " " + hit.id().substring(0, 10));
            card.add(new Div(link, muted(" " + hit.author() + " · " + Formats.dateTime(hit.committed()))));
            card.add(lines(hit.lines(), number -> null));
            results.add(card);
        }
        HorizontalLayout pages = new HorizontalLayout();
        if (request.page() > 0) {
            Button previous = new Button("Previous", click -> go(request.page(request.page() - 1)));
            previous.setId("search-previous");
            pages.add(previous);
        }
        if (found.hasNextPage() && !(found.files().isEmpty() && found.commits().isEmpty())) {
            Button next = new Button("Next", click -> go(request.page(request.page() + 1)));
            next.setId("search-next");
            pages.add(next);
        }
        results.add(pages);
    }

    private void facets(SearchResults found) {
        SearchRequest request = found.request();
        if (found.repositories().size() > 1 || request.repository() != null) {
            results.add(facet(
                    "Repository", "facet-repo", found.repositories(), request.repository(), request::inRepository));
        }
        if (found.languages().size() > 1 || request.language() != null) {
            results.add(facet("Language", "facet-lang", found.languages(), request.language(), request::inLanguage));
        }
    }

    private Div facet(
            String title,
            String id,
            List<SearchResults.Facet> values,
            String chosen,
            java.util.function.Function<String, SearchRequest> narrow) {
        Div facet = new Div(new Span(title + ": "));
        facet.setId(id);
        facet.addClassName("rr-facet");
        if (chosen != null) {
            Button all = new Button(chosen + " ✕", click -> go(narrow.apply(null)));
            all.addThemeVariants(ButtonVariant.LUMO_SMALL);
            facet.add(all);
            return facet;
        }
        for (SearchResults.Facet value : values) {
            Button narrowTo =
                    new Button(value.value() + " (" + value.count() + ")", click -> go(narrow.apply(value.value())));
            narrowTo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            facet.add(narrowTo);
        }
        return facet;
    }

    private Div fileCard(FileHit hit) {
        Div card = new Div();
        card.addClassName("rr-card");
        card.addClassName("rr-hit");
        int line = hit.firstMatch();
        Anchor title = new Anchor(href(hit, line), hit.repository() + " / " + hit.path());
        title.addClassName("rr-hit-file");
        card.add(new Div(
                title,
                muted(" " + hit.language() + " · " + String.join(", ", hit.refs())
                        + (hit.moreLines()
                                ? " · more than " + hit.matchingLines() + " matching lines"
                                : hit.matchingLines() > 0
                                        ? " · " + hit.matchingLines() + " matching line"
                                                + (hit.matchingLines() == 1 ? "" : "s")
                                        : ""))));
        if (!hit.lines().isEmpty()) {
            card.add(lines(hit.lines(), number -> href(hit, number)));
        }
        return card;
    }

    private static String href(FileHit hit, int line) {
        String href =
                SourceLinks.fileHref(hit.repository(), hit.ref(), hit.path(), line > 0 ? String.valueOf(line) : null);
        return line > 0 ? href + "#L" + line : href;
    }

    private static Div lines(List<HitLine> lines, java.util.function.IntFunction<String> link) {
        Div code = new Div();
        code.addClassName("rr-code");
        code.addClassName("rr-snippet");
        int previous = -1;
        for (HitLine line : lines) {
            if (previous > 0 && line.number() > previous + 1) {
                Div gap = new Div(new Span("…"));
                gap.addClassName("rr-gap");
                code.add(gap);
            }
            previous = line.number();
            Div row = new Div();
            row.addClassName("rr-line");
            if (line.match()) {
                row.addClassName("rr-match");
            }
            String target = link.apply(line.number());
            Span number;
            if (target != null) {
                Anchor anchor = new Anchor(target, String.valueOf(line.number()));
                number = new Span(anchor);
            } else {
                number = new Span(String.valueOf(line.number()));
            }
            number.addClassName("rr-ln");
            Span text = new Span();
            text.addClassName("rr-lc");
            int at = 0;
            for (SearchResults.Range range : line.highlights()) {
                int start = Math.max(at, Math.min(range.start(), line.text().length()));
                int end = Math.min(range.end(), line.text().length());
                if (start > at) {
                    text.add(new Span(line.text().substring(at, start)));
                }
                if (end > start) {
                    Span mark = new Span(line.text().substring(start, end));
                    mark.addClassName("rr-mark");
                    text.add(mark);
                }
                at = Math.max(at, end);
            }
            if (at < line.text().length()) {
                text.add(new Span(line.text().substring(at)));
            }
            row.add(number, text);
            code.add(row);
        }
        return code;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("rr-muted");
        return span;
    }
}
