package com.readingroom.ui;

import com.readingroom.source.SourceRef;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** {@code repository / folder / folder / file}, each part but the last a link to its folder. */
final class Breadcrumb {

    private Breadcrumb() {}

    static Div of(String repository, String revision, String path, boolean lastIsFile) {
        Div crumbs = new Div();
        crumbs.setId("breadcrumb");
        crumbs.addClassName("rr-breadcrumb");
        crumbs.add(SourceLinks.tree(repository, repository, revision, ""));
        if (!path.isEmpty()) {
            String[] parts = path.split("/");
            StringBuilder sofar = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                sofar.append(i == 0 ? "" : "/").append(parts[i]);
                crumbs.add(separator());
                if (i == parts.length - 1) {
                    Span last = new Span(parts[i]);
                    last.getStyle().set("font-weight", "600");
                    crumbs.add(last);
                } else {
                    crumbs.add(SourceLinks.tree(parts[i], repository, revision, sofar.toString()));
                }
            }
        }
        Span at = new Span(" at " + describe(revision));
        at.addClassName("rr-muted");
        crumbs.add(at);
        return crumbs;
    }

    static String describe(String revision) {
        if (revision != null && revision.matches("[0-9a-f]{40}")) {
            return "commit " + revision.substring(0, 10);
        }
        return revision == null ? "" : SourceRef.shortName(revision);
    }

    private static Span separator() {
        Span separator = new Span("/");
        separator.addClassName("rr-sep");
        return separator;
    }
}
