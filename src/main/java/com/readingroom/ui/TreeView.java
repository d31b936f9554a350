package com.readingroom.ui;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.access.Agencies;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.FileContent;
import com.readingroom.source.RepoPath;
import com.readingroom.source.ReviewerNote;
import com.readingroom.source.ReviewerNotes;
import com.readingroom.source.SourceNotFoundException;
import com.readingroom.source.SourceReader;
import com.readingroom.source.SourceRef;
import com.readingroom.source.TreeEntry;
import com.readingroom.source.TreeListing;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A folder of a repository at a granted ref: ref picker, breadcrumb, entries (folders first), and its README. */
@Route("repo/:repository")
@PageTitle("Repository · Reading Room")
@RolesAllowed(Role.REVIEWER_NAME)
public class TreeView extends SourceView {

    private static final List<String> READMES = List.of("readme.md", "readme", "readme.txt");

    private final ReviewerNotes notes;

    public TreeView(
            SourceReader reader, CurrentPerson currentPerson, Agencies agencies, Clock clock, ReviewerNotes notes) {
        super(reader, currentPerson, agencies, clock);
        this.notes = notes;
    }

    @Override
    void show(Person person, String repository, QueryParameters query, BeforeEnterEvent event) {
        List<SourceRef> refs = reader.refs(person, repository);
        String revision = first(query, "rev").orElse(refs.getFirst().name());
        String path = first(query, "path").orElse("");
        TreeListing listing = reader.tree(person, new RepoPath(repository, revision, path));

        add(new H2(repository));
        HorizontalLayout header = new HorizontalLayout();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.add(refPicker(repository, refs, revision, listing.at().path()));
        header.add(Breadcrumb.of(repository, revision, listing.at().path(), false));
        add(header);

        HorizontalLayout actions = new HorizontalLayout();
        actions.add(SourceLinks.history(
                "History of this folder", repository, revision, listing.at().path()));
        if (refs.size() > 1) {
            SourceRef other = refs.stream()
                    .filter(ref -> !ref.name().equals(revision))
                    .findFirst()
                    .orElseThrow();
            actions.add(SourceLinks.compare("Compare refs", repository, other.name(), revision));
        }
        add(actions);

        if (listing.entries().isEmpty()) {
            add(new Span("This folder holds nothing you may read."));
        } else {
            add(entries(repository, revision, listing));
        }
        readme(person, repository, revision, listing).ifPresent(this::add);
        if (listing.at().path().isEmpty()) {
            notesOf(person, repository).ifPresent(this::add);
        }
    }

