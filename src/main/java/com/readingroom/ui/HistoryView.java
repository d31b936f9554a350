package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.CommitSummary;
import com.readingroom.source.HistoryPage;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceReader;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The commits that touched a file or folder (and something the person may read), newest first, a page at a time. */
@Route("history/:repository")
@PageTitle("History · Reading Room")
@RolesAllowed(Role.REVIEWER_NAME)
public class HistoryView extends SourceView {

    static final int PAGE = 50;

    public HistoryView(SourceReader reader, CurrentPerson currentPerson, Agencies agencies, Clock clock) {
        super(reader, currentPerson, agencies, clock);
    }

    @Override
    void show(Person person, String repository, QueryParameters query, BeforeEnterEvent event) {
        String revision = revisionOr(person, repository, query);
        String path = first(query, "path").orElse("");
        int page = first(query, "page").map(HistoryView::pageNumber).orElse(0);
        HistoryPage history = reader.history(person, new RepoPath(repository, revision, path), page * PAGE, PAGE);

        add(new H2("History of "
                + (history.at().path().isEmpty() ? repository : history.at().path())));
        add(Breadcrumb.of(repository, revision, history.at().path(), false));

        Grid<CommitSummary> commits = new Grid<>();
        commits.setId("history");
        commits.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        commits.setAllRowsVisible(true);
        commits.addComponentColumn(commit -> SourceLinks.commit(commit.shortId(), repository, commit.id()))
                .setHeader("Commit")
                .setAutoWidth(true)
                .setFlexGrow(0);
        commits.addColumn(CommitSummary::subject).setHeader("Message").setFlexGrow(3);
        commits.addColumn(CommitSummary::author).setHeader("Author").setAutoWidth(true);
        commits.addColumn(commit -> Formats.dateTime(commit.authored()))
                .setHeader("Date")
                .setAutoWidth(true);
        commits.setItems(history.commits());
        add(commits);

        HorizontalLayout pages = new HorizontalLayout();
        if (page > 0) {
            pages.add(pageLink("Newer", repository, revision, history.at().path(), page - 1));
        }
        Span where = new Span("Page " + (page + 1));
        where.addClassName("rr-muted");
        pages.add(where);
        if (history.hasMore()) {
            pages.add(pageLink("Older", repository, revision, history.at().path(), page + 1));
        }
        add(pages);
    }

    private static RouterLink pageLink(String text, String repository, String revision, String path, int page) {
        RouterLink link = SourceLinks.history(text, repository, revision, path);
        link.setQueryParameters(SourceLinks.query("rev", revision, "path", path, "page", String.valueOf(page)));
        link.setId("history-" + text.toLowerCase(java.util.Locale.ROOT));
        return link;
    }

    private static int pageNumber(String text) {
        try {
            int page = Integer.parseInt(text);
            if (page < 0 || page > 100_000) {
                throw new IllegalArgumentException("There is no history page " + text + ".");
            }
            return page;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a page number.", e);
        }
    }
}
