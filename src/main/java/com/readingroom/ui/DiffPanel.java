package com.readingroom.ui;

import com.readingroom.source.CommitDiff;
import com.readingroom.source.FileDiff;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

/** The files of a diff, with a switch between unified and side-by-side. Shared by the commit and compare pages. */
final class DiffPanel extends Div {

    DiffPanel(CommitDiff diff, String revisionForFiles) {
        setId("diff");
        setWidthFull();
        RadioButtonGroup<String> layout = new RadioButtonGroup<>();
        layout.setId("diff-layout");
        layout.setItems("Unified", "Side by side");
        layout.setValue("Unified");
        Div files = new Div();
        files.setWidthFull();
        render(files, diff, revisionForFiles, false);
        layout.addValueChangeListener(
                change -> render(files, diff, revisionForFiles, "Side by side".equals(change.getValue())));
        Span count = new Span(diff.files().size() + (diff.files().size() == 1 ? " file changed" : " files changed"));
        count.addClassName("rr-muted");
        add(layout, count, files);
    }

    private static void render(Div files, CommitDiff diff, String revision, boolean sideBySide) {
        files.removeAll();
        if (diff.files().isEmpty()) {
            files.add(new Span("No changes to files you may read."));
        }
        for (FileDiff file : diff.files()) {
            Div block = new Div();
            block.addClassName("rr-diff-file");
            block.getElement().setAttribute("data-path", file.path());
            H4 title = new H4();
            title.add(new Span(label(file) + " "));
            if (file.change() != FileDiff.Change.DELETED) {
                title.add(SourceLinks.file(file.path(), diff.repository(), revision, file.path()));
            } else {
                title.add(new Span(file.path()));
            }
            block.add(title);
            if (file.binary()) {
                block.add(new Span("Binary file or submodule: no lines to show."));
            } else {
                block.add(new Html(sideBySide ? DiffHtml.sideBySide(file) : DiffHtml.unified(file)));
            }
            if (file.truncated()) {
                Span cut = new Span("This diff is long; only its first part is shown.");
                cut.addClassName("rr-muted");
                block.add(cut);
            }
            files.add(block);
        }
    }

    private static String label(FileDiff file) {
        return switch (file.change()) {
            case ADDED -> "Added";
            case DELETED -> "Deleted";
            case MODIFIED -> "Modified";
            case RENAMED -> "Renamed from " + file.oldPath() + " to";
            case COPIED -> "Copied from " + file.oldPath() + " to";
        };
    }
}