    /** The agency's notes in this repository, newest first, each a link to its lines. */
    private Optional<Div> notesOf(Person person, String repository) {
        List<ReviewerNote> all = notes.in(person, repository);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("repository-notes");
        box.addClassName("rr-card");
        box.add(new H3("Notes of your agency (" + all.size() + ")"));
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        for (ReviewerNote note : all.subList(0, Math.min(50, all.size()))) {
            com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem();
            item.add(new com.vaadin.flow.component.html.Anchor(
                    SourceLinks.fileHref(repository, note.commitId(), note.path(), note.lines()),
                    note.path() + " lines " + note.lines()));
            Span body = new Span(" — " + note.author() + ": " + abbreviate(note.body()));
            body.addClassName("rr-muted");
            item.add(body);
            list.add(item);
        }
        box.add(list);
        return Optional.of(box);
    }

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 120 ? line : line.substring(0, 117) + "…";
    }

    private static Select<String> refPicker(String repository, List<SourceRef> refs, String revision, String path) {
        Select<String> picker = CompareView.picker("ref-picker", "Branch or tag", refs, revision);
        picker.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                UI.getCurrent()
                        .navigate(
                                TreeView.class,
                                new RouteParameters("repository", repository),
                                SourceLinks.query("rev", change.getValue(), "path", path));
            }
        });
        return picker;
    }

    private static Grid<TreeEntry> entries(String repository, String revision, TreeListing listing) {
        Grid<TreeEntry> grid = new Grid<>();
        grid.setId("tree-entries");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(listing.entries().size() <= 200);
        if (listing.entries().size() > 200) {
            grid.setHeight("70vh");
        }
        grid.addComponentColumn(entry -> name(repository, revision, entry))
                .setHeader("Name")
                .setFlexGrow(4);
        grid.addColumn(TreeView::size).setHeader("Size").setFlexGrow(1);
        grid.addComponentColumn(entry -> lastChange(repository, entry))
                .setHeader("Last change")
                .setFlexGrow(4);
        grid.setItems(listing.entries());
        return grid;
    }

    private static com.vaadin.flow.component.Component name(String repository, String revision, TreeEntry entry) {
        Icon icon = switch (entry.kind()) {
            case DIRECTORY -> VaadinIcon.FOLDER.create();
            case SYMLINK -> VaadinIcon.LINK.create();
            case SUBMODULE -> VaadinIcon.CUBE.create();
            default -> VaadinIcon.FILE_TEXT_O.create();
        };
        icon.setSize("var(--lumo-icon-size-s)");
        icon.getStyle().set("margin-right", "var(--lumo-space-s)");
        Div cell = new Div(icon);
        cell.addClassName("rr-entry");
        cell.getElement().setAttribute("data-path", entry.path());
        switch (entry.kind()) {
            case DIRECTORY -> cell.add(SourceLinks.tree(entry.name(), repository, revision, entry.path()));
            case SUBMODULE -> cell.add(new Span(entry.name() + " → submodule at " + entry.target()));
            default -> {
                cell.add(SourceLinks.file(entry.name(), repository, revision, entry.path()));
                if (entry.kind() == TreeEntry.Kind.SYMLINK) {
                    cell.add(new Span(" → " + entry.target()));
                }
            }
        }
        return cell;
    }

    private static com.vaadin.flow.component.Component lastChange(String repository, TreeEntry entry) {
        if (entry.lastCommit() == null) {
            return new Span();
        }
        Div cell = new Div();
        cell.add(SourceLinks.commit(
                entry.lastCommit().subject(), repository, entry.lastCommit().id()));
        Span when = new Span(" · " + Formats.date(entry.lastCommit().authored()));
        when.addClassName("rr-muted");
        cell.add(when);
        cell.getStyle().set("white-space", "nowrap").set("overflow", "hidden").set("text-overflow", "ellipsis");
        return cell;
    }

    private static String size(TreeEntry entry) {
        return entry.size() < 0 ? "" : Formats.bytes(entry.size());
    }

    /** A README of the folder, when there is one the person may read: opened through the reader like any file. */
    private Optional<Div> readme(Person person, String repository, String revision, TreeListing listing) {
        Optional<TreeEntry> readme = listing.entries().stream()
                .filter(entry ->
                        !entry.isDirectory() && READMES.contains(entry.name().toLowerCase(Locale.ROOT)))
                .findFirst();
        if (readme.isEmpty()) {
            return Optional.empty();
        }
        FileContent content;
        try {
            content = reader.file(
                    person, new RepoPath(repository, revision, readme.get().path()));
        } catch (AccessDeniedException | SourceNotFoundException unreadable) {
            return Optional.empty();
        }
        if (content.kind() != FileContent.Kind.TEXT) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("readme");
        box.addClassNames("rr-card", "rr-readme");
        box.add(new H3(readme.get().name()));
        if (readme.get().name().toLowerCase(Locale.ROOT).endsWith(".md")) {
            box.add(new Html("<div>" + markdown(content.text()) + "</div>"));
        } else {
            box.add(new Pre(content.text()));
        }
        return Optional.of(box);
    }

    /** Raw HTML in the Markdown is escaped and unsafe link targets are dropped: a README is data, not markup. */
    static String markdown(String text) {
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer =
                HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
        return renderer.render(parser.parse(text));
    }
}
