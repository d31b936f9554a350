package com.readingroom.ui;

import com.readingroom.identity.Role;
import com.readingroom.search.IndexStatus;
import com.readingroom.search.SearchIndex;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * The code index per repository: which refs it holds, how many files, when it was last brought up to date, and a
 * progress bar while an update runs. Program managers can ask for an update now; auditors see the same screen.
 * Shows names and counts only, never source.
 */
@Route("search-index")
@PageTitle("Search index · Reading Room")
@Menu(order = 16, title = "Search index", icon = "vaadin:search-plus")
@RolesAllowed({Role.PROGRAM_MANAGER_NAME, Role.AUDITOR_NAME})
public class SearchIndexView extends VerticalLayout {

    private final SearchIndex index;
    private final Grid<IndexStatus> grid = new Grid<>();
    private com.vaadin.flow.shared.Registration polling;

    public SearchIndexView(SearchIndex index, AuthenticationContext authentication) {
        this.index = index;
        add(new H2("Search index"));
        Paragraph intro = new Paragraph("Every repository's default branch and tags are indexed; a file shared by"
                + " several releases is indexed once. New commits and tags are picked up on a schedule. What each"
                + " reviewer finds is limited to their grant when they search.");
        intro.addClassName("rr-muted");
        add(intro);
        if (authentication.hasRole(Role.PROGRAM_MANAGER.name())) {
            Button update = new Button("Update now", click -> {
                if (Notices.attempt(index::requestUpdate)) {
                    Notices.success("Every repository is being checked for new commits and tags.");
                    refresh();
                }
            });
            update.setId("index-update");
            update.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(update);
        }
        grid.setId("index-status");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(IndexStatus::repository).setHeader("Repository").setAutoWidth(true);
        grid.addColumn(IndexStatus::product).setHeader("Product").setAutoWidth(true);
        grid.addComponentColumn(SearchIndexView::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(status -> String.join(", ", status.refs()))
                .setHeader("Refs")
                .setFlexGrow(3);
        grid.addColumn(status -> String.format(Locale.ROOT, "%,d", status.files()))
                .setHeader("Files")
                .setAutoWidth(true);
        grid.addColumn(status -> status.lastUpdated() == null ? "never" : Formats.dateTime(status.lastUpdated()))
                .setHeader("Last update")
                .setAutoWidth(true);
        grid.addColumn(status -> status.lastDuration() == null
                        ? ""
                        : String.format(
                                Locale.ROOT, "%.1f s", status.lastDuration().toMillis() / 1000.0))
                .setHeader("Took")
                .setAutoWidth(true);
        grid.addColumn(status -> status.message() == null ? "" : status.message())
                .setHeader("Note")
                .setFlexGrow(2);
        add(grid);
        refresh();
    }

    private static Div state(IndexStatus status) {
        Div cell = new Div();
        cell.setId("index-state-" + status.repository());
        String label = switch (status.state()) {
            case NOT_INDEXED -> "Not indexed yet";
            case QUEUED -> "Queued";
            case INDEXING -> String.format(Locale.ROOT, "Indexing %,d of %,d files", status.done(), status.total());
            case UP_TO_DATE -> "Up to date";
            case FAILED -> "Failed";
        };
        cell.add(new Span(label));
        if (status.state() == IndexStatus.State.INDEXING) {
            ProgressBar bar = new ProgressBar(0, 1, status.progress());
            bar.setIndeterminate(status.total() == 0);
            bar.setWidth("12em");
            cell.add(bar);
        }
        return cell;
    }

    private void refresh() {
        List<IndexStatus> statuses = index.status();
        grid.setItems(statuses);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // While an update runs the bar moves: the page polls once a second and reads the progress again.
        event.getUI().setPollInterval(1000);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }
}
