package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.Blame;
import com.readingroom.source.BlameLine;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceReader;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** A file's lines, each with the commit that last changed it (a link to that commit). */
@Route("blame/:repository")
@PageTitle("Blame · Reading Room")
@RolesAllowed(Role.REVIEWER_NAME)
public class BlameView extends SourceView {

    public BlameView(SourceReader reader, CurrentPerson currentPerson, Agencies agencies, Clock clock) {
        super(reader, currentPerson, agencies, clock);
    }

    @Override
    void show(Person person, String repository, QueryParameters query, BeforeEnterEvent event) {
        String revision = revisionOr(person, repository, query);
        String path =
                first(query, "path").orElseThrow(() -> new IllegalArgumentException("Which file? No path was given."));
        Blame blame = reader.blame(person, new RepoPath(repository, revision, path));
        add(new H2("Blame of " + blame.at().path()));
        add(Breadcrumb.of(repository, revision, blame.at().path(), true));
        add(SourceLinks.file(
                "Back to the file", repository, revision, blame.at().path()));
        add(new Html(table(repository, blame)));
    }

    static String table(String repository, Blame blame) {
        StringBuilder html = new StringBuilder("<div class=\"rr-blame\" id=\"blame\"><table>");
        String previous = null;
        for (BlameLine line : blame.lines()) {
            String commit = line.commit() == null ? null : line.commit().id();
            boolean first = commit != null && !commit.equals(previous);
            html.append(first ? "<tr class=\"rr-new-commit\">" : "<tr>");
            html.append("<td class=\"rr-commit\">");
            if (first) {
                html.append("<a router-link href=\"")
                        .append(DiffHtml.escape(SourceLinks.commitHref(repository, commit)))
                        .append("\">")
                        .append(commit, 0, 10)
                        .append("</a> ")
                        .append(DiffHtml.escape(line.commit().author()))
                        .append(' ')
                        .append(Formats.date(line.commit().authored()));
            }
            html.append("</td><td class=\"rr-num\">")
                    .append(line.number())
                    .append("</td><td>")
                    .append(DiffHtml.escape(line.text()))
                    .append("</td></tr>");
            previous = commit;
        }
        return html.append("</table></div>").toString();
    }
}
