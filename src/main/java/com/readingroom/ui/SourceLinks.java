package com.readingroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Links between the source pages; revisions and paths travel as query parameters (refs hold slashes). */
final class SourceLinks {

    private SourceLinks() {}

    static RouterLink tree(String text, String repository, String revision, String path) {
        return link(text, TreeView.class, repository, query("rev", revision, "path", path));
    }

    static RouterLink file(String text, String repository, String revision, String path) {
        return link(text, FileView.class, repository, query("rev", revision, "path", path));
    }

    static RouterLink history(String text, String repository, String revision, String path) {
        return link(text, HistoryView.class, repository, query("rev", revision, "path", path));
    }

    static RouterLink blame(String text, String repository, String revision, String path) {
        return link(text, BlameView.class, repository, query("rev", revision, "path", path));
    }

    static RouterLink compare(String text, String repository, String from, String to) {
        return link(text, CompareView.class, repository, query("from", from, "to", to));
    }

    static RouterLink commit(String text, String repository, String commitId) {
        return new RouterLink(
                text, CommitView.class, new RouteParameters(Map.of("repository", repository, "commit", commitId)));
    }

    /** The address of a commit page, for links inside server-built HTML (diffs, blame). */
    static String commitHref(String repository, String commitId) {
        return "commit/" + encodeSegment(repository) + "/" + commitId;
    }

    static String fileHref(String repository, String revision, String path, String lines) {
        QueryParameters query = lines == null
                ? query("rev", revision, "path", path)
                : query("rev", revision, "path", path, "lines", lines);
        return "file/" + encodeSegment(repository) + "?" + query.getQueryString();
    }

    private static RouterLink link(
            String text, Class<? extends Component> view, String repository, QueryParameters query) {
        RouterLink link = new RouterLink(text, view, new RouteParameters("repository", repository));
        link.setQueryParameters(query);
        return link;
    }

    static QueryParameters query(String... namesAndValues) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isEmpty()) {
                values.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
            }
        }
        return new QueryParameters(values);
    }

    private static String encodeSegment(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
