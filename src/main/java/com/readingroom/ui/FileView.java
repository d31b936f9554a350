package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.FileContent;
import com.readingroom.source.RepoPath;
import com.readingroom.source.ReviewerNote;
import com.readingroom.source.ReviewerNotes;
import com.readingroom.source.SourceReader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/**
 * One file at a granted ref or commit: highlighted, numbered lines; a permalink to the commit and selected lines
 * that survives sign-in; go to line; find in file; history and blame; the agency's notes on it.
 */
@Route("file/:repository")
@PageTitle("File · Reading Room")
@RolesAllowed(Role.REVIEWER_NAME)
public class FileView extends SourceView {

    private final ReviewerNotes notes;
    private int selectedFrom;
    private int selectedTo;

    public FileView(
            SourceReader reader, CurrentPerson currentPerson, Agencies agencies, Clock clock, ReviewerNotes notes) {
        super(reader, currentPerson, agencies, clock);
        this.notes = notes;
    }

    @Override
    void show(Person person, String repository, QueryParameters query, BeforeEnterEvent event) {
        String revision = revisionOr(person, repository, query);
        String path =
                first(query, "path").orElseThrow(() -> new IllegalArgumentException("Which file? No path was given."));
        String lines = first(query, "lines").orElse(null);
        FileContent file = reader.file(person, new RepoPath(repository, revision, path));
        String shownPath = file.at().path();
        String name = shownPath.substring(shownPath.lastIndexOf('/') + 1);

        add(new H2(name));
        add(Breadcrumb.of(repository, revision, shownPath, true));
        add(meta(file));
        add(actions(repository, revision, file, lines));

        switch (file.kind()) {
            case BINARY ->
                add(notice(
                        "binary-notice",
                        "This is a binary file (" + Formats.bytes(file.size()) + "). Binary files are not shown."));
            case SYMLINK ->
                add(notice("symlink-notice", "Symbolic link to " + file.text() + ". Links are shown, never followed."));
            case SUBMODULE -> add(notice("submodule-notice", "Submodule pinned at commit " + file.text() + "."));
            case TEXT -> {
                if (file.truncated()) {
                    add(notice(
                            "truncated-notice",
                            "This file is " + Formats.bytes(file.size()) + "; only its first " + file.lines()
                                    + " lines are shown."));
                }
                selectedFrom = 0;
                selectedTo = 0;
                add(new CodeBlock(file.text(), file.language(), lines, (from, to) -> {
                    selectedFrom = from;
                    selectedTo = to;
                }));
                add(notesPanel(person, repository, file));
            }
        }
    }

    private static Div meta(FileContent file) {
        Div meta = new Div();
        meta.setId("file-meta");
        meta.addClassName("rr-muted");
        String text = Breadcrumb.describe(file.ref()) + " · commit "
                + file.commitId().substring(0, 10) + " · " + Formats.bytes(file.size());
        if (file.kind() == FileContent.Kind.TEXT) {
            text += " · " + file.lines() + " lines · " + file.language() + " · " + file.charset();
        }
        meta.setText(text);
        return meta;
    }

    private HorizontalLayout actions(String repository, String revision, FileContent file, String lines) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setWidthFull();
        actions.getStyle().set("flex-wrap", "wrap");
        Anchor permalink = new Anchor(
                SourceLinks.fileHref(repository, file.commitId(), file.at().path(), lines), "Permalink");
        permalink.setId("permalink");
        permalink.getElement().setAttribute("title", "This file at commit " + file.commitId());
        actions.add(permalink);
        actions.add(
                SourceLinks.history("History", repository, revision, file.at().path()));
        if (file.kind() == FileContent.Kind.TEXT) {
            actions.add(
                    SourceLinks.blame("Blame", repository, revision, file.at().path()));
            IntegerField line = new IntegerField();
            line.setId("go-to-line");
            line.setPlaceholder("Line");
            line.setMin(1);
            line.setMax(Math.max(1, file.lines()));
            line.setWidth("7em");
            Button go = new Button("Go to line", click -> {
                if (line.getValue() != null) {
                    code().ifPresent(code -> code.goTo(line.getValue()));
                }
            });
            go.setId("go-to-line-button");
            TextField find = new TextField();
            find.setId("find-in-file");
            find.setPlaceholder("Find in file");
            Span found = new Span();
            found.setId("find-count");
            found.addClassName("rr-muted");
            Button search = new Button(
                    "Find",
                    click -> code().ifPresent(code -> code.getElement()
                            .executeJs("return window.readingRoom.find(this, $0)", find.getValue())
                            .then(Integer.class, hits -> found.setText(hits + (hits == 1 ? " line" : " lines")))));
            search.setId("find-button");
            find.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, enter -> search.click());
            actions.add(line, go, find, search, found);
        }
        return actions;
    }

    private java.util.Optional<CodeBlock> code() {
        return getChildren()
                .filter(CodeBlock.class::isInstance)
                .map(CodeBlock.class::cast)
                .findFirst();
    }

    private Div notesPanel(Person person, String repository, FileContent file) {
        Div panel = new Div();
        panel.setId("notes");
        panel.addClassName("rr-card");
        panel.setWidthFull();
        panel.add(new H3("Notes of your agency"));
        List<ReviewerNote> existing = notes.on(person, repository, file.at().path());
        if (existing.isEmpty()) {
            panel.add(new Paragraph("No notes on this file yet."));
        }
        for (ReviewerNote note : existing) {
            Div item = new Div();
            item.addClassName("rr-note");
            Anchor where = new Anchor(
                    SourceLinks.fileHref(repository, note.commitId(), note.path(), note.lines()),
                    "Lines " + note.lines() + " at " + note.commitId().substring(0, 10));
            Span who = new Span(" — " + note.author() + ", " + Formats.dateTime(note.created()));
            who.addClassName("rr-muted");
            Paragraph body = new Paragraph(note.body());
            body.getStyle().set("white-space", "pre-wrap").set("margin", "0 0 var(--lumo-space-s) 0");
            item.add(where, who, body);
            panel.add(item);
        }
        Button add = new Button("Add a note", click -> noteDialog(person, repository, file));
        add.setId("add-note");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Span hint = new Span(" Click a line number (shift-click for a range) to choose the lines.");
        hint.addClassName("rr-muted");
        panel.add(add, hint);
        return panel;
    }

    private void noteDialog(Person person, String repository, FileContent file) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Note on " + file.at().path());
        IntegerField from = new IntegerField("From line");
        IntegerField to = new IntegerField("To line");
        from.setValue(selectedFrom > 0 ? selectedFrom : 1);
        to.setValue(selectedTo > 0 ? selectedTo : from.getValue());
        from.setId("note-from");
        to.setId("note-to");
        TextArea body = new TextArea("Note");
        body.setId("note-body");
        body.setMaxLength(4000);
        body.setWidthFull();
        Paragraph privacy = new Paragraph("Only reviewers of your agency see notes. They never leave Reading Room.");
        privacy.addClassName("rr-muted");
        dialog.add(new HorizontalLayout(from, to), body, privacy);
        Button save = new Button("Save note", click -> {
            boolean saved = Notices.attempt(() -> notes.add(
                    person,
                    new RepoPath(repository, file.commitId(), file.at().path()),
                    from.getValue() == null ? 0 : from.getValue(),
                    to.getValue() == null ? 0 : to.getValue(),
                    body.getValue()));
            if (saved) {
                dialog.close();
                Notices.success("Note saved.");
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        save.setId("save-note");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static Div notice(String id, String text) {
        Div notice = new Div();
        notice.setId(id);
        notice.addClassName("rr-notice");
        notice.setText(text);
        return notice;
    }
}
